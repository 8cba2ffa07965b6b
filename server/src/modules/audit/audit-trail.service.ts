import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../graphql/context';
import { toConnection, toPage, type ConnectionShape } from '../../graphql/connection';
import { AuditEntry } from './audit-entry.entity';
import type { AuditEntriesArgs } from './audit.types';

/** Midnight of a WITA (UTC+8, no daylight saving) local date, as an instant. */
const witaMidnight = (date: string, plusDays = 0): Date => {
  const d = new Date(`${date}T00:00:00+08:00`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d;
};

/** Reading the audit trail (administrators). Its own read is audited by the fields it returns. */
export class AuditTrailService {
  /**
   * A page of entries, newest first, filtered by record, actor, actor's role, action (exact, or a
   * prefix ending in "." such as "user.") and local dates in WITA (both inclusive).
   */
  async list(ctx: RequestContext, args: AuditEntriesArgs): Promise<ConnectionShape<AuditEntry>> {
    const page = toPage(args);
    const where: FilterQuery<AuditEntry> = {};
    if (args.entityType) where.entityType = args.entityType;
    if (args.entityId) where.entityId = args.entityId;
    if (args.actorId) where.actor = args.actorId;
    if (args.actorRole) where.actorRole = args.actorRole;
    const actions = (args.actions ?? []).map((a) => a.trim()).filter(Boolean);
    if (actions.length) {
      const exact = actions.filter((a) => !a.endsWith('.'));
      const prefixes = actions.filter((a) => a.endsWith('.')).map((a) => ({ action: { $like: `${a.replace(/[%_\\]/g, '\\$&')}%` } }));
      where.$or = [...(exact.length ? [{ action: { $in: exact } }] : []), ...prefixes];
    }
    if (args.from || args.to) {
      where.at = {
        ...(args.from ? { $gte: witaMidnight(args.from) } : {}),
        ...(args.to ? { $lt: witaMidnight(args.to, 1) } : {}),
      };
    }
    const [rows, total] = await ctx.em.findAndCount(AuditEntry, where, { orderBy: { id: 'desc' }, limit: page.limit, offset: page.offset });
    return toConnection(rows, total, page);
  }
}
