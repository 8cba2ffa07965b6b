import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import type { UserError } from '../../graphql/user-error.type';
import { IDEMPOTENCY_KEY_PATTERN } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { MarketBooking } from '../market/entities/market-booking.entity';
import { MarketDay } from '../market/entities/market-day.entity';
import { Vendor } from '../market/entities/vendor.entity';
import { isUuid, Refusal, refuse } from '../../platform/refusal';
import { User } from '../user/user.entity';
import { TurnoverReport } from './turnover-report.entity';
import type { TurnoverReportRow } from './turnover-report.rows';
import { TurnoverErrors } from './turnover-report.errors';
import type { TurnoverReportService } from './turnover-report.service';
import type { RecordTurnoverDayInput, TurnoverDayRowInput } from './turnover-report.types';
import { checkAmount, checkTransactions, implausibleReason, pgArray, rupiah, TURNOVER_RECORD } from './turnover-report.util';

export interface DayRowResult {
  vendorId: string;
  report?: TurnoverReport | TurnoverReportRow;
  userErrors: UserError[];
}

/** What the database knows about one new row: her CHECKED_IN booking, a figure already there, her median. */
interface RowFacts {
  bookingId: string | null;
  recorded: boolean;
  median: number | null;
  days: number;
}

/**
 * The day grid in a constant number of SQL statements however many rows: replays are answered from
 * their keys in one statement, the bookings, figures already stored and medians of all new rows
 * come in one more, and the accepted rows are stored in one transaction (keys, reports, audit
 * entries, each one multi-row statement). Every row still gets its own result and its own key.
 * Rows the batch cannot settle alone — a key without the usual form, a vendor or key twice in the
 * grid, a key another request holds right now, or a batch the database refused (a check-in undone,
 * another process first) — go through the one-row path, exactly as before.
 */
export class TurnoverDayService {
  private readonly audit = new AuditService();

  constructor(private readonly reports: TurnoverReportService) {}

  async record(ctx: RequestContext, input: RecordTurnoverDayInput): Promise<{ rows: DayRowResult[]; saved: number; userErrors: UserError[] }> {
    const results: DayRowResult[] = new Array(input.rows.length);
    const oneByOne: number[] = [];
    const fresh: number[] = [];
    const field = (i: number, f: string) => ['input', 'rows', String(i), f];

    if (!isUuid(input.marketDayId)) input.rows.forEach((_, i) => oneByOne.push(i));
    else {
      const seenVendor = new Map<string, number>();
      const seenKey = new Map<string, number>();
      input.rows.forEach((row) => {
        if (isUuid(row.vendorId)) seenVendor.set(row.vendorId.toLowerCase(), (seenVendor.get(row.vendorId.toLowerCase()) ?? 0) + 1);
        seenKey.set(row.idempotencyKey, (seenKey.get(row.idempotencyKey) ?? 0) + 1);
      });
      for (const [i, row] of input.rows.entries()) {
        const refused = this.validate(ctx, row, i);
        if (refused) results[i] = { vendorId: row.vendorId, userErrors: refused };
        else if (!IDEMPOTENCY_KEY_PATTERN.test(row.idempotencyKey ?? '') || seenVendor.get(row.vendorId.toLowerCase())! > 1 || seenKey.get(row.idempotencyKey)! > 1) oneByOne.push(i);
        else fresh.push(i);
      }
    }

    const replayedIds = new Map<number, string>();
    const candidates = await this.answerReplays(ctx, input.rows, fresh, replayedIds, oneByOne);
    const accepted: { i: number; facts: RowFacts; implausible: boolean }[] = [];
    const facts = await this.factsOf(ctx, input.marketDayId, candidates.map((i) => input.rows[i].vendorId));
    for (const [n, i] of candidates.entries()) {
      const row = input.rows[i];
      const f = facts[n];
      const why = f.bookingId && !f.recorded ? implausibleReason(ctx, row.amount, f.median, f.days) : undefined;
      let refusal: Refusal | undefined;
      if (!f.bookingId) refusal = refuse(ctx, TurnoverErrors.TURNOVER_NOT_CHECKED_IN, field(i, 'vendorId'));
      else if (f.recorded) refusal = refuse(ctx, TurnoverErrors.TURNOVER_ALREADY_RECORDED, field(i, 'vendorId'));
      else if (why && !row.confirmImplausible) refusal = refuse(ctx, TurnoverErrors.TURNOVER_IMPLAUSIBLE, field(i, 'amount'), { amount: rupiah(row.amount), why });
      if (refusal) results[i] = { vendorId: row.vendorId, userErrors: refusal.userErrors };
      else accepted.push({ i, facts: f, implausible: !!why });
    }

    if (accepted.length) {
      try {
        const stored = await this.storeAll(ctx, input, accepted);
        for (const a of accepted) {
          const report = stored.get(a.i);
          if (report) results[a.i] = { vendorId: input.rows[a.i].vendorId, report, userErrors: [] };
          else oneByOne.push(a.i); // another request holds this key right now: the one-row path waits for it
        }
      } catch {
        // The database refused the batch (its check-in and one-figure rules are the last word): nothing
        // of it was kept, so every row tries again on its own and gets its own answer.
        for (const a of accepted) oneByOne.push(a.i);
      }
    }

    if (replayedIds.size) {
      const found = await ctx.em.find(TurnoverReport, { id: { $in: [...replayedIds.values()] } }, { refresh: true });
      const byId = new Map(found.map((r) => [r.id, r]));
      for (const [i, id] of replayedIds) results[i] = { vendorId: input.rows[i].vendorId, report: byId.get(id), userErrors: [] };
    }
    for (const i of oneByOne.sort((a, b) => a - b)) {
      results[i] = { vendorId: input.rows[i].vendorId, ...(await this.reports.recordRowAsResult(ctx, input.marketDayId, input.rows[i], ['input', 'rows', String(i)])) };
    }
    return { rows: results, saved: results.filter((r) => r.userErrors.length === 0).length, userErrors: [] };
  }

  /** The same checks, in the same order, as the one-row path makes before it touches the database. */
  private validate(ctx: RequestContext, row: TurnoverDayRowInput, i: number): UserError[] | undefined {
    try {
      if (!isUuid(row.vendorId)) throw refuse(ctx, TurnoverErrors.TURNOVER_VENDOR_NOT_FOUND, ['input', 'rows', String(i), 'vendorId']);
      checkAmount(ctx, row.amount, ['input', 'rows', String(i), 'amount']);
      checkTransactions(ctx, row.transactions, ['input', 'rows', String(i), 'transactions']);
      return undefined;
    } catch (err) {
      if (err instanceof Refusal) return err.userErrors;
      throw err;
    }
  }

  /**
   * One statement for the keys of all rows: a key whose first call committed answers its row (its
   * report is read with the others at the end). A key first used by another account goes the
   * one-row way, which refuses it as before. Returns the rows still to be stored.
   */
  private async answerReplays(ctx: RequestContext, rows: TurnoverDayRowInput[], fresh: number[], replayedIds: Map<number, string>, oneByOne: number[]): Promise<number[]> {
    if (!fresh.length) return [];
    const stored: { key: string; user_id: string | null; response: { id: string } }[] = await ctx.em.getConnection().execute(
      `select key, user_id, response from idempotency_key where operation = ? and key = any(?::text[]) and response is not null`,
      [TURNOVER_RECORD, pgArray(fresh.map((i) => rows[i].idempotencyKey))],
    );
    const byKey = new Map(stored.map((s) => [s.key, s]));
    return fresh.filter((i) => {
      const s = byKey.get(rows[i].idempotencyKey);
      if (!s) return true;
      if (s.user_id && s.user_id !== ctx.user!.id) oneByOne.push(i);
      else replayedIds.set(i, s.response.id);
      return false;
    });
  }

  /** One statement: for each vendor (in order) her CHECKED_IN booking that day, whether a current figure exists, and her median of other days. */
  private async factsOf(ctx: RequestContext, dayId: string, vendorIds: string[]): Promise<RowFacts[]> {
    if (!vendorIds.length) return [];
    const rows: { booking_id: string | null; recorded: boolean; median: string | null; days: number }[] = await ctx.em.getConnection().execute(
      `select b.id as booking_id,
              exists (select 1 from turnover_report r where r.vendor_id = v.vendor_id and r.market_day_id = ? and r.current) as recorded,
              m.median, m.days
         from unnest(?::uuid[]) with ordinality as v(vendor_id, n)
         left join lateral (select id from market_booking b where b.vendor_id = v.vendor_id and b.market_day_id = ? and b.status = 'CHECKED_IN' limit 1) b on true
         cross join lateral (select percentile_cont(0.5) within group (order by amount) as median, count(*)::int as days
                               from turnover_report r where r.vendor_id = v.vendor_id and r.current and r.market_day_id <> ?) m
        order by v.n`,
      [dayId, pgArray(vendorIds), dayId, dayId],
    );
    return rows.map((r) => ({ bookingId: r.booking_id, recorded: r.recorded, median: r.median === null ? null : Number(r.median), days: r.days }));
  }

  /**
   * One transaction: the keys (in key order, so two batches never wait on each other in a circle),
   * then the reports and their audit entries (one multi-row INSERT each), then each key's answer.
   * Rows whose key another request inserted first are left out and not in the returned map.
   */
  private async storeAll(ctx: RequestContext, input: RecordTurnoverDayInput, accepted: { i: number; facts: RowFacts; implausible: boolean }[]): Promise<Map<number, TurnoverReport>> {
    const userId = ctx.user!.id;
    return (ctx.em as EntityManager).transactional(async (em) => {
      const conn = em.getConnection();
      const keys = accepted.map((a) => input.rows[a.i].idempotencyKey).sort();
      const inserted: { key: string }[] = await conn.execute(
        `insert into idempotency_key (operation, key, user_id, created_at)
         select ?, k, ?, now() from unnest(?::text[]) with ordinality as x(k, n) order by n
         on conflict do nothing returning key`,
        [TURNOVER_RECORD, userId, pgArray(keys)],
        'all',
        em.getTransactionContext(),
      );
      const mine = new Set(inserted.map((r) => r.key));
      const created = new Map<number, TurnoverReport>();
      const toStore = accepted.filter((a) => mine.has(input.rows[a.i].idempotencyKey)).sort((a, b) => input.rows[a.i].vendorId.toLowerCase().localeCompare(input.rows[b.i].vendorId.toLowerCase()));
      for (const a of toStore) {
        const row = input.rows[a.i];
        const report = new TurnoverReport(em.getReference(MarketBooking, a.facts.bookingId!), em.getReference(Vendor, row.vendorId), em.getReference(MarketDay, input.marketDayId), row.amount);
        report.transactions = row.transactions ?? undefined;
        report.confirmedImplausible = a.implausible;
        report.recordedBy = em.getReference(User, userId);
        em.persist(report);
        this.audit.record({ ...ctx, em }, TURNOVER_RECORD, 'TurnoverReport', report.id, {
          after: { vendorId: row.vendorId, marketDayId: input.marketDayId, amount: row.amount, transactions: row.transactions },
        });
        created.set(a.i, report);
      }
      if (!created.size) return created;
      await em.flush();
      const answered = [...created].map(([i, r]) => ({ key: input.rows[i].idempotencyKey, id: r.id }));
      await conn.execute(
        `update idempotency_key k set response = jsonb_build_object('id', x.id)
           from unnest(?::text[], ?::text[]) as x(key, id) where k.operation = ? and k.key = x.key`,
        [pgArray(answered.map((a) => a.key)), pgArray(answered.map((a) => a.id)), TURNOVER_RECORD],
        'run',
        em.getTransactionContext(),
      );
      return created;
    });
  }
}
