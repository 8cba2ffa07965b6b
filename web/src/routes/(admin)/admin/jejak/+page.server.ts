import { AUDIT_ACTIONS, AUDIT_GROUPS, groupFilter, type AuditGroup } from '$lib/components/admin/audit-codes';
import { ROLES } from '$lib/roles';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { PageServerLoad } from './$types';

// Reading names and before/after values is itself audited by the API (one entry per record shown).
const TRAIL = graphql(`
  query AdminAuditTrail($first: Int!, $after: String, $actions: [String!], $actorRole: Role, $actorId: ID, $from: LocalDate, $to: LocalDate) {
    auditEntries(first: $first, after: $after, actions: $actions, actorRole: $actorRole, actorId: $actorId, from: $from, to: $to) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id at action entityType actorRole actor { fullName } before after }
    }
  }
`);

const PAGE_SIZE = 25;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;

/** The filter in the query string: ?aksi=accounts|user.disable&peran=ADMIN&dari=2026-12-01&sampai=2026-12-07&pelaku=<id>. */
function readFilter(url: URL) {
  const q = url.searchParams;
  const aksi = q.get('aksi') ?? '';
  const group = Object.hasOwn(AUDIT_GROUPS, aksi) ? (aksi as AuditGroup) : undefined;
  const exact = (AUDIT_ACTIONS as readonly string[]).includes(aksi) ? aksi : undefined;
  const date = (name: string) => (LOCAL_DATE.test(q.get(name) ?? '') ? q.get(name)! : '');
  return {
    aksi: group || exact ? aksi : '',
    actions: group ? groupFilter(group) : exact ? [exact] : null,
    role: ROLES.find((r) => r === q.get('peran')),
    from: date('dari'),
    to: date('sampai'),
    actorId: UUID.test(q.get('pelaku') ?? '') ? q.get('pelaku')! : '',
  };
}

export const load: PageServerLoad = async (event) => {
  await event.parent(); // the role check runs before the API is asked
  const f = readFilter(event.url);
  const { auditEntries } = await gql(event, TRAIL, {
    first: PAGE_SIZE,
    after: event.url.searchParams.get('setelah') || null,
    actions: f.actions,
    actorRole: f.role ?? null,
    actorId: f.actorId || null,
    from: f.from || null,
    to: f.to || null,
  });
  const { actions: _, ...rest } = f;
  return { trail: auditEntries, filter: { ...rest, role: rest.role ?? '' }, paged: event.url.searchParams.has('setelah') };
};
