import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { PageServerLoad } from './$types';

const PUBLIC_MARKET = graphql(`
  query PublicMarket { publicMarket { venue days { date cancelled cancelReason vendorCount vendors { businessName category products stallCode } } } }
`);

export const load: PageServerLoad = async (event) => (await gql(event, PUBLIC_MARKET)).publicMarket;
