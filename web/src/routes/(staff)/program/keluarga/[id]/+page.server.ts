import { error } from '@sveltejs/kit';
import { gql } from '$lib/server/graphql';
import { act } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const FAMILY = /* GraphQL */ `
  query Family($id: ID!) {
    family(id: $id) {
      id registryNumber kkMasked headName address desil dataSource verifiedAt skNumber phase enrolledAt status statusReason consentGivenAt consentMethod
      kelurahan { name }
      eligibleWomen
      members { id name nikMasked nikMismatch birthDate sex relation inSchool disability leftAt age eligible }
      kkHistory { kkMasked validFrom validTo reason }
      openDuplicateFlags { id kind }
    }
  }
`;
const REVEAL = /* GraphQL */ `mutation($input: RevealFamilyIdentityInput!) { revealFamilyIdentity(input: $input) { identity { kk members { memberId nik } } userErrors { code field message } } }`;

export const load: PageServerLoad = async (event) => {
  const parent = await event.parent();
  const { family } = await gql<{ family: Record<string, any> | null }>(event, FAMILY, { id: event.params.id });
  if (!family) error(404, { code: 'NOT_FOUND', message: 'Keluarga tidak ditemukan.' });
  return { family, canReveal: ['PROGRAM_STAFF', 'ADMIN'].includes(parent.user.role) };
};

export const actions: Actions = {
  reveal: async (event) => {
    const r = await act<{ revealFamilyIdentity: { identity: { kk: string | null; members: { memberId: string; nik: string | null }[] } | null; userErrors: [] } }>(
      event,
      'program',
      REVEAL,
      { familyId: event.params.id },
    );
    if (!r.ok) return r.failure;
    return { identity: r.data.revealFamilyIdentity.identity };
  },
};
