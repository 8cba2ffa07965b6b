import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PersonalData, type PersonalDataOptions } from '../../graphql/personal-data';
import { User } from '../user/user.entity';

/** Before/after values may hold the personal data of the record the entry is about: a read of them is about that record. */
const ABOUT_ITS_RECORD: PersonalDataOptions<{ id: string; entityType: string; entityId?: string | null }> = {
  subject: (e) => (e.entityId ? [e.entityType, e.entityId] : ['AuditEntry', e.id]),
};

/**
 * One line of the audit trail: who read or changed what, when, with the state before and
 * after. Append-only: a database trigger refuses UPDATE and DELETE.
 */
@ObjectType({ description: 'One line of the audit trail (jejak audit).' })
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['entityType', 'entityId'] })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id: string;

  @Field(() => Date)
  @Index()
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  at: Date = new Date();

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  actor?: User;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 20, nullable: true })
  actorRole?: string;

  /** e.g. user.create, family.read, distribution.record */
  @Field(() => String)
  @Property({ type: 'string', length: 60 })
  action: string;

  @Field(() => String)
  @Property({ type: 'string', length: 60 })
  entityType: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  entityId?: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @PersonalData(ABOUT_ITS_RECORD)
  @Property({ type: 'json', nullable: true })
  before?: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @PersonalData(ABOUT_ITS_RECORD)
  @Property({ type: 'json', nullable: true })
  after?: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  ip?: string;

  constructor(action: string, entityType: string, entityId?: string) {
    this.action = action;
    this.entityType = entityType;
    this.entityId = entityId;
  }
}
