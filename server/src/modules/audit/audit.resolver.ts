import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { ConnectionShape } from '../../graphql/connection';
import { Allow, Permission } from '../../graphql/permissions';
import { User } from '../user/user.entity';
import { userRowLoader } from '../user/user.loaders';
import type { UserRow } from '../user/user.row';
import { AuditEntry } from './audit-entry.entity';
import { AuditTrailService } from './audit-trail.service';
import { AuditEntriesArgs, AuditEntryConnection } from './audit.types';

@Resolver(() => AuditEntry)
export class AuditResolver {
  private readonly trail = new AuditTrailService();

  @Allow(Permission.AuditRead)
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first (admin only), filtered by record, actor, action and dates.' })
  auditEntries(@Ctx() ctx: RequestContext, @Args(() => AuditEntriesArgs) args: AuditEntriesArgs): Promise<ConnectionShape<AuditEntry>> {
    return this.trail.list(ctx, args);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who did it.' })
  actor(@Ctx() ctx: RequestContext, @Root() entry: AuditEntry): Promise<UserRow | undefined> {
    return entry.actor ? ctx.loaders.get(userRowLoader).load(entry.actor.id) : Promise.resolve(undefined);
  }
}
