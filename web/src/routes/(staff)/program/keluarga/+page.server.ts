import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { FamilyStatus } from '$lib/server/gql/graphql';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

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

/** The list's filters as they may stand in an address: none of them is personal data. */
function filtersFrom(params: { get(name: string): unknown }) {
  const text = (name: string) => (typeof params.get(name) === 'string' ? (params.get(name) as string) : '');
  const status = STATUSES.find((s) => s === text('status')) ?? null;
  const desilNumber = Number(text('desil'));
  const desil = Number.isInteger(desilNumber) && desilNumber >= 1 && desilNumber <= 10 ? desilNumber : null;
  // "Due this month" (women eligible, not yet served in this WITA month) is filtered in SQL by the API.
  return { status, kelurahanCode: text('kelurahan') || null, desil, due: text('jatuhTempo') === '1' };
}

function filterQuery(f: ReturnType<typeof filtersFrom>): string {
  const q = new URLSearchParams();
  if (f.status) q.set('status', f.status);
  if (f.kelurahanCode) q.set('kelurahan', f.kelurahanCode);
  if (f.desil) q.set('desil', String(f.desil));
  if (f.due) q.set('jatuhTempo', '1');
  return q.toString();
}

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const f = filtersFrom(event.url.searchParams);
  const data = await gql(event, LIST, { search: null, status: f.status, kelurahanCode: f.kelurahanCode, desil: f.desil, due: f.due || null, after: event.url.searchParams.get('after') || null });
  return { ...data, status: f.status ?? '', kelurahanCode: f.kelurahanCode ?? '', desil: f.desil ? String(f.desil) : '', due: f.due, filterQuery: filterQuery(f) };
};

/**
 * A search is sent in the request's body, never in the address: a KK, NIK or name typed here would
 * otherwise stay in the phone's history and in every proxy's access log. Without a search text the
 * filters go to the address (they hold no personal data) so the list can be paged and bookmarked. The
 * search on every program page (buka=1) opens the family at once when one matches.
 */
export const actions: Actions = {
  cari: async (event) => {
    const form = await event.request.formData();
    const f = filtersFrom(form);
    const search = String(form.get('q') ?? '').trim().slice(0, 100);
    const query = filterQuery(f);
    if (!search) redirect(303, `/program/keluarga${query ? `?${query}` : ''}`);
    const found = await gql(event, LIST, { search, status: f.status, kelurahanCode: f.kelurahanCode, desil: f.desil, due: f.due || null, after: null });
    if (form.get('buka') === '1' && found.families.totalCount === 1) redirect(303, `/program/keluarga/${found.families.nodes[0].id}`);
    // A typed KK or NIK is not sent back into the page (the field is left empty); a name or IK number is.
    return { search: /\d{8}/.test(search.replace(/\D/g, '')) ? '' : search, found: found.families };
  },
};
