import type { EntityManager } from '@mikro-orm/postgresql';
import { auditInsertMany, type AuditBatchEntry } from './audit.service';

/** The action of an entry that says which personal fields of a record a request returned. */
export const PERSONAL_DATA_READ = 'personal_data.read';

interface SubjectEntry {
  action: string;
  entityType: string;
  entityId?: string;
  after: Record<string, unknown>;
  via: Set<string>;
  fields: Set<string>;
  records: Set<string>;
}

/**
 * The reads of one request that belong in the audit trail, collected while the answer is built
 * and written at its end in ONE statement (`flush`), however many records the answer holds.
 *
 * Two kinds of entry: what a service says about a read (`add`: a list with its filters, a round's
 * delivery sheet), and the personal fields each record gave (`personalField`, from `@PersonalData`).
 * A record is one entry per request, listing the fields read, the operations that read them and
 * the other records read on its behalf (a family's members); a record a service entry already
 * names gets its fields added to that entry.
 */
export class AuditReads {
  private readonly entries = new Map<string, SubjectEntry>();
  private flushed = false;
  /** The account a sign-in in this request opened: its answer is her own account, not a read of someone else's. */
  signedInAs?: string;

  /** A read a service wants on the trail (one entry per call). */
  add(action: string, entityType: string, entityId: string | undefined, after: Record<string, unknown> = {}): void {
    const key = entityId ? `${entityType}:${entityId}` : `${action}#${this.entries.size}`;
    const existing = this.entries.get(key);
    if (existing && existing.action === PERSONAL_DATA_READ) {
      Object.assign(existing, { action, after: { ...after } });
      return;
    }
    this.entries.set(key, { action, entityType, entityId, after: { ...after }, via: new Set(), fields: new Set(), records: new Set() });
  }

  /**
   * A personal field returned for a subject (the family, vendor or account the value is about).
   * `record` names the object it was read from when that is not the subject itself. A person
   * reading her own record (`own`) makes no entry of her own; when a service already wrote one
   * for the request (her data export), the fields are added to it.
   */
  personalField(subjectType: string, subjectId: string | undefined, field: string, via: string, record?: string, own = false): void {
    const key = `${subjectType}:${subjectId ?? ''}`;
    let entry = this.entries.get(key);
    if (!entry && own) return;
    if (!entry) {
      entry = { action: PERSONAL_DATA_READ, entityType: subjectType, entityId: subjectId, after: {}, via: new Set(), fields: new Set(), records: new Set() };
      this.entries.set(key, entry);
    }
    entry.fields.add(field);
    entry.via.add(via);
    if (record) entry.records.add(record);
  }

  get pending(): boolean {
    return !this.flushed && this.entries.size > 0;
  }

  /** Writes every collected entry in one INSERT (none when nothing was collected); idempotent. */
  async flush(em: EntityManager, actor: { id?: string | null; role?: string | null; ip?: string | null }): Promise<void> {
    if (!this.pending) return;
    this.flushed = true;
    const batch: AuditBatchEntry[] = [...this.entries.values()].map((e) => ({
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      after: {
        ...e.after,
        ...(e.fields.size ? { fields: [...e.fields].sort(), via: [...e.via].sort() } : {}),
        ...(e.records.size ? { records: [...e.records].sort() } : {}),
      },
    }));
    const { sql, params } = auditInsertMany(actor, batch);
    await em.getConnection().execute(sql, params);
  }
}
