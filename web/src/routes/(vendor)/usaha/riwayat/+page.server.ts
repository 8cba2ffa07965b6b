import { gql } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

const HISTORY = /* GraphQL */ `
  query { myBookings(first: 100) { totalCount nodes { id status explanation stall { code } marketDay { date } } } }
`;

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { myBookings } = await gql<{
    myBookings: { totalCount: number; nodes: { id: string; status: string; explanation: string | null; stall: { code: string } | null; marketDay: { date: string } }[] };
  }>(event, HISTORY);
  return { bookings: myBookings.nodes };
};
