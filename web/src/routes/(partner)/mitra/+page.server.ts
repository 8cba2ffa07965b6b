import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { PageServerLoad } from './$types';

const ORGANISATION = graphql(`
  query PartnerOrganisation {
    me { partner { name } }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent(); // the role check runs before the API is asked
  const { me } = await gql(event, ORGANISATION);
  return { partner: me.partner };
};
