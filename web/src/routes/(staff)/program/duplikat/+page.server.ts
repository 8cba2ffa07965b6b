import { fail } from '@sveltejs/kit';
import { gql } from '$lib/server/graphql';
import { act, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const LIST = /* GraphQL */ `
  query DuplicateFlags($after: String) {
    duplicateFlags(first: 30, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id kind createdAt
        family { id registryNumber headName kkMasked kelurahan { name } }
        otherFamily { id registryNumber headName kkMasked kelurahan { name } }
        member { name nikMasked }
        otherMember { name nikMasked }
      }
    }
  }
`;
const RESOLVE = /* GraphQL */ `mutation($input: ResolveDuplicateFlagInput!) { resolveDuplicateFlag(input: $input) { flag { id status } userErrors { code field message } } }`;

interface Side { id: string; registryNumber: string; headName: string; kkMasked: string | null; kelurahan: { name: string } }
export interface Flag {
  id: string;
  kind: 'KK' | 'NIK';
  createdAt: string;
  family: Side | null;
  otherFamily: Side | null;
  member: { name: string; nikMasked: string | null } | null;
  otherMember: { name: string; nikMasked: string | null } | null;
}

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const data = await gql<{ duplicateFlags: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Flag[] } }>(event, LIST, {
    after: event.url.searchParams.get('after') || null,
  });
  return data;
};

export const actions: Actions = {
  resolve: async (event) => {
    const form = await event.request.formData();
    const flagId = formText(form, 'flagId');
    const resolution = formText(form, 'resolution');
    const exitFamilyId = formText(form, 'exitFamilyId');
    const r = await act<{ resolveDuplicateFlag: { flag: { id: string } | null; userErrors: [] } }>(event, 'program', RESOLVE, {
      flagId,
      resolution,
      note: formText(form, 'note'),
      exitFamilyId: resolution === 'EXITED_ONE' && exitFamilyId ? exitFamilyId : null,
    });
    if (!r.ok) return fail(400, { errors: r.failure.data.errors, flagId });
    return { resolved: flagId };
  },
};
