import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityClock } from '../src/platform/wita-clock';
import { ADD_DAY, bulkVendors, REQUEST } from './market.fixtures';
import { freePort, SERVER_MAIN, startServerProcess, type ServerProcess } from './server-process';
import { startTestApp, type TestApp } from './test-app';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from './test-database';

/**
 * Stall requests at window opening, two real server processes, one SIGKILLed mid-burst: the
 * vendors' phones retry on the other process; every acknowledged booking exists exactly once,
 * no vendor holds two bookings for the day and no stall has two vendors. Runs the built server.
 */
const BURST = 60;
const CLOCK = '2027-05-01T00:00:00Z';

describe.runIf(fs.existsSync(SERVER_MAIN) && requireRealPostgres('killing a server process during stall requests'))('stall requests survive a SIGKILLed process (real PostgreSQL)', () => {
  let db: TestDatabase;
  let t: TestApp;
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  let vendors: { token: string }[];
  let dayId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    cityClock.setNow(new Date(CLOCK));
    const staff = await t.as('pasar@kupang.demo');
    dayId = (await staff.ok<any>(ADD_DAY, { i: { date: '2027-05-08' } })).addMarketDay.marketDay.id;
    vendors = await bulkVendors(t, 8000, BURST);
    a = await startServerProcess(db.url!, await freePort(), { MARKET_CLOCK: CLOCK });
    b = await startServerProcess(db.url!, await freePort(), { MARKET_CLOCK: CLOCK });
  });
  afterAll(async () => {
    cityClock.setNow(undefined);
    await a?.kill('SIGKILL');
    await b?.kill('SIGKILL');
    await t?.close();
    await db?.drop();
  });

  it('every acknowledged stall request exists exactly once after a SIGKILL and retries on the other process', async () => {
    const acked = new Map<number, string>();
    let retries = 0;
    let killedAt = -1;
    const send = async (n: number) => {
      for (let attempt = 0; attempt < 10; attempt++) {
        const url = [a!.url, b!.url][(n + attempt) % 2];
        try {
          const res = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: `kp_session=${vendors[n].token}` },
            body: JSON.stringify({ query: REQUEST, variables: { i: { marketDayId: dayId, idempotencyKey: `kill-stall-${n}-20270508` } } }),
            signal: AbortSignal.timeout(20_000),
          });
          const body = (await res.json()) as any;
          const booking = body.data?.requestStall?.booking;
          if (res.status === 200 && booking?.id) {
            acked.set(n, booking.id);
            return;
          }
          throw new Error(JSON.stringify(body).slice(0, 200));
        } catch {
          retries++;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      throw new Error(`stall request ${n} never acknowledged`);
    };
    const killer = setInterval(() => {
      if (acked.size < BURST / 4) return;
      clearInterval(killer);
      killedAt = acked.size;
      a!.child.kill('SIGKILL');
    }, 2);
    await Promise.all(Array.from({ length: BURST }, (_, n) => send(n)));
    clearInterval(killer);
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(BURST);
    expect(acked.size).toBe(BURST);
    const [row] = await t.sql(
      `select count(*)::int as n, count(distinct vendor_id)::int as vendors,
              count(stall_id)::int as with_stall, count(distinct stall_id)::int as stalls
         from market_booking where market_day_id = ?`,
      [dayId],
    );
    expect(row.n).toBe(BURST);
    expect(row.vendors).toBe(BURST);
    expect(row.with_stall).toBe(row.stalls); // no stall given twice
    const ids = new Set((await t.sql(`select id from market_booking where market_day_id = ?`, [dayId])).map((r) => r.id));
    for (const id of acked.values()) expect(ids.has(id)).toBe(true);
    expect(new Set(acked.values()).size).toBe(BURST);
    console.log(`SIGKILL during stall requests: ${BURST} requests, killed after ${killedAt} acknowledgements, ${retries} retries, ${row.n} bookings`);
  });
});
