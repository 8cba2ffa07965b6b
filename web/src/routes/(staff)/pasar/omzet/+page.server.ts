import { gql } from '$lib/server/graphql';
import { formKey, formText } from '$lib/server/market';
import { parseRupiah, turnoverAct } from '$lib/server/turnover';
import type { Actions, PageServerLoad } from './$types';

const DAYS = /* GraphQL */ `query { turnoverMarketDays { id date } }`;

const GRID = /* GraphQL */ `
  query TurnoverGrid($id: ID!, $from: LocalDate!, $to: LocalDate!) {
    turnoverDayGrid(marketDayId: $id) {
      marketDay { id date status }
      checkedIn recorded total
      rows { stallCode vendor { id businessName category } report { id amount transactions status version } }
    }
    turnoverTotals(period: MONTH, groupBy: NONE, from: $from, to: $to) { total rows { periodStart amount growthPercent } }
  }
`;

export interface GridRow {
  stallCode: string | null;
  vendor: { id: string; businessName: string; category: string };
  report: { id: string; amount: number; transactions: number | null; status: string; version: number } | null;
}
interface Grid {
  turnoverDayGrid: { marketDay: { id: string; date: string; status: string }; checkedIn: number; recorded: number; total: number; rows: GridRow[] };
  turnoverTotals: { total: number; rows: { periodStart: string; amount: number; growthPercent: number | null }[] };
}

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { turnoverMarketDays: days } = await gql<{ turnoverMarketDays: { id: string; date: string }[] }>(event, DAYS);
  const wanted = event.url.searchParams.get('hari');
  const day = days.find((d) => d.id === wanted) ?? days[0];
  if (!day) return { days, grid: null, totals: null };
  const year = day.date.slice(0, 4);
  const data = await gql<Grid>(event, GRID, { id: day.id, from: `${year}-01-01`, to: `${year}-12-31` });
  // One fresh idempotency key per row; the outbox makes a new one after each entry it keeps.
  const rows = data.turnoverDayGrid.rows.map((r) => ({ ...r, key: formKey() }));
  return { days, grid: { ...data.turnoverDayGrid, rows }, totals: data.turnoverTotals };
};

const RECORD = /* GraphQL */ `mutation($input: RecordTurnoverInput!) { recordTurnover(input: $input) { report { id vendor { businessName } } userErrors { code field message } } }`;

export const actions: Actions = {
  record: async (event) => {
    const form = await event.request.formData();
    const amount = formText(form, 'amount');
    const transactions = formText(form, 'transactions');
    const key = formText(form, 'idempotencyKey');
    const vendorId = formText(form, 'vendorId');
    const r = await turnoverAct<{ recordTurnover: { report: { vendor: { businessName: string } } | null; userErrors: [] } }>(
      event,
      'pasar',
      RECORD,
      {
        idempotencyKey: key,
        vendorId,
        marketDayId: formText(form, 'marketDayId'),
        amount: parseRupiah(amount),
        transactions: transactions ? Number(transactions) : null,
        confirmImplausible: form.get('confirmImplausible') === 'on' || form.get('confirmImplausible') === 'true',
      },
      { vendorId, amount, transactions, key },
    );
    return r.ok ? { saved: r.data.recordTurnover.report?.vendor.businessName ?? '' } : r.failure;
  },
};
