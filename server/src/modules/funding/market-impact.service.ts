import type { RequestContext } from '../../graphql/context';
import { kelurahanScope } from '../../graphql/kelurahan-scope';
import { roleHasPermission, Permission } from '../../graphql/permissions';
import { AppError } from '../../platform/app-error';
import { partnerScope } from './funding.service';
import { exact, exactTable, isSmall as isSmallCount, protectColumns, protectTable, single, sliceColumns, sumOf, type Figure, type ProtectedTable } from './suppression';
import type { ImpactArgs, ImpactTable, SaboakKoepanImpact, YearCoverage } from './impact.types';
import { lastPublishedMonth } from './publication';

const hiddenFigure: Figure = { value: null, suppressed: true };

interface CellRow {
  level: 'category' | 'kelurahan' | 'month' | 'year';
  month: number | null;
  key: string | null;
  label: string | null;
  stall_days: number;
  vendors: number;
  days_held: number;
}

/** The year and month range of an impact query, checked. */
export function impactPeriod(args: ImpactArgs): { year: number; from: number; to: number } {
  const from = args.fromMonth ?? 1;
  const to = args.toMonth ?? 12;
  if (!Number.isInteger(args.year) || args.year < 2000 || args.year > 2100 || from < 1 || to > 12 || from > to) throw new AppError('FUNDING_INVALID_PERIOD');
  return { year: args.year, from, to };
}

/** The months (YYYY-MM) of the period of equal length just before months from–to of a year. */
export function previousMonths(year: number, from: number, to: number): string[] {
  const length = to - from + 1;
  return Array.from({ length }, (_, i) => {
    const index = year * 12 + (from - 1) - length + i;
    return monthKey(Math.floor(index / 12), (index % 12) + 1);
  });
}
const previousStart = (year: number, from: number, to: number) => `${previousMonths(year, from, to)[0]}-01`;

/**
 * Whether the caller sees exact city-wide figures (program staff, market staff, administrators). A
 * kelurahan-limited officer does not: she sees Ina Kasih exactly for her kelurahan only, and the
 * market as it is published.
 */
export const seesExact = (ctx: RequestContext) => !!ctx.user && roleHasPermission(ctx.user.role, Permission.ImpactReadUnsuppressed) && !kelurahanScope(ctx);

function monthKey(year: number, m: number) {
  return `${year}-${String(m).padStart(2, '0')}`;
}

function table(rows: { key: string; label: string }[], months: string[], t: ProtectedTable): ImpactTable {
  return {
    months,
    rows: rows.map((r, i) => ({ key: r.key, label: r.label, cells: t.cells[i], total: t.rowTotals[i] })),
    monthTotals: t.columnTotals,
    total: t.total,
  };
}

function coverage(year: number, rows: { key: string; label: string }[], t: ProtectedTable): YearCoverage {
  return { year, rows: rows.map((r, i) => ({ key: r.key, label: r.label, value: t.rowTotals[i] })), total: t.total };
}

/**
 * SABOAK KOEPAN impact from the market's monthly rollups (kept by a trigger on every check-in,
 * see Migration20261128120100) and the funding ledger: two small aggregate statements whose
 * cost does not grow with the number of bookings. The suppressed tables are
 * always computed over the whole year, then sliced to the months asked for, so overlapping
 * queries only ever show figures of the same protected table.
 */
export async function saboakKoepanImpact(ctx: RequestContext, args: ImpactArgs): Promise<SaboakKoepanImpact> {
  const period = impactPeriod(args);
  const { year, from } = period;
  const minCell = ctx.config.impactMinCell;
  const protect = !seesExact(ctx);
  const start = `${year}-01-01`;
  const end = `${year + 1}-01-01`;
  const conn = ctx.em.getConnection();
  const [published, allCells, spend] = await Promise.all([
    protect ? lastPublishedMonth(ctx, year) : Promise.resolve(12),
    conn.execute<CellRow[]>(
      `select case when grouping(category) = 0 then 'category' else 'kelurahan' end as level, extract(month from c.month)::int as month,
              coalesce(category, kelurahan_code) as key, max(r.name) as label, sum(stall_days)::int as stall_days, 0 as vendors, 0 as days_held
         from impact.impact_market_cell c left join region r on r.code = c.kelurahan_code
        where c.month >= ?::date and c.month < ?::date
        group by grouping sets ((c.month, category), (c.month, kelurahan_code))
       having sum(stall_days) > 0
       union all
       select 'month', extract(month from month)::int, null, null, stall_days, vendors, days_held
         from impact.impact_market_month where month >= ?::date and month < ?::date
       union all
       select 'year', null, null, null, 0, vendors, 0 from impact.impact_market_year where year = ?`,
      [start, end, start, end, year],
    ),
    conn.execute<{ kind: 'spend' | 'disbursed' | 'turnover'; month: string | null; amount: string; own: string | null; vendors: number | null }[]>(
      `select 'spend' as kind, to_char(value_date, 'YYYY-MM') as month, sum(amount)::bigint as amount, null::bigint as own, null::int as vendors
         from funding_transaction
        where program = 'SABOAK_KOEPAN' and type = 'EXPENDITURE' and value_date >= ?::date and value_date < ?::date
        group by 2
       union all
       select 'disbursed', null, coalesce(sum(t.amount), 0)::bigint, coalesce(sum(t.amount) filter (where s.partner_id = ?::uuid), 0)::bigint, null
         from funding_transaction t join funding_source s on s.id = t.source_id
        where t.program = 'SABOAK_KOEPAN' and t.type = 'DISBURSEMENT' and t.value_date >= ?::date and t.value_date < ?::date
       union all
       select 'turnover', to_char(t.month, 'YYYY-MM'), t.amount::bigint, t.reports, m.vendors
         from impact.market_turnover_month t left join impact.impact_market_month m on m.month = t.month
        where t.month >= ?::date and t.month < ?::date`,
      [start, end, partnerScope(ctx) ?? null, start, end, previousStart(year, from, period.to), end],
    ),
  ]);
  // Published figures end at the last published month (see publication.ts); an empty range shows nothing.
  const to = Math.max(Math.min(period.to, published), from - 1);
  const months = Array.from({ length: published }, (_, i) => i + 1);
  const cells = allCells.filter((c) => c.month === null || c.month <= published);
  const kelurahanYear = new Map<string, CellRow>();
  for (const c of cells.filter((x) => x.level === 'kelurahan' && x.month! <= published)) {
    const row = kelurahanYear.get(c.key!) ?? { ...c, month: null, stall_days: 0 };
    row.stall_days += c.stall_days;
    kelurahanYear.set(c.key!, row);
  }
  const index = new Map(cells.filter((c) => c.level !== 'kelurahan').map((c) => [`${c.level}|${c.key}|${c.month}`, c]));
  const grid = (level: 'category' | 'kelurahan') => {
    const rows = [...new Map(cells.filter((c) => c.level === level).map((c) => [c.key!, { key: c.key!, label: level === 'category' ? c.key! : (c.label ?? c.key!) }])).values()];
    rows.sort((a, b) => a.key.localeCompare(b.key));
    const values = rows.map((r) => months.map((m) => index.get(`${level}|${r.key}|${m}`)?.stall_days ?? 0));
    return { rows, values };
  };
  const byCategory = grid('category');
  const kelRows = [...kelurahanYear.values()].filter((c) => c.stall_days > 0).map((c) => ({ key: c.key!, label: c.label ?? c.key!, value: c.stall_days }));
  kelRows.sort((a, b) => a.key.localeCompare(b.key));
  const byKelurahan = { rows: kelRows, values: kelRows.map((r) => [r.value]) };
  // For a partner each month is protected on its own (publication grows by months, see protectColumns);
  // coverage by kelurahan is a second breakdown of the same stall-days, so it is given for a whole
  // published year only (by month, or growing month by month, it would break the months down twice),
  // and its total is hidden when the year's total is.
  const catT = protect ? protectColumns(byCategory.values, minCell) : exactTable(byCategory.values);
  const kelT: ProtectedTable = !protect
    ? exactTable(byKelurahan.values)
    : published < 12
      ? { cells: kelRows.map(() => [hiddenFigure]), rowTotals: kelRows.map(() => hiddenFigure), columnTotals: [hiddenFigure], total: hiddenFigure }
      : protectTable(byKelurahan.values, minCell, [catT.total.suppressed, catT.total.suppressed]);
  const shownMonths = months.slice(from - 1, to).map((m) => monthKey(year, m));
  const catSlice = sliceColumns(catT, from - 1, to - 1);
  // Month totals come from the protected table, so the monthly series never shows what a table hides.
  const monthTotals = catT.cells.length && months.length ? catT.columnTotals : months.map(() => exact(0));
  const count = (v: number): Figure => (protect ? single(v, minCell) : exact(v));
  const spendOf = (m: number) => Number(spend.find((s) => s.kind === 'spend' && s.month === monthKey(year, m))?.amount ?? 0);
  const disbursed = spend.find((s) => s.kind === 'disbursed');
  const turnoverByMonth = new Map(
    spend.filter((s) => s.kind === 'turnover').map((s) => [s.month!, { amount: Number(s.amount), reports: Number(s.own), vendors: Number(s.vendors ?? 0) }]),
  );
  // A month's turnover is one figure per vendor-day: for a partner it is hidden when a handful of
  // figures (or vendors) make it up, since it would come close to one business's takings. The same
  // rule for every month, whether asked for itself or as the previous period of another.
  const turnoverOf = (key: string): number | null => {
    const t = turnoverByMonth.get(key);
    if (!t || t.reports === 0) return 0;
    if (protect && (t.reports < minCell || isSmallCount(t.vendors, minCell))) return null;
    return t.amount;
  };
  const sumTurnover = (keys: string[]) => keys.reduce<number | null>((s, k) => (s === null || turnoverOf(k) === null ? null : s + turnoverOf(k)!), 0);
  const ownShare = partnerScope(ctx) && disbursed && Number(disbursed.amount) > 0 ? Number(disbursed.own) / Number(disbursed.amount) : null;
  const monthRows = months.slice(from - 1, to).map((m) => {
    const row = index.get(`month|null|${m}`);
    return {
      month: monthKey(year, m),
      marketDaysHeld: row?.days_held ?? 0,
      stallDays: monthTotals[m - 1],
      vendorsServed: count(row?.vendors ?? 0),
      expenditure: spendOf(m),
      turnover: turnoverOf(monthKey(year, m)),
    };
  });
  const expenditure = months.slice(from - 1, to).reduce((s, m) => s + spendOf(m), 0);
  const stallDays = sumOf(monthRows.map((r) => r.stallDays));
  const turnover = sumTurnover(monthRows.map((r) => r.month));
  const previousPeriodTurnover = sumTurnover(previousMonths(year, from, to));
  return {
    year,
    suppressionApplied: protect,
    minCell,
    months: monthRows,
    // Different vendors over a year: for a partner only once the whole year is published, since the
    // count of a year still running, asked each month, would tell how many came for the first time.
    vendorsServedInYear: protect && published < 12 ? hiddenFigure : count(cells.find((c) => c.level === 'year')?.vendors ?? 0),
    stallDaysByCategory: table(byCategory.rows, shownMonths, catSlice),
    stallDaysByKelurahan: coverage(year, byKelurahan.rows, kelT),
    expenditure,
    partnerShareOfFunding: ownShare,
    costPerStallDay: stallDays.suppressed || !stallDays.value ? null : Math.round(expenditure / stallDays.value),
    turnover,
    previousPeriodTurnover,
    turnoverGrowth: turnover === null || !previousPeriodTurnover ? null : Math.round((turnover / previousPeriodTurnover - 1) * 10_000) / 10_000,
    period: { from, to, wholeYearPublished: published === 12 && from === 1 && to === 12 },
  };
}
