import type { RequestContext } from '../../graphql/context';
import { AppError } from '../../platform/app-error';
import { addDays } from '../../platform/wita-clock';
import { TurnoverErrors } from './turnover-report.errors';
import { TOTALS_MAX_ROWS, TurnoverGroupBy, TurnoverPeriod, type TurnoverTotals, type TurnoverTotalsArgs } from './turnover-totals.types';

export const MAX_RANGE_DAYS = 3660;

/** First day of the period holding the date `x` (an SQL date expression). */
const BUCKET: Record<TurnoverPeriod, (x: string) => string> = {
  [TurnoverPeriod.DAY]: (x) => `(${x})`,
  // Saturday of the weekend: isodow 6 (Sat) → +0 days back, 7 (Sun) → 1 day back.
  [TurnoverPeriod.WEEKEND]: (x) => `((${x}) - ((extract(isodow from ${x})::int + 1) % 7))`,
  [TurnoverPeriod.MONTH]: (x) => `date_trunc('month', ${x})::date`,
  [TurnoverPeriod.YEAR]: (x) => `date_trunc('year', ${x})::date`,
};

/** First day of the period before the one starting at `b`. */
const PREVIOUS: Record<TurnoverPeriod, (b: string) => string> = {
  [TurnoverPeriod.DAY]: (b) => `(${b} - 7)`,
  [TurnoverPeriod.WEEKEND]: (b) => `(${b} - 7)`,
  [TurnoverPeriod.MONTH]: (b) => `(${b} - interval '1 month')::date`,
  [TurnoverPeriod.YEAR]: (b) => `(${b} - interval '1 year')::date`,
};

const GROUP: Record<TurnoverGroupBy, { key: string; label: string; join: string }> = {
  [TurnoverGroupBy.NONE]: { key: `''`, label: `''`, join: '' },
  [TurnoverGroupBy.CATEGORY]: { key: `v.category`, label: `v.category`, join: '' },
  [TurnoverGroupBy.KELURAHAN]: { key: `v.kelurahan_code`, label: `kel.name`, join: `join region kel on kel.code = v.kelurahan_code` },
  [TurnoverGroupBy.VENDOR]: { key: `v.id::text`, label: `v.business_name || ' (' || v.code || ')'`, join: '' },
};

/** A PostgreSQL numeric (as text) to a JavaScript number, refusing what a number cannot hold exactly. */
export function exactRupiah(text: string | null): number {
  if (text === null) return 0;
  const n = BigInt(text);
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < -BigInt(Number.MAX_SAFE_INTEGER)) throw new AppError(TurnoverErrors.TURNOVER_TOTAL_TOO_LARGE);
  return Number(n);
}

export function checkRange(from: string, to: string, maxDays: number): void {
  if (from > to || addDays(from, maxDays) < to) throw new AppError(TurnoverErrors.TURNOVER_RANGE_INVALID, { max: maxDays });
}

/**
 * Totals of the current figures per period and group, each with the same group's previous
 * period, in ONE aggregate statement: sums are PostgreSQL numeric (never a 32-bit or floating
 * sum) and sent as exact whole rupiah. The previous period is always whole (it may lie before
 * `from`); the periods shown hold only dates from `from` to `to`.
 */
export async function turnoverTotals(ctx: RequestContext, args: TurnoverTotalsArgs): Promise<TurnoverTotals> {
  checkRange(args.from, args.to, MAX_RANGE_DAYS);
  const bucket = BUCKET[args.period];
  const previous = PREVIOUS[args.period];
  const g = GROUP[args.groupBy];
  const rows = await ctx.em.execute(
    `with p as (select ?::date as range_from, ?::date as range_to),
     bounds as (select range_from, range_to, ${bucket('range_from')} as first_bucket from p),
     r as (
       select ${bucket('d.date')} as bucket, ${g.key} as key, min(${g.label}) as label,
              sum(t.amount) filter (where d.date >= b.range_from) as amount,
              sum(t.amount) as full_amount,
              count(distinct t.vendor_id) filter (where d.date >= b.range_from)::int as vendors,
              count(distinct t.market_day_id) filter (where d.date >= b.range_from)::int as market_days
         from turnover_report t
         join market_day d on d.id = t.market_day_id
         join market_vendor v on v.id = t.vendor_id
         ${g.join}
         cross join bounds b
        where t.current and d.date <= b.range_to and d.date >= ${previous('b.first_bucket')}
        group by 1, 2
     )
     select to_char(cur.bucket, 'YYYY-MM-DD') as period_start, cur.key, cur.label, cur.amount::text as amount,
            prev.full_amount::text as previous_amount,
            round((cur.amount - prev.full_amount) * 100.0 / nullif(prev.full_amount, 0), 1)::float8 as growth,
            cur.vendors, cur.market_days,
            (sum(cur.amount) over ())::text as total, (count(*) over ())::int as row_count
       from r cur
       left join r prev on prev.bucket = ${previous('cur.bucket')} and prev.key = cur.key
      where cur.amount is not null and cur.bucket >= (select first_bucket from bounds)
      order by cur.bucket, cur.amount desc, cur.key
      limit ${TOTALS_MAX_ROWS}`,
    [args.from, args.to],
  );
  return {
    period: args.period,
    groupBy: args.groupBy,
    from: args.from,
    to: args.to,
    total: exactRupiah(rows[0]?.total ?? null),
    truncated: (rows[0]?.row_count ?? 0) > TOTALS_MAX_ROWS,
    rows: rows.map((r: any) => ({
      periodStart: r.period_start,
      groupKey: args.groupBy === TurnoverGroupBy.NONE ? undefined : r.key,
      groupLabel: args.groupBy === TurnoverGroupBy.NONE ? undefined : r.label,
      amount: exactRupiah(r.amount),
      previousAmount: r.previous_amount === null ? undefined : exactRupiah(r.previous_amount),
      growthPercent: r.growth ?? undefined,
      vendors: r.vendors,
      marketDays: r.market_days,
    })),
  };
}
