import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import type { UserError } from '../../graphql/user-error.type';
import { createIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { isUuid, refuse, refusalsAsErrors } from '../../platform/refusal';
import { User } from '../user/user.entity';
import { TurnoverReport } from './turnover-report.entity';
import { TurnoverErrors } from './turnover-report.errors';
import type { CorrectTurnoverInput, RecordTurnoverDayInput, RecordTurnoverInput } from './turnover-report.types';
import type { TurnoverReportRow } from './turnover-report.rows';
import { TurnoverRecordService, type OneRow } from './turnover-record.service';
import { TurnoverDayService } from './turnover-day.service';
import { checkAmount, checkTransactions, implausibleReason, rupiah, violatedConstraint } from './turnover-report.util';

/** Staff log turnover (one vendor or the whole day grid) and correct it as new versions. */
export class TurnoverReportService {
  private readonly audit = new AuditService();
  private readonly oneRow = new TurnoverRecordService();

  /** One vendor, one day. A retry with the same idempotency key returns the first report. */
  async record(ctx: RequestContext, input: RecordTurnoverInput): Promise<{ report?: TurnoverReportRow; userErrors: UserError[] }> {
    return this.recordRowAsResult(ctx, input.marketDayId, input, ['input']);
  }

  /**
   * The day grid. Each row is stored or refused on its own, with its own key and its own result:
   * one refused row (implausible, not checked in) never holds back the others, and a replay of
   * the whole grid after a dropped connection stores nothing twice. Batched (TurnoverDayService):
   * the SQL statements do not grow with the rows.
   */
  async recordDay(ctx: RequestContext, input: RecordTurnoverDayInput) {
    return new TurnoverDayService(this).record(ctx, input);
  }

  /** One row the one-row way (also the day grid's fallback), its refusal as its result; `at` prefixes the field paths. */
  async recordRowAsResult(ctx: RequestContext, marketDayId: string, row: OneRow, at: string[]): Promise<{ report?: TurnoverReportRow; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => ({ report: await this.oneRow.record(ctx, marketDayId, row, at), userErrors: [] as UserError[] }));
  }

  /** A correction: the current version is kept as history and a new version takes its place. */
  async correct(ctx: RequestContext, input: CorrectTurnoverInput): Promise<{ report?: TurnoverReport; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      const reason = input.reason?.trim();
      if (!reason) throw refuse(ctx, TurnoverErrors.TURNOVER_REASON_REQUIRED, ['input', 'reason']);
      checkAmount(ctx, input.amount, ['input', 'amount']);
      checkTransactions(ctx, input.transactions, ['input', 'transactions']);
      const report = await createIdempotent(ctx.em as EntityManager, 'turnover.correct', input.idempotencyKey, ctx.user!.id, TurnoverReport, async (em) => {
        const old = await this.lockCurrent(ctx, em, input.reportId);
        if (old.amount === input.amount && (old.transactions ?? null) === (input.transactions ?? null)) throw refuse(ctx, TurnoverErrors.TURNOVER_SAME_AMOUNT, ['input', 'amount']);
        const implausible = await this.checkPlausible(ctx, em, old.vendor.id, old.marketDay.id, input.amount, !!input.confirmImplausible, ['input', 'amount']);
        const next = await this.supersede(ctx, em, old, input.amount, input.transactions, reason, implausible);
        this.audit.record({ ...ctx, em }, 'turnover.correct', 'TurnoverReport', next.id, {
          before: { reportId: old.id, version: old.version, amount: old.amount, transactions: old.transactions },
          after: { version: next.version, amount: next.amount, transactions: next.transactions, reason },
        });
        await em.flush();
        return next;
      });
      return { report, userErrors: [] };
    });
  }

  /** The current version of a report, locked FOR UPDATE (so two corrections queue up). */
  async lockCurrent(ctx: RequestContext, em: EntityManager, reportId: string, where: { vendor?: string } = {}): Promise<TurnoverReport> {
    const report = isUuid(reportId) ? await em.findOne(TurnoverReport, { id: reportId, ...where }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!report) throw refuse(ctx, TurnoverErrors.TURNOVER_REPORT_NOT_FOUND, ['input', 'reportId']);
    if (!report.current) throw refuse(ctx, TurnoverErrors.TURNOVER_REPORT_NOT_CURRENT, ['input', 'reportId']);
    return report;
  }

  /** Retires `old` (it stays, unchangeable) and stores the next version; the vendor is asked again. */
  async supersede(ctx: RequestContext, em: EntityManager, old: TurnoverReport, amount: number, transactions: number | undefined | null, reason: string, implausible = false): Promise<TurnoverReport> {
    old.current = false;
    await em.flush(); // frees the one-current-version slot before the new version takes it
    const next = new TurnoverReport(old.booking, old.vendor, old.marketDay, amount);
    next.version = old.version + 1;
    next.transactions = transactions ?? undefined;
    next.correctionReason = reason;
    next.confirmedImplausible = implausible;
    next.recordedBy = em.getReference(User, ctx.user!.id);
    em.persist(next);
    await this.flush(ctx, em, ['input']);
    return next;
  }

  private async flush(ctx: RequestContext, em: EntityManager, at: string[]): Promise<void> {
    try {
      await em.flush();
    } catch (err) {
      // Another process stored the same vendor and day first, or the check-in is gone: the database says so.
      if (err instanceof UniqueConstraintViolationException) throw refuse(ctx, TurnoverErrors.TURNOVER_ALREADY_RECORDED, [...at, 'vendorId']);
      if (violatedConstraint(err) === 'turnover_report_checked_in') throw refuse(ctx, TurnoverErrors.TURNOVER_NOT_CHECKED_IN, [...at, 'vendorId']);
      throw err;
    }
  }

  /** Refuses an implausible figure unless staff confirmed it; true when a confirmed figure was implausible. */
  private async checkPlausible(ctx: RequestContext, em: EntityManager, vendorId: string, dayId: string, amount: number, confirmed: boolean, field: string[]): Promise<boolean> {
    const why = await this.isImplausible(ctx, em, vendorId, dayId, amount);
    if (why && !confirmed) throw refuse(ctx, TurnoverErrors.TURNOVER_IMPLAUSIBLE, field, { amount: rupiah(amount), why });
    return !!why;
  }

  /** Why the figure looks wrong (above the ceiling, or above 5× her median), or undefined. */
  private async isImplausible(ctx: RequestContext, em: EntityManager, vendorId: string, dayId: string, amount: number): Promise<string | undefined> {
    if (amount > ctx.config.turnoverPlausibleMax) return implausibleReason(ctx, amount, null, 0);
    const [{ median, days }] = await em.execute(
      `select percentile_cont(0.5) within group (order by amount) as median, count(*)::int as days
         from turnover_report where vendor_id = ? and current and market_day_id <> ?`,
      [vendorId, dayId],
    );
    return implausibleReason(ctx, amount, median === null ? null : Number(median), days);
  }
}
