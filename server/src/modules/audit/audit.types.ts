import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { Role } from '../user/role.enum';
import { MaxLength } from 'class-validator';
import { Connection, PageArgs } from '../../graphql/connection';
import { AuditEntry } from './audit-entry.entity';

@ArgsType()
export class AuditEntriesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only entries about this kind of record, e.g. Family.' })
  @MaxLength(60)
  entityType?: string;

  @Field(() => ID, { nullable: true, description: 'Only entries about this record.' })
  @MaxLength(64)
  entityId?: string;

  @Field(() => ID, { nullable: true, description: 'Only entries by this account.' })
  @MaxLength(64)
  actorId?: string;

  @Field(() => Role, { nullable: true, description: 'Only entries by accounts of this role (as it was when they acted).' })
  actorRole?: Role;

  @Field(() => [String], { nullable: true, description: 'Only these actions: each exact (user.disable) or a prefix ending in "." (user.) for all of a kind.' })
  @MaxLength(60, { each: true })
  actions?: string[];

  @Field(() => LocalDateScalar, { nullable: true, description: 'From this local date in WITA (inclusive).' })
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Up to this local date in WITA (inclusive).' })
  to?: string;
}

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry') {}
