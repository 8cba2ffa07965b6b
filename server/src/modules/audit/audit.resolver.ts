import type { FilterQuery } from '@mikro-orm/core';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { toConnection, toPage } from '../../graphql/connection';
import { Allow, Permission } from '../../graphql/permissions';
import { User } from '../user/user.entity';
import { userRowLoader } from '../user/user.loaders';
import type { UserRow } from '../user/user.row';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntriesArgs, AuditEntryConnection } from './audit.types';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Allow(Permission.AuditRead)
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first (admin only).' })
  async auditEntries(@Ctx() ctx: RequestContext, @Args(() => AuditEntriesArgs) args: AuditEntriesArgs): Promise<AuditEntryConnection> {
    const page = toPage(args);
    const where: FilterQuery<AuditEntry> = {};
    if (args.entityType) where.entityType = args.entityType;
    if (args.entityId) where.entityId = args.entityId;
    if (args.actorId) where.actor = args.actorId;
    const [rows, total] = await ctx.em.findAndCount(AuditEntry, where, { orderBy: { id: 'desc' }, limit: page.limit, offset: page.offset });
    return toConnection(rows, total, page);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who did it.' })
  actor(@Ctx() ctx: RequestContext, @Root() entry: AuditEntry): Promise<UserRow | undefined> {
    return entry.actor ? ctx.loaders.get(userRowLoader).load(entry.actor.id) : Promise.resolve(undefined);
  }
}
