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
}

const INSERT_AUDIT_ENTRY = 'insert into audit_entry (at, actor_id, actor_role, action, entity_type, entity_id, before, after, ip)';

/**
 * The INSERT of one audit entry, for code that writes in plain SQL: run it alone, or after a
 * data-modifying WITH so the change and its entry go to the database in one statement.
 */
export function auditInsert(
  actor: { id?: string | null; role?: string | null; ip?: string | null },
  action: string,
  entityType: string,
  entityId: string | undefined,
  details: Pick<AuditDetails, 'before' | 'after'> = {},
): { sql: string; params: unknown[] } {
  return {
    sql: `${INSERT_AUDIT_ENTRY} values (now(), ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)`,
    params: [
      actor.id ?? null,
      actor.role ?? null,
      action,
      entityType,
      entityId ?? null,
      details.before ? JSON.stringify(details.before) : null,
      details.after ? JSON.stringify(details.after) : null,
      actor.ip ?? null,
    ],
  };
}

/** One entry of a batch written with `auditInsertMany`. */
export interface AuditBatchEntry {
  action: string;
  entityType: string;
  entityId?: string;
  after?: Record<string, unknown>;
}

/**
 * One INSERT for many entries of one actor (the reads of a request): the rows travel as one JSON
 * parameter, so the statement is the same whatever their number.
 */
export function auditInsertMany(actor: { id?: string | null; role?: string | null; ip?: string | null }, entries: AuditBatchEntry[]): { sql: string; params: unknown[] } {
  return {
    sql: `${INSERT_AUDIT_ENTRY}
          select now(), ?::uuid, ?::varchar, x.action, x.entity_type, x.entity_id, null, x.after, ?::varchar
            from jsonb_to_recordset(?::jsonb) as x(action varchar, entity_type varchar, entity_id varchar, after jsonb)`,
    params: [
      actor.id ?? null,
      actor.role ?? null,
      actor.ip ?? null,
      JSON.stringify(entries.map((e) => ({ action: e.action, entity_type: e.entityType, entity_id: e.entityId ?? null, after: e.after ?? null }))),
    ],
  };
}

/**
 * `auditInsert` for a data-modifying WITH whose change may write no row (a conditional insert):
 * one entry for each row of `source`, a CTE of the same statement, so nothing is audited when
 * nothing changed. Same parameters in the same order as `auditInsert`.
 */
export function auditInsertFor(
  source: string,
  ...args: Parameters<typeof auditInsert>
): { sql: string; params: unknown[] } {
  const { params } = auditInsert(...args);
  return {
    sql: `${INSERT_AUDIT_ENTRY}
          select now(), ?::uuid, ?::varchar, ?::varchar, ?::varchar, ?::varchar, ?::jsonb, ?::jsonb, ?::varchar from ${source}`,
    params,
  };
}
