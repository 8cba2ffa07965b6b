import { gql } from '$lib/server/graphql';
import type { Partner } from '$lib/server/graphql-types';
import type { PageServerLoad } from './$types';

const ORGANISATION = /* GraphQL */ `
  query PartnerOrganisation {
    me { partner { name } }
  }
`;

export const load: PageServerLoad = async (event) => {
  await event.parent(); // the role check runs before the API is asked
  const { me } = await gql<{ me: { partner: Pick<Partner, 'name'> | null } }>(event, ORGANISATION);
  return { partner: me.partner };
};
