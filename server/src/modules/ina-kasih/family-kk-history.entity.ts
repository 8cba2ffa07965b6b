import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { PersonalData } from '../../graphql/personal-data';
import { Allow, Permission } from '../../graphql/permissions';
import { OF_FAMILY } from './family-personal-data';
import { User } from '../user/user.entity';
import { Family } from './family.entity';

/**
 * Every KK number a family has held, oldest first; the current one has `validTo` empty.
 * A KK changes when a family moves, splits or gets a new head. Append-only (trigger).
 */
@ObjectType({ description: 'A KK number the family held (riwayat KK).' })
@Entity({ tableName: 'ina_family_kk_history' })
export class FamilyKkHistory {
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Family, { fieldName: 'family_id' })
  family: Family;

  @Property({ type: 'text', nullable: true, hidden: true })
  kkEnc?: string;

  @Property({ type: 'string', length: 64, nullable: true, hidden: true })
  kkHash?: string;

  @Field(() => String, { nullable: true, description: 'The KK number masked (sixteen dots, no digit).' })
  @PersonalData(OF_FAMILY)
  @Allow(Permission.FamilyRead)
  @Property({ type: 'string', length: 16, nullable: true })
  kkMasked?: string;

  @Field(() => Date)
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  validFrom: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When this KK stopped being the family’s; empty for the current one.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  validTo?: Date;

  @Field(() => String, { nullable: true, description: 'Why the KK changed (pindah, pisah KK, kepala keluarga baru…).' })
  @Property({ type: 'string', length: 300, nullable: true })
  reason?: string;

  @ManyToOne(() => User, { nullable: true, fieldName: 'recorded_by_id' })
  recordedBy?: User;

  constructor(family: Family, kk: { enc: string; hash: string; masked: string }, reason?: string) {
    this.family = family;
    this.kkEnc = kk.enc;
    this.kkHash = kk.hash;
    this.kkMasked = kk.masked;
    this.reason = reason;
  }
}
