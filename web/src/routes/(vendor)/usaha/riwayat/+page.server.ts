import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { PageServerLoad } from './$types';

const HISTORY = graphql(`
  query MyBookings { myBookings(first: 100) { totalCount nodes { id status explanation stall { code } marketDay { date } } } }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { myBookings } = await gql(event, HISTORY);
  return { bookings: myBookings.nodes };
};
