import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { PageServerLoad } from './$types';

/** The market staff's home leads straight to the closing-time task: the newest market day that has begun. */
const LATEST_DAY = graphql(`query MarketStaffHome { turnoverMarketDays { id date } }`);

export const load: PageServerLoad = async (event) => {
  await event.parent(); // the role check runs before the API is asked
  const { turnoverMarketDays } = await gql(event, LATEST_DAY);
  return { latestDay: turnoverMarketDays[0] ?? null };
};
