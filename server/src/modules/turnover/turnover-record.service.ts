import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { plainRows } from '../../db/plain-sql';
import type { RequestContext } from '../../graphql/context';
import { checkIdempotencyKey, checkKeyOwner } from '../../platform/idempotency.service';
import { auditInsertFor } from '../audit/audit.service';
import { vendorLoader } from '../market/market.loaders';
import { VENDOR } from '../market/market.rows';
import { isUuid, refuse } from '../../platform/refusal';
import { TurnoverStatus } from './turnover-report.entity';
import { TurnoverErrors } from './turnover-report.errors';
import { TURNOVER_REPORT, type TurnoverReportRow } from './turnover-report.rows';
import type { TurnoverDayRowInput } from './turnover-report.types';
import { checkAmount, checkTransactions, implausibleReason, rupiah, TURNOVER_RECORD, violatedConstraint } from './turnover-report.util';

export type OneRow = Pick<TurnoverDayRowInput, 'idempotencyKey' | 'vendorId' | 'amount' | 'transactions' | 'confirmImplausible'>;

/*
 * One vendor's figure in two plain statements (a replay in one) instead of the ORM's unit of work
 * (12 statements, a replay 4): through MikroORM the staff portal's recordTurnover cost ~22 ms of API
 * CPU per fresh figure and ~9 ms per replay, nearly all of it query building, parameter formatting,
 * hydration and change sets; this way 6.4-7.4 ms and 3.9-4.9 ms (issue #8 mix, runmix `single`,
 * 2 connections, side by side on a loaded machine). The rules and answers are those of the ORM path
 * it replaces; the database's trigger and unique index stay the last word.
 */

/**
 * What the database knows, in one snapshot: the key's stored answer (its report and vendor) or,
 * when the key is new, her CHECKED_IN booking that day, whether a current figure exists and her
 * median of other days. The facts are gated on `k.key is null`, so a replay does not compute them.
 * Reading the key and the facts together means a same-key request that commits in between is
 * seen either as a replay or not at all (then the write waits on its key), never as "already recorded".
 */
const LOOK_SQL = `select k.user_id as "keyUserId", k.key is not null as "replayed",
       ${TURNOVER_REPORT.columns('r', 'r.')}, ${VENDOR.columns('v', 'v.')},
       b.id as "bookingId", m.recorded, m.median, m.days
  from (select ?::text as key, ?::uuid as vendor_id, ?::uuid as day_id) p
  left join idempotency_key k on k.operation = ? and k.key = p.key and k.response is not null
  left join turnover_report r on r.id = (k.response->>'id')::uuid
  left join market_vendor v on v.id = coalesce(r.vendor_id, p.vendor_id)
  left join lateral (select b.id from market_booking b
                      where b.vendor_id = p.vendor_id and b.market_day_id = p.day_id and b.status = 'CHECKED_IN' and k.key is null limit 1) b on true
  cross join lateral (select coalesce(bool_or(o.market_day_id = p.day_id), false) as recorded,
                             percentile_cont(0.5) within group (order by o.amount) filter (where o.market_day_id <> p.day_id) as median,
                             (count(*) filter (where o.market_day_id <> p.day_id))::int as days
                        from turnover_report o where o.vendor_id = p.vendor_id and o.current and k.key is null) m`;

const REPORT_INSERT = `insert into turnover_report (id, created_at, updated_at, booking_id, vendor_id, market_day_id, version, current, amount, transactions, status, confirmed_implausible, recorded_by_id, recorded_at)
  select ?, ?, ?, ?, ?, ?, 1, true, ?, ?, ?, ?, ?, ?`;

/**
 * The write as one statement, so it is its own transaction: the key with its answer, the report
 * and its audit entry. A key another request holds makes it wait for that request; once that one
 * committed the key conflicts, nothing is written and no row comes back.
 */
const storeSql = (audit: string, withKey: boolean) =>
  withKey
    ? `with k as (insert into idempotency_key (operation, key, user_id, created_at, response) values (?, ?, ?, now(), jsonb_build_object('id', ?::text))
                  on conflict do nothing returning key),
            r as (${REPORT_INSERT} where exists (select from k) returning id),
            a as (${audit})
       select id from r`
    : `with r as (${REPORT_INSERT} returning id), a as (${audit}) select id from r`;

interface Look {
  keyUserId: string | null;
  replayed: boolean;
  bookingId: string | null;
  recorded: boolean;
  median: string | null;
  days: number;
  [column: string]: unknown;
}

/** Staff log one vendor's figure for one day (recordTurnover, and the day grid's rows it cannot batch). */
export class TurnoverRecordService {
  /**
   * Stores the figure or refuses it (a Refusal with the field path under `at`). A retry with the
   * same key returns the first report; a key first used by another account is refused.
   */
  async record(ctx: RequestContext, marketDayId: string, row: OneRow, at: string[]): Promise<TurnoverReportRow> {
    if (!isUuid(row.vendorId)) throw refuse(ctx, TurnoverErrors.TURNOVER_VENDOR_NOT_FOUND, [...at, 'vendorId']);
    if (!isUuid(marketDayId)) throw refuse(ctx, TurnoverErrors.TURNOVER_DAY_NOT_FOUND, ['input', 'marketDayId']);
    checkAmount(ctx, row.amount, [...at, 'amount']);
    checkTransactions(ctx, row.transactions, [...at, 'transactions']);
    const key = row.idempotencyKey || null;
    if (key) checkIdempotencyKey(key);

    const look = await this.look(ctx, key, row.vendorId, marketDayId);
    if (look.replayed) return this.replay(ctx, look);
    if (!look.bookingId) throw refuse(ctx, TurnoverErrors.TURNOVER_NOT_CHECKED_IN, [...at, 'vendorId']);
    if (look.recorded) throw refuse(ctx, TurnoverErrors.TURNOVER_ALREADY_RECORDED, [...at, 'vendorId']);
    const why = implausibleReason(ctx, row.amount, look.median === null ? null : Number(look.median), look.days);
    if (why && !row.confirmImplausible) throw refuse(ctx, TurnoverErrors.TURNOVER_IMPLAUSIBLE, [...at, 'amount'], { amount: rupiah(row.amount), why });

    const now = new Date();
    const report: TurnoverReportRow = {
      id: randomUUID(),
      createdAt: now,
      bookingId: look.bookingId,
      vendorId: row.vendorId.toLowerCase(),
      marketDayId: marketDayId.toLowerCase(),
      version: 1,
      current: true,
      amount: row.amount,
      transactions: row.transactions ?? null,
      status: TurnoverStatus.RECORDED,
      correctionReason: null,
      confirmedImplausible: !!why,
      recordedById: ctx.user!.id,
      recordedAt: now,
      confirmedAt: null,
      disputeComment: null,
      disputedAt: null,
      resolutionNote: null,
      resolvedAt: null,
      resolvedById: null,
    };
    const audit = auditInsertFor('r', { id: ctx.user!.id, role: ctx.user!.role, ip: ctx.ip }, TURNOVER_RECORD, 'TurnoverReport', report.id, {
      after: { vendorId: row.vendorId, marketDayId, amount: row.amount, transactions: row.transactions },
    });
    const reportParams = [report.id, now, now, report.bookingId, report.vendorId, report.marketDayId, report.amount, report.transactions, report.status, report.confirmedImplausible, report.recordedById, now];
    const params = key ? [TURNOVER_RECORD, key, ctx.user!.id, report.id, ...reportParams, ...audit.params] : [...reportParams, ...audit.params];

    let stored: { id: string }[];
    try {
      stored = await plainRows(ctx.em as EntityManager, storeSql(audit.sql, !!key), params);
    } catch (err) {
      // Another process stored the same vendor and day first, or the check-in is gone: the database says so.
      if (err instanceof UniqueConstraintViolationException) throw refuse(ctx, TurnoverErrors.TURNOVER_ALREADY_RECORDED, [...at, 'vendorId']);
      if (violatedConstraint(err) === 'turnover_report_checked_in') throw refuse(ctx, TurnoverErrors.TURNOVER_NOT_CHECKED_IN, [...at, 'vendorId']);
      throw err;
    }
    if (stored.length) return report;
    // The same key was being used by another request, which committed first: its answer is ours.
    const again = await this.look(ctx, key, row.vendorId, marketDayId);
    if (!again.replayed) throw new Error(`turnover key ${key} neither stored nor answered`);
    return this.replay(ctx, again);
  }

  private async look(ctx: RequestContext, key: string | null, vendorId: string, dayId: string): Promise<Look> {
    const [look] = await plainRows<Look>(ctx.em as EntityManager, LOOK_SQL, [key, vendorId, dayId, TURNOVER_RECORD]);
    // The vendor comes with it, so `report { vendor { businessName } }` (what the staff portal asks) needs no statement more.
    const vendor = VENDOR.read(look, 'v.');
    if (vendor) ctx.loaders.get(vendorLoader).prime(vendor.id, vendor);
    return look;
  }

  /** The first call's report; a key is bound to the account that used it first. */
  private replay(ctx: RequestContext, look: Look): TurnoverReportRow {
    checkKeyOwner(look.keyUserId, ctx.user!.id);
    const report = TURNOVER_REPORT.read(look, 'r.');
    if (!report) throw new Error('turnover key answered with a report that does not exist');
    return report;
  }
}
