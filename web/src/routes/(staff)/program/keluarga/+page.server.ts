import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { FamilyStatus } from '$lib/server/gql/graphql';
import type { PageServerLoad } from './$types';

const LIST = graphql(`
  query Families($search: String, $status: FamilyStatus, $kelurahanCode: String, $due: Boolean, $after: String) {
    families(first: 30, search: $search, status: $status, kelurahanCode: $kelurahanCode, dueThisMonth: $due, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id registryNumber kkMasked headName desil status kelurahan { name } eligibleWomen openDuplicateFlags { id } }
    }
    registrationKelurahan { code name }
  }
`);

const STATUSES: FamilyStatus[] = ['ACTIVE', 'PAUSED', 'EXITED'];

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const q = event.url.searchParams;
  const status = STATUSES.find((s) => s === q.get('status')) ?? null;
  // "Due this month" (women eligible, not yet served in this WITA month) is filtered in SQL by the API.
  const due = q.get('jatuhTempo') === '1';
  const data = await gql(event, LIST, { search: q.get('q') || null, status, kelurahanCode: q.get('kelurahan') || null, due: due || null, after: q.get('after') || null });
  return { ...data, search: q.get('q') ?? '', status: status ?? '', kelurahanCode: q.get('kelurahan') ?? '', due };
};
