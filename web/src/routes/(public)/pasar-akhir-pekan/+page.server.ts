import { gql } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

const PUBLIC_MARKET = /* GraphQL */ `
  query { publicMarket { venue days { date cancelled cancelReason vendorCount vendors { businessName category products stallCode } } } }
`;

interface PublicMarket {
  publicMarket: {
    venue: string;
    days: { date: string; cancelled: boolean; cancelReason: string | null; vendorCount: number; vendors: { businessName: string; category: string; products: string; stallCode: string | null }[] }[];
  };
}

export const load: PageServerLoad = async (event) => (await gql<PublicMarket>(event, PUBLIC_MARKET)).publicMarket;
