import type { RequestContext } from '../../graphql/context';
import { refuse } from '../../platform/refusal';
import { TurnoverErrors } from './turnover-report.errors';

/** `Rp 1.200.000`, as the portal shows money (id-ID grouping, whole rupiah). */
export const rupiah = (amount: number | bigint | string): string => `Rp ${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(BigInt(amount))}`;

/** Refuses an amount that is not a whole, non-negative, safely representable number of rupiah. */
export function checkAmount(ctx: RequestContext, amount: number, field: string[]): void {
  if (!Number.isSafeInteger(amount) || amount < 0) throw refuse(ctx, TurnoverErrors.TURNOVER_AMOUNT_INVALID, field);
}

export function checkTransactions(ctx: RequestContext, transactions: number | undefined | null, field: string[]): void {
  if (transactions === undefined || transactions === null) return;
  if (!Number.isInteger(transactions) || transactions < 0 || transactions > 100_000) throw refuse(ctx, TurnoverErrors.TURNOVER_TRANSACTIONS_INVALID, field);
}

/** The constraint a PostgreSQL error names (triggers raise with `constraint = ...`). */
export function violatedConstraint(err: unknown): string | undefined {
  const e = err as { constraint?: string; message?: string } | undefined;
  return e?.constraint ?? /turnover_report_[a-z_]+|market_booking_turnover_needs_check_in/.exec(e?.message ?? '')?.[0];
}

/** The idempotency operation and audit action of a newly logged figure (one row or the day grid). */
export const TURNOVER_RECORD = 'turnover.record';

/** Sales above five times a vendor's median (of at least this many earlier days) ask for confirmation. */
const MEDIAN_FACTOR = 5;
const MEDIAN_MIN_DAYS = 3;

/** Why the figure looks wrong (above the ceiling, or above 5× her median of other days), or undefined. */
export function implausibleReason(ctx: RequestContext, amount: number, median: number | null, days: number): string | undefined {
  const ceiling = ctx.config.turnoverPlausibleMax;
  const en = ctx.locale === 'en';
  if (amount > ceiling) return en ? `the limit is ${rupiah(ceiling)} per day` : `batas ${rupiah(ceiling)} per hari`;
  if (days >= MEDIAN_MIN_DAYS && median !== null && amount > MEDIAN_FACTOR * median) {
    const m = rupiah(Math.round(median));
    return en ? `more than ${MEDIAN_FACTOR}× her median of ${m} over ${days} market days` : `lebih dari ${MEDIAN_FACTOR}× median ${m} dari ${days} hari pasar`;
  }
  return undefined;
}

/** A PostgreSQL array literal of values already checked to hold no quotes, commas or braces (uuids, idempotency keys). */
export const pgArray = (values: string[]): string => `{${values.map((v) => `"${v}"`).join(',')}}`;
