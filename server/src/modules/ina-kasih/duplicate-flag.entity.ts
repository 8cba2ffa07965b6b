import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../platform/base.entity';
import { User } from '../user/user.entity';
import { DuplicateFlagStatus, DuplicateKind, DuplicateResolution } from './family.enums';
import { FamilyMember } from './family-member.entity';
import { Family } from './family.entity';

/**
 * The same KK or NIK found in two ACTIVE families. Raised by database triggers (under an
 * advisory lock on the blind index, so two server processes cannot both slip past), never
 * resolved by the platform itself: staff decide.
 */
@ObjectType({ description: 'The same KK or NIK in two active families, waiting for staff to decide (duplikat).' })
@Entity({ tableName: 'ina_duplicate_flag' })
export class DuplicateFlag extends BaseEntity {
  @Field(() => DuplicateKind)
  @Enum({ items: () => DuplicateKind, columnType: 'varchar(3)' })
  kind: DuplicateKind;

  @Property({ type: 'string', length: 64, hidden: true })
  blindHash: string;

  /** The two families; `family` has the smaller id. */
  @ManyToOne(() => Family, { fieldName: 'family_id' })
  family: Family;

  @ManyToOne(() => Family, { fieldName: 'other_family_id' })
  otherFamily: Family;

  @ManyToOne(() => FamilyMember, { nullable: true, fieldName: 'member_id' })
  member?: FamilyMember;

  @ManyToOne(() => FamilyMember, { nullable: true, fieldName: 'other_member_id' })
  otherMember?: FamilyMember;

  @Field(() => DuplicateFlagStatus)
  @Enum({ items: () => DuplicateFlagStatus, columnType: 'varchar(10)', default: DuplicateFlagStatus.OPEN })
  status: DuplicateFlagStatus = DuplicateFlagStatus.OPEN;

  @Field(() => DuplicateResolution, { nullable: true })
  @Enum({ items: () => DuplicateResolution, columnType: 'varchar(16)', nullable: true })
  resolution?: DuplicateResolution;

  @Field(() => String, { nullable: true, description: 'What staff checked and decided.' })
  @Property({ type: 'string', length: 500, nullable: true })
  resolutionNote?: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  resolvedAt?: Date;

  @ManyToOne(() => User, { nullable: true, fieldName: 'resolved_by_id' })
  resolvedBy?: User;

  constructor(kind: DuplicateKind, blindHash: string, family: Family, otherFamily: Family) {
    super();
    this.kind = kind;
    this.blindHash = blindHash;
    this.family = family;
    this.otherFamily = otherFamily;
  }
}
