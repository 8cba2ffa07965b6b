import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { formKey, formText } from '$lib/server/market';
import { parseRupiah, turnoverAct } from '$lib/server/turnover';
import type { Actions, PageServerLoad } from './$types';

const DAYS = graphql(`query TurnoverMarketDays { turnoverMarketDays { id date } }`);

const GRID = graphql(`
  query TurnoverGrid($id: ID!, $from: LocalDate!, $to: LocalDate!) {
    turnoverDayGrid(marketDayId: $id) {
      marketDay { id date status }
      checkedIn recorded total
      rows { stallCode vendor { id businessName category } report { id amount transactions status version } }
    }
    turnoverTotals(period: MONTH, groupBy: NONE, from: $from, to: $to) { total rows { periodStart amount marketDays } }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { turnoverMarketDays: days } = await gql(event, DAYS);
  const wanted = event.url.searchParams.get('hari');
  const day = days.find((d) => d.id === wanted) ?? days[0];
  if (!day) return { days, grid: null, totals: null };
  const year = day.date.slice(0, 4);
  const data = await gql(event, GRID, { id: day.id, from: `${year}-01-01`, to: `${year}-12-31` });
  // One fresh idempotency key per row; the outbox makes a new one after each entry it keeps.
  const rows = data.turnoverDayGrid.rows.map((r) => ({ ...r, key: formKey() }));
  return { days, grid: { ...data.turnoverDayGrid, rows }, totals: data.turnoverTotals };
};

const RECORD = graphql(`mutation RecordTurnover($input: RecordTurnoverInput!) { recordTurnover(input: $input) { report { id vendor { businessName } } userErrors { code field message } } }`);

export const actions: Actions = {
  record: async (event) => {
    const form = await event.request.formData();
    const amount = formText(form, 'amount');
    const transactions = formText(form, 'transactions');
    const key = formText(form, 'idempotencyKey');
    const vendorId = formText(form, 'vendorId');
    const r = await turnoverAct(
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
