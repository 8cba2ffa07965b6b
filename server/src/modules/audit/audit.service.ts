import type { RequestContext } from '../../graphql/context';
import { AuditEntry } from './audit-entry.entity';
import { User } from '../user/user.entity';

export interface AuditDetails {
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Overrides the actor, e.g. during sign-in before the request has a user. */
  actorId?: string;
  actorRole?: string;
}

/** Writes the audit trail. Entries join the caller's unit of work, so they commit with the change. */
export class AuditService {
  record(ctx: RequestContext, action: string, entityType: string, entityId: string | undefined, details: AuditDetails = {}): AuditEntry {
    const entry = new AuditEntry(action, entityType, entityId);
    const actorId = details.actorId ?? ctx.user?.id;
    if (actorId) entry.actor = ctx.em.getReference(User, actorId);
    entry.actorRole = details.actorRole ?? ctx.user?.role;
    entry.before = details.before;
    entry.after = details.after;
    entry.ip = ctx.ip;
    ctx.em.persist(entry);
    return entry;
  }

  /**
   * Writes one entry at once in a single INSERT, outside the caller's unit of work: for audited
   * reads (lists, plans), where a flushed transaction would cost three statements.
   */
  async recordNow(ctx: RequestContext, action: string, entityType: string, entityId: string | undefined, details: AuditDetails = {}): Promise<void> {
    await ctx.em.getConnection().execute(
      `insert into audit_entry (at, actor_id, actor_role, action, entity_type, entity_id, before, after, ip) values (now(), ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)`,
      [
        details.actorId ?? ctx.user?.id ?? null,
        details.actorRole ?? ctx.user?.role ?? null,
        action,
        entityType,
        entityId ?? null,
        details.before ? JSON.stringify(details.before) : null,
        details.after ? JSON.stringify(details.after) : null,
        ctx.ip ?? null,
      ],
    );
  }
}
