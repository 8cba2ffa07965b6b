import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { plainRows } from '../../db/plain-sql';
import type { RequestContext } from '../../graphql/context';
import { allocate, explain, ROTATION_WEEKS, type AllocationRequest, type AllocationStall } from './allocation.util';
import { MarketDay } from './entities/market-day.entity';
import { MarketStall } from './entities/market-stall.entity';
import { MarketDayStatus } from './entities/market.enums';
import { cityClock } from '../../platform/wita-clock';

/** Serialises everything that hands out stalls of one day (allocation, first come, promotion). */
export async function lockMarketDay(em: EntityManager, dayId: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtextextended('market_day:' || ?, 0))`, [dayId]);
}

/** The stalls a day gives out: active ones in layout order, limited to the day's capacity. */
export async function usableStalls(em: EntityManager, day: MarketDay): Promise<MarketStall[]> {
  const stalls = await em.find(MarketStall, { active: true }, { orderBy: { zone: 'asc', position: 'asc' } });
  return day.capacity == null ? stalls : stalls.slice(0, day.capacity);
}

/**
 * Shares out the stalls of a day whose booking window has closed, once: the day row is locked
 * FOR UPDATE (stall requests hold it FOR SHARE) and the per-day advisory lock is taken, so two
 * server processes closing the same window allocate it exactly once.
 * Returns the time the allocation itself took in milliseconds, or null when it was done already.
 */
export async function allocateDay(rootEm: EntityManager, dayId: string): Promise<number | null> {
  return rootEm.transactional(async (em) => {
    const day = await em.findOne(MarketDay, dayId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!day || day.status !== MarketDayStatus.OPEN) return null;
    return allocateLockedDay(em, day);
  });
}

/** The allocation itself, inside a transaction that already holds the day row FOR UPDATE. */
export async function allocateLockedDay(em: EntityManager, day: MarketDay): Promise<number> {
  const started = performance.now();
  await lockMarketDay(em, day.id);
  const stalls = await usableStalls(em, day);
  const rows = await em.execute(
    `select b.id as booking_id, b.vendor_id, v.category, b.zone_preference, b.requested_at,
            coalesce(h.stall_days, 0)::int as stall_days, coalesce(h.no_shows, 0)::int as no_shows, coalesce(h.prime_days, 0)::int as prime_days
       from market_booking b
       join market_vendor v on v.id = b.vendor_id
       left join lateral (
         select count(*) filter (where hb.status in ('CONFIRMED','CHECKED_IN','NO_SHOW')) as stall_days,
                count(*) filter (where hb.status = 'NO_SHOW') as no_shows,
                count(*) filter (where hb.status in ('CONFIRMED','CHECKED_IN','NO_SHOW') and s.prime) as prime_days
           from market_booking hb
           join market_day d on d.id = hb.market_day_id
           left join market_stall s on s.id = hb.stall_id
          where hb.vendor_id = b.vendor_id and d.date >= ?::date - ?::int and d.date < ?::date
       ) h on true
      where b.market_day_id = ? and b.status = 'REQUESTED'`,
    [day.date, ROTATION_WEEKS * 7, day.date, day.id],
  );
  const requests: AllocationRequest[] = rows.map((r) => ({
    bookingId: r.booking_id,
    vendorId: r.vendor_id,
    category: r.category,
    zonePreference: r.zone_preference ?? undefined,
    requestedAt: new Date(r.requested_at),
    recentStallDays: r.stall_days,
    recentNoShows: r.no_shows,
    recentPrimeDays: r.prime_days,
  }));
  const pool: AllocationStall[] = stalls.map((s) => ({ id: s.id, code: s.code, zone: s.zone, position: s.position, prime: s.prime }));
  const outcomes = allocate(requests, pool);
  if (outcomes.length) {
    const payload = outcomes.map((o) => ({
      id: o.bookingId,
      status: o.stall ? 'CONFIRMED' : 'WAITLISTED',
      stall_id: o.stall?.id ?? null,
      explanation: explain(o.facts, o.stall?.code, 'id'),
      facts: o.facts,
      pos: o.facts.waitlistPosition ?? null,
    }));
    await em.execute(
      `update market_booking b
          set status = v.status, stall_id = v.stall_id, explanation = v.explanation, allocation_facts = v.facts,
              waitlist_position = v.pos, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as v(id uuid, status text, stall_id uuid, explanation text, facts jsonb, pos int)
        where b.id = v.id`,
      [JSON.stringify(payload)],
    );
  }
  day.status = MarketDayStatus.ALLOCATED;
  day.allocatedAt = cityClock.now();
  await em.flush();
  return performance.now() - started;
}


/**
 * Brings the days up to date, lazily, on the market's requests and pages (no timer to run):
 * allocates every day whose window has closed, and marks as no-show every booked vendor not
 * checked in by her day's cut-off (one statement, which also writes the audit row per day).
 */
const settledThisRequest = new WeakMap<RequestContext, Promise<void>>();

/** For reads only: the due work once per request, however many market fields of one query ask for it. */
export function allocateDueDaysOnce(ctx: RequestContext): Promise<void> {
  let settled = settledThisRequest.get(ctx);
  if (!settled) settledThisRequest.set(ctx, (settled = allocateDueDays(ctx.em as EntityManager)));
  return settled;
}

/** What is due now, as one row (`days`: open days whose window closed, `no_shows`: whether any are due); two `now` parameters. */
export const DUE_WORK_SQL = `select coalesce((select array_agg(id::text) from market_day where status = 'OPEN' and booking_closes_at <= ?), '{}') as days,
            exists (select 1 from market_booking b join market_day d on d.id = b.market_day_id
                     where d.status = 'ALLOCATED' and d.check_in_cutoff <= ? and b.status = 'CONFIRMED') as no_shows`;

export interface DueWork {
  days: string[];
  no_shows: boolean;
}

export async function allocateDueDays(em: EntityManager): Promise<void> {
  // Runs before every market read and stall request; one read-only statement says whether anything
  // is due, so the usual case (nothing due) costs one round trip and no write. Plain SQL: through
  // em.execute the parameter formatting alone cost more CPU than PostgreSQL's answer.
  const now = cityClock.now();
  const [due] = await plainRows<DueWork>(em, DUE_WORK_SQL, [now, now]);
  await settleDueWork(em, due, now);
}

/** Does what `DUE_WORK_SQL` found due (a stall request reads it together with its own rows). */
export async function settleDueWork(em: EntityManager, { days, no_shows: noShowsDue }: DueWork, now: Date): Promise<void> {
  for (const id of days) await allocateDay(em, id);
  const marked = noShowsDue
    ? await em.execute(
        `with marked as (
           update market_booking b set status = 'NO_SHOW', updated_at = now()
             from market_day d
            where d.id = b.market_day_id and d.status = 'ALLOCATED' and d.check_in_cutoff <= ? and b.status = 'CONFIRMED'
           returning b.market_day_id)
         insert into audit_entry (at, action, entity_type, entity_id, after)
         select now(), 'market.day.mark_no_shows', 'MarketDay', market_day_id::text, jsonb_build_object('marked', count(*), 'automatic', true)
           from marked group by market_day_id
         returning entity_id`,
        [now],
      )
    : [];
  // Bookings changed in SQL: later reads of this request must not see stale copies.
  if (days.length || marked.length) em.clear();
}
