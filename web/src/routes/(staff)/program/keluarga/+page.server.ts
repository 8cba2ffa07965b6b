import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { FamilyStatus } from '$lib/server/gql/graphql';
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

const LIST = graphql(`
  query Families($search: String, $status: FamilyStatus, $kelurahanCode: String, $desil: Int, $due: Boolean, $after: String) {
    families(first: 30, search: $search, status: $status, kelurahanCode: $kelurahanCode, desil: $desil, dueThisMonth: $due, after: $after) {
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
  const desilNumber = Number(q.get('desil'));
  const desil = Number.isInteger(desilNumber) && desilNumber >= 1 && desilNumber <= 10 ? desilNumber : null;
  const data = await gql(event, LIST, { search: q.get('q') || null, status, kelurahanCode: q.get('kelurahan') || null, desil, due: due || null, after: q.get('after') || null });
  // The search on every program page (buka=1): a single match opens the family at once.
  if (q.get('buka') === '1' && data.families.totalCount === 1) redirect(303, `/program/keluarga/${data.families.nodes[0].id}`);
  return { ...data, search: q.get('q') ?? '', status: status ?? '', kelurahanCode: q.get('kelurahan') ?? '', desil: desil ? String(desil) : '', due };
};
