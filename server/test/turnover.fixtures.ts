import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/** Test helpers for turnover: market days with checked-in vendors, written straight into the database. */
export const RECORD = `mutation($i: RecordTurnoverInput!) { recordTurnover(input: $i) { report { id version amount transactions status current confirmedImplausible } userErrors { code field message } } }`;
export const RECORD_DAY = `mutation($i: RecordTurnoverDayInput!) { recordTurnoverDay(input: $i) { saved rows { vendorId report { id amount } userErrors { code field message } } userErrors { code } } }`;
export const CORRECT = `mutation($i: CorrectTurnoverInput!) { correctTurnover(input: $i) { report { id version amount status correctionReason history { version amount current correctionReason } } userErrors { code field message } } }`;
export const CONFIRM = `mutation($i: TurnoverReportRefInput!) { confirmTurnover(input: $i) { report { id status } userErrors { code field message } } }`;
export const DISPUTE = `mutation($i: DisputeTurnoverInput!) { disputeTurnover(input: $i) { report { id status disputeComment } userErrors { code field message } } }`;
export const RESOLVE = `mutation($i: ResolveTurnoverDisputeInput!) { resolveTurnoverDispute(input: $i) { report { id version amount status resolutionNote disputeComment } userErrors { code field message } } }`;

/**
 * A past market day on `date` where each vendor has a booking with the given status
 * (default CHECKED_IN) on a stall of the layout. Returns the day id.
 */
export async function marketDayWith(t: Pick<TestApp, 'sql'>, date: string, vendors: { id: string; status?: string }[]): Promise<string> {
  const id = randomUUID();
  await t.sql(
    `insert into market_day (id, created_at, updated_at, date, status, booking_opens_at, booking_closes_at, cancel_deadline, check_in_cutoff, allocated_at)
     values (?, now(), now(), ?::date, 'ALLOCATED', ?::date - 5, ?::date - 2, ?::date - 1, ?::date + interval '8 hours', ?::date - 2)`,
    [id, date, date, date, date, date, date],
  );
  const stalls = await t.sql<{ id: string }>(`select id from market_stall order by zone, position limit ?`, [vendors.length]);
  if (stalls.length < vendors.length) {
    await t.sql(
      `insert into market_stall (id, created_at, updated_at, code, zone, position) select gen_random_uuid(), now(), now(), 'T-' || lpad(p::text, 3, '0'), 'T', p
         from generate_series(1, ?) p on conflict do nothing`,
      [vendors.length],
    );
    stalls.splice(0, stalls.length, ...(await t.sql<{ id: string }>(`select id from market_stall order by zone, position limit ?`, [vendors.length])));
  }
  const rows = vendors.map((v, i) => ({ id: randomUUID(), vendor: v.id, stall: ['CHECKED_IN', 'CONFIRMED', 'NO_SHOW'].includes(v.status ?? 'CHECKED_IN') ? stalls[i].id : null, status: v.status ?? 'CHECKED_IN' }));
  await t.sql(
    `insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at, checked_in_at)
     select x.id, now(), now(), ?, x.vendor, x.stall, x.status, now(), case when x.status = 'CHECKED_IN' then now() end
       from jsonb_to_recordset(?::jsonb) as x(id uuid, vendor uuid, stall uuid, status text)`,
    [id, JSON.stringify(rows)],
  );
  return id;
}
