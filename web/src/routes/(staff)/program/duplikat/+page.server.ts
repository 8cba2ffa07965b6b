import { fail } from '@sveltejs/kit';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { DuplicateResolution } from '$lib/server/gql/graphql';
import { act, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const LIST = graphql(`
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
`);
const RESOLVE = graphql(`mutation ResolveDuplicateFlag($input: ResolveDuplicateFlagInput!) { resolveDuplicateFlag(input: $input) { flag { id status } userErrors { code field message } } }`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const data = await gql(event, LIST, {
    after: event.url.searchParams.get('after') || null,
  });
  return data;
};

export const actions: Actions = {
  resolve: async (event) => {
    const form = await event.request.formData();
    const flagId = formText(form, 'flagId');
    const resolution = formText(form, 'resolution') as DuplicateResolution;
    const exitFamilyId = formText(form, 'exitFamilyId');
    const r = await act(event, 'program', RESOLVE, {
      flagId,
      resolution,
      note: formText(form, 'note'),
      exitFamilyId: resolution === 'EXITED_ONE' && exitFamilyId ? exitFamilyId : null,
    });
    if (!r.ok) return fail(400, { errors: r.failure.data.errors, flagId });
    return { resolved: flagId };
  },
};
