import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { formKey } from '$lib/server/market';
import { requestStallFromForm } from '$lib/server/stall-request';
import type { Actions, PageServerLoad } from './$types';

/** Everything her home shows, in one request: the API's "today" (the market's clock) decides "tomorrow" and "this month". */
const HOME = graphql(`
  query VendorHome {
    marketToday
    myVendor { status }
    marketDays {
      id date status bookingOpen bookingOpensAt bookingClosesAt checkInCutoff cancelReason
      myBooking { id status waitlistPosition stall { code } }
    }
    myTurnover { awaitingAnswer months { month amount marketDays } }
    myMentoringVisits(first: 2) { totalCount nodes { id visitDate mentorName followUps { id done } } }
  }
`);

/** Days shown on her home: the next two market days (a weekend) that are not past. */
const SHOWN_DAYS = 2;

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const home = await gql(event, HOME);
  const today = home.marketToday;
  const month = home.myTurnover.months.find((m) => m.month === today.slice(0, 7));
  // Early in a month there is little to show: last month's figure beside it, never a comparison of the two.
  const last = home.myTurnover.months.find((m) => m.month === previousMonth(today));
  return {
    today,
    tomorrow: nextDate(today),
    vendorStatus: home.myVendor?.status ?? null,
    days: home.marketDays.filter((d) => d.date >= today).slice(0, SHOWN_DAYS),
    // Her stall today or tomorrow, for the reminder at the top.
    booked: home.marketDays.filter((d) => d.status !== 'CANCELLED' && d.myBooking?.status === 'CONFIRMED' && d.myBooking.stall && d.date <= nextDate(today)),
    turnover: {
      amount: month?.amount ?? 0,
      days: month?.marketDays ?? 0,
      lastAmount: last?.amount ?? 0,
      lastDays: last?.marketDays ?? 0,
      awaiting: home.myTurnover.awaitingAnswer,
    },
    mentoring: home.myMentoringVisits,
    passwordChanged: event.url.searchParams.get('sandi') === 'baru',
    key: formKey(),
  };
};

function previousMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export const actions: Actions = {
  request: requestStallFromForm,
};
