import type { RequestContext } from '../../graphql/context';
import { refuse } from '../market/market.guard';
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
