import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Erasure of personal data at the person's request (UU 27/2022), the part every erasure shares:
 * the audit trail keeps who did what and when, but loses the personal values of its entries
 * about the person's records. `audit_entry` is append-only; its one exception (only before/after,
 * only to a value marked `"erased": true`) is open in a transaction that called `beginErasure`.
 */

/** What stands in for an erased name or address where the column stays NOT NULL (for the counts' sake). */
export const ERASED_TEXT = '—';

/** Keys of audit before/after values that may carry a person's data (family, member, vendor, account). */
export const PERSONAL_AUDIT_KEYS = [
  'headName', 'address', 'kk', 'name', 'nik', 'birthDate', 'reason', 'note', 'proxyName', 'statusReason',
  'businessName', 'ownerName', 'phone', 'nib', 'products', 'fullName', 'email', 'comment', 'notes', 'staffNotes', 'description',
];

/** Records whose audit entries lose their personal values: entries with this entity type and an id from the query. */
export interface AuditRecords {
  entityType: string;
  /** A query giving the ids (as text), e.g. `select id::text from ina_family_member where family_id = ?`. */
  idsSql: string;
  params: unknown[];
}

/** Opens, for this transaction only, the exceptions of the append-only tables that an erasure needs. */
export async function beginErasure(em: EntityManager): Promise<void> {
  await em.execute(`select set_config('app.erasure', 'on', true)`);
}

/** Removes the personal values from every audit entry about the given records, in one statement. */
export async function eraseAuditValues(em: EntityManager, records: AuditRecords[]): Promise<void> {
  if (!records.length) return;
  const keys = `{${PERSONAL_AUDIT_KEYS.join(',')}}`;
  const about = records.map((r) => `(a.entity_type = ? and a.entity_id in (${r.idsSql}))`).join(' or ');
  await em.execute(
    `update audit_entry a
        set before = case when a.before is null then null else (a.before - ?::text[]) || '{"erased": true}' end,
            after = case when a.after is null then null else (a.after - ?::text[]) || '{"erased": true}' end
      where (a.before is not null or a.after is not null) and (${about})`,
    [keys, keys, ...records.flatMap((r) => [r.entityType, ...r.params])],
  );
}
