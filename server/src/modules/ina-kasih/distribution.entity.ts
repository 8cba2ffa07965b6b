import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PersonalData } from '../../graphql/personal-data';
import { Region } from '../region/region.entity';
import { User } from '../user/user.entity';
import { Family } from './family.entity';
import { FamilyMember } from './family-member.entity';
import { OF_FAMILY } from './family-personal-data';
import { DistributionRound } from './round.entity';

export enum DistributionPlace {
  DOOR_TO_DOOR = 'DOOR_TO_DOOR',
  KELURAHAN_OFFICE = 'KELURAHAN_OFFICE',
  SCHOOL = 'SCHOOL',
  HEALTH_POST = 'HEALTH_POST',
}
registerEnumType(DistributionPlace, {
  name: 'DistributionPlace',
  description: 'Where the packs were handed over.',
  valuesConfig: {
    DOOR_TO_DOOR: { description: 'At home, door to door (dari rumah ke rumah).' },
    KELURAHAN_OFFICE: { description: 'At the kelurahan office (kantor kelurahan).' },
    SCHOOL: { description: 'At school (sekolah).' },
    HEALTH_POST: { description: 'At a health post (posyandu / puskesmas).' },
  },
});

export enum DistributionKind {
  DELIVERY = 'DELIVERY',
  REVERSAL = 'REVERSAL',
}
registerEnumType(DistributionKind, {
  name: 'DistributionKind',
  description: 'A delivery, or the reversal entry that corrects one.',
});

/**
 * One entry of the delivery ledger: a delivery to a family in a round, or the reversal that
 * corrects one (negated packs, a reason). Never edited or deleted; at most one delivery per
 * family and round stands (unique `attempt` among deliveries, each later one only after a reversal).
 */
@ObjectType({ description: 'A delivery of pads to a family in a round (penyaluran), or the reversal of one. Append-only.' })
@Entity({ tableName: 'ina_distribution' })
export class Distribution {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Date, { description: 'When it was recorded.' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @ManyToOne(() => DistributionRound, { fieldName: 'round_id' })
  round: DistributionRound;

  @ManyToOne(() => Family, { fieldName: 'family_id' })
  family: Family;

  /** The family's kelurahan when delivered (coverage and staff scope). */
  @ManyToOne(() => Region, { fieldName: 'kelurahan_code' })
  kelurahan: Region;

  @Field(() => DistributionKind)
  @Enum({ items: () => DistributionKind, columnType: 'varchar(8)' })
  kind: DistributionKind;

  /** 1 for the first delivery to the family in the round, 2 after that one was reversed, … */
  @Property({ type: 'integer' })
  attempt: number;

  @ManyToOne(() => Distribution, { nullable: true, fieldName: 'reverses_id' })
  reverses?: Distribution;

  @Field(() => Int, { description: 'Packs handed over; negative on a reversal.' })
  @Property({ type: 'integer' })
  packs: number;

  @ManyToOne(() => FamilyMember, { nullable: true, fieldName: 'received_by_member_id' })
  receivedByMember?: FamilyMember;

  @Field(() => String, { nullable: true, description: 'Name of the authorised proxy who signed, when not a family member.' })
  @PersonalData(OF_FAMILY)
  @Property({ type: 'string', length: 120, nullable: true })
  proxyName?: string;

  @Field(() => DistributionPlace, { nullable: true })
  @Enum({ items: () => DistributionPlace, columnType: 'varchar(20)', nullable: true })
  place?: DistributionPlace;

  @Field(() => Date, { description: 'When the packs were handed over.' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  deliveredAt: Date;

  @ManyToOne(() => User, { nullable: true, hidden: true, fieldName: 'recorded_by_id' })
  recordedBy?: User;

  @Field(() => String, { nullable: true, description: 'Why a delivery was reversed.' })
  @Property({ type: 'string', length: 500, nullable: true })
  reason?: string;

  constructor(round: DistributionRound, family: Family, kelurahan: Region, kind: DistributionKind, attempt: number, packs: number, deliveredAt: Date) {
    this.round = round;
    this.family = family;
    this.kelurahan = kelurahan;
    this.kind = kind;
    this.attempt = attempt;
    this.packs = packs;
    this.deliveredAt = deliveredAt;
  }
}
