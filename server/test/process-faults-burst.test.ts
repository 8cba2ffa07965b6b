import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityClock } from '../src/platform/wita-clock';
import { CREATE_PROGRAM, insertFamilies, OPEN_ROUND, RECEIVE, RECORD as RECORD_DISTRIBUTION } from './distribution.fixtures';
import { ADD_DAY, bulkVendors, REQUEST } from './market.fixtures';
import { freePort, SERVER_MAIN, startServerProcess, type ServerProcess } from './server-process';
import { startTestApp, type TestApp } from './test-app';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from './test-database';
import { marketDayWith, RECORD as RECORD_TURNOVER } from './turnover.fixtures';
import { installWriteJournal } from './write-journal';

/**
 * A mixed burst — vendors' stall requests, Ina Kasih deliveries and turnover reports, each with
 * its idempotency key — against one real server process that is SIGKILLed mid-burst and
 * restarted on the same port. The clients retry with the same keys until answered. Afterwards
 * every operation exists exactly once, nothing half-written is left (every row has its audit
 * entry and its key, every delivery its stock movements, every lot's balance matches its
 * ledger), and replaying every key answers the first result and writes nothing.
 */
const EACH = 40;
const CLOCK = '2027-05-01T00:00:00Z';
/** The plan of a family of insertFamilies under the default rule. */
const PACKS_PER_FAMILY = 4;

interface Operation {
  name: 'requestStall' | 'recordDistribution' | 'recordTurnover';
  cookie: string;
  query: string;
  input: Record<string, unknown>;
  /** The id of what the operation created, read from its answer. */
  idOf(data: any): string | undefined;
}

describe.runIf(fs.existsSync(SERVER_MAIN) && requireRealPostgres('killing a server process during a mixed burst'))('a mixed burst survives SIGKILL and restart (real processes, real PostgreSQL)', () => {
  let db: TestDatabase;
  let t: TestApp;
  let server: ServerProcess | undefined;
  let port: number;
  let operations: Operation[];
  let programId: string;
  let marketDayId: string;
  let turnoverDayId: string;
  let roundId: string;
  const processEnv = { MARKET_CLOCK: CLOCK, RATE_LIMIT_ACCOUNT_PER_MINUTE: '0', RATE_LIMIT_ADDRESS_PER_MINUTE: '0' };

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    cityClock.setNow(new Date(CLOCK));
    const market = await t.as('pasar@kupang.demo');
    const program = await t.as('program@kupang.demo');

    marketDayId = (await market.ok<any>(ADD_DAY, { i: { date: '2027-05-08' } })).addMarketDay.marketDay.id;
    const bookers = await bulkVendors(t, 8500, EACH);
    const sellers = await bulkVendors(t, 8600, EACH);
    turnoverDayId = await marketDayWith(t, '2027-04-25', sellers.map((v) => ({ id: v.vendorId })));

    programId = (await program.ok<any>(CREATE_PROGRAM, { i: { name: 'Uji SIGKILL', effectiveMonth: '2027-05' } })).createProgram.program.id;
    const [source] = await t.sql(`select id from funding_source where kind = 'DAK' limit 1`);
    // Two lots, so some deliveries draw from both: a half-written delivery would show in the ledger.
    for (const [receivedOn, packs] of [['2027-04-20', 90], ['2027-04-21', 110]] as const) {
      await program.ok(RECEIVE, { i: { programId, fundingSourceId: source.id, receivedOn, packs, unitCost: 25_000 } });
    }
    const families = await insertFamilies(t, EACH, '53.71.04.1008');
    roundId = (await program.ok<any>(OPEN_ROUND, { i: { programId, month: '2027-05' } })).openRound.round.id;

    const cookie = (token: string) => `kp_session=${token}`;
    const marketCookie = cookie(market.cookie('kp_session')!);
    const programCookie = cookie(program.cookie('kp_session')!);
    operations = Array.from({ length: EACH }, (_, n): Operation[] => [
      {
        name: 'requestStall',
        cookie: cookie(bookers[n].token),
        query: REQUEST,
        input: { marketDayId, idempotencyKey: `burst-stall-${n}` },
        idOf: (d) => d.requestStall?.booking?.id,
      },
      {
        name: 'recordDistribution',
        cookie: programCookie,
        query: RECORD_DISTRIBUTION,
        input: { roundId, familyId: families[n], place: 'HEALTH_POST', proxyName: 'Kader Posyandu', idempotencyKey: `burst-delivery-${n}` },
        idOf: (d) => d.recordDistribution?.distribution?.id,
      },
      {
        name: 'recordTurnover',
        cookie: marketCookie,
        query: RECORD_TURNOVER,
        input: { vendorId: sellers[n].vendorId, marketDayId: turnoverDayId, amount: 250_000 + n * 1_000, transactions: 10 + n, idempotencyKey: `burst-turnover-${n}` },
        idOf: (d) => d.recordTurnover?.report?.id,
      },
    ]).flat();

    port = await freePort();
    server = await startServerProcess(db.url!, port, processEnv);
  }, 180_000);
  afterAll(async () => {
    cityClock.setNow(undefined);
    await server?.kill('SIGKILL');
    await t?.close();
    await db?.drop();
  });

  /** One attempt: the created id, or a thrown error when the server could not answer (down, killed, restarting). */
  async function send(url: string, op: Operation): Promise<string> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: op.cookie },
      body: JSON.stringify({ query: op.query, variables: { i: op.input } }),
      signal: AbortSignal.timeout(20_000),
    });
    const body = (await res.json()) as any;
    const refusal = body.data?.[op.name]?.userErrors?.[0];
    // A refusal is an answer, not a fault to retry: with the same key it would mean a duplicate was attempted.
    if (refusal) throw Object.assign(new Error(`${op.name} ${op.input.idempotencyKey} refused: ${refusal.code}`), { final: true });
    const id = res.status === 200 ? op.idOf(body.data ?? {}) : undefined;
    if (!id) throw new Error(`${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    return id;
  }

  it('every stall request, delivery and turnover report exists exactly once after SIGKILL, restart and retries with the same keys', async () => {
    const url = `http://127.0.0.1:${port}`;
    const acked = new Map<string, string>();
    let retries = 0;
    let killedAt = -1;
    let committedUnanswered = -1;
    let restarted: Promise<void> | undefined;
    const deadline = Date.now() + 90_000;

    const run = async (op: Operation) => {
      for (;;) {
        try {
          acked.set(op.input.idempotencyKey as string, await send(url, op));
          if (acked.size >= operations.length / 4 && !restarted) restarted = killAndRestart();
          return;
        } catch (err) {
          if ((err as { final?: boolean }).final || Date.now() > deadline) throw err;
          retries++;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const killAndRestart = async () => {
      killedAt = acked.size;
      await server!.kill('SIGKILL');
      // Work that committed but whose answer died with the process: only the keys make its retry safe.
      const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from idempotency_key where key like 'burst-%'`);
      committedUnanswered = n - acked.size;
      server = await startServerProcess(db.url!, port, processEnv);
    };

    await Promise.all(operations.map(run));
    await restarted;
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(operations.length);
    expect(acked.size).toBe(operations.length);

    // Exactly once, and the acknowledged ids are the stored ones.
    const stored = await t.sql<{ op: string; n: number; distinct_owner: number; ids: string[] }>(
      `select 'requestStall' as op, count(*)::int as n, count(distinct vendor_id)::int as distinct_owner, array_agg(id::text) as ids from market_booking where market_day_id = ?
       union all
       select 'recordDistribution', count(*)::int, count(distinct family_id)::int, array_agg(id::text) from ina_distribution where round_id = ?
       union all
       select 'recordTurnover', count(*)::int, count(distinct vendor_id)::int, array_agg(id::text) from turnover_report where market_day_id = ?`,
      [marketDayId, roundId, turnoverDayId],
    );
    for (const row of stored) {
      expect({ op: row.op, n: row.n, owners: row.distinct_owner }).toEqual({ op: row.op, n: EACH, owners: EACH });
      const ackedIds = operations.filter((o) => o.name === row.op).map((o) => acked.get(o.input.idempotencyKey as string));
      expect(new Set(row.ids)).toEqual(new Set(ackedIds));
    }

    // No partial writes: each stored row has its idempotency key with the stored answer and its audit entry.
    const keys = await t.sql<{ operation: string; n: number; answered: number }>(
      `select operation, count(*)::int as n, count(response)::int as answered from idempotency_key where key like 'burst-%' group by operation order by operation`,
    );
    expect(keys).toEqual(['ina.recordDistribution', 'market.requestStall', 'turnover.record'].map((operation) => ({ operation, n: EACH, answered: EACH })));
    const [audits] = await t.sql<{ bookings: number; deliveries: number; reports: number }>(
      `select count(*) filter (where entity_type = 'MarketBooking' and entity_id in (select id::text from market_booking where market_day_id = ?))::int as bookings,
              count(*) filter (where entity_id in (select id::text from ina_distribution where round_id = ?))::int as deliveries,
              count(*) filter (where entity_id in (select id::text from turnover_report where market_day_id = ?))::int as reports
         from audit_entry`,
      [marketDayId, roundId, turnoverDayId],
    );
    expect(audits).toEqual({ bookings: EACH, deliveries: EACH, reports: EACH });

    // The stock ledger: every delivery's movements add up to its packs, every lot's balance to its movements.
    const [ledger] = await t.sql<{ delivered: number; moved: number; unbalanced_deliveries: number; unbalanced_lots: number; remaining: number }>(
      `select (select sum(packs)::int from ina_distribution where round_id = ?) as delivered,
              (select -sum(m.packs)::int from ina_stock_movement m join ina_distribution d on d.id = m.distribution_id where d.round_id = ?) as moved,
              (select count(*)::int from ina_distribution d where d.round_id = ?
                  and d.packs <> coalesce((select -sum(m.packs) from ina_stock_movement m where m.distribution_id = d.id), 0)) as unbalanced_deliveries,
              (select count(*)::int from ina_stock_lot l where l.program_id = ?
                  and l.packs_remaining <> l.packs_received + coalesce((select sum(m.packs) from ina_stock_movement m where m.lot_id = l.id), 0)) as unbalanced_lots,
              (select sum(packs_remaining)::int from ina_stock_lot where program_id = ?) as remaining`,
      [roundId, roundId, roundId, programId, programId],
    );
    expect(ledger).toEqual({ delivered: EACH * PACKS_PER_FAMILY, moved: EACH * PACKS_PER_FAMILY, unbalanced_deliveries: 0, unbalanced_lots: 0, remaining: 200 - EACH * PACKS_PER_FAMILY });

    // A late replay of every key (a phone that was offline) answers the first result and writes nothing
    // but the audit entry of what its answer shows (a delivery names the proxy who signed: a read of personal data).
    const journal = await installWriteJournal(t);
    const before = await journal.mark();
    const [{ lastEntry }] = await t.sql(`select coalesce(max(id), 0)::bigint as "lastEntry" from audit_entry`);
    for (const op of operations) expect(await send(url, op)).toBe(acked.get(op.input.idempotencyKey as string));
    expect(await t.sql(`select action, count(*)::int as n from audit_entry where id > ? group by action`, [lastEntry])).toEqual([{ action: 'personal_data.read', n: EACH }]);
    expect((await journal.describeSince(before)).replace(`audit_entry INSERT ×${EACH}`, '')).toBe('');
    console.log(`SIGKILL mid-burst: ${operations.length} operations (${EACH} each of stall requests, deliveries, turnover reports), killed after ${killedAt} acknowledgements (${committedUnanswered} more committed but unanswered), restarted, ${retries} retries`);
  }, 180_000);
});
