import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
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
}

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry') {}
