import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER } from './market.fixtures';
import { freePort, SERVER_MAIN, startServerProcess, type ServerProcess } from './server-process';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from './test-database';

/**
 * Real operating-system processes on real PostgreSQL: one of two servers is SIGKILLed in the
 * middle of a burst of idempotent writes, the clients retry against the other one (and, after a
 * restart, against the restarted one); every acknowledged write exists exactly once. A SIGTERM
 * lets the requests in flight finish before the process exits. Runs the built server
 * (`npm test` builds first; after changing server code run `npm run build -w server`).
 */
const BURST = 40;
let portA: number;
let portB: number;

async function post(url: string, variables: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: REGISTER, variables }),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, body: await res.json() };
}

const inputOf = (n: number) => ({
  businessName: `Usaha Tahan Banting ${n}`,
  ownerName: `Mama Tahan ${n}`,
  phone: `0813${String(70000000 + n)}`,
  password: 'rahasia-pasar-1',
  category: 'KULINER',
  products: 'Jagung bose',
  kelurahanCode: '53.71.02.1004',
  idempotencyKey: `burst-kill-${String(n).padStart(4, '0')}`,
});

describe.runIf(fs.existsSync(SERVER_MAIN) && requireRealPostgres('killing real server processes'))('two server processes, one killed mid-burst (real PostgreSQL)', () => {
  let db: TestDatabase;
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  const sql = async (q: string, params: unknown[] = []) => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query(q, params)).rows;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    [portA, portB] = [await freePort(), await freePort()];
    a = await startServerProcess(db.url!, portA); // migrates first
    b = await startServerProcess(db.url!, portB);
  });
  afterAll(async () => {
    await a?.kill('SIGKILL');
    await b?.kill('SIGKILL');
    await db?.drop();
  });

  it('SIGKILL in the middle of a burst: retries against the other process complete every write exactly once', async () => {
    const servers = () => [a!.url, b!.url];
    let killedAt = -1;
    let retries = 0;
    const acked = new Map<number, string>();
    const send = async (n: number) => {
      for (let attempt = 0; attempt < 10; attempt++) {
        const url = servers()[(n + attempt) % 2];
        try {
          const r = await post(url, { i: inputOf(n) });
          if (r.status === 200 && r.body.data?.registerVendor?.received) {
            acked.set(n, inputOf(n).phone);
            return;
          }
          throw new Error(`status ${r.status}: ${JSON.stringify(r.body).slice(0, 200)}`);
        } catch {
          retries++;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      throw new Error(`write ${n} never acknowledged`);
    };
    const burst = Array.from({ length: BURST }, (_, n) => send(n));
    // Kill process A once a quarter of the burst is acknowledged, with the rest still in flight.
    const killer = setInterval(() => {
      if (acked.size < BURST / 4) return;
      clearInterval(killer);
      killedAt = acked.size;
      a!.child.kill('SIGKILL');
    }, 2);
    await Promise.all(burst);
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(BURST); // the kill really fell inside the burst
    expect(retries).toBeGreaterThan(0);
    expect(acked.size).toBe(BURST);

    const rows = await sql(`select code, phone from market_vendor where business_name like 'Usaha Tahan Banting %'`);
    expect(rows).toHaveLength(BURST);
    expect(new Set(rows.map((r) => r.phone)).size).toBe(BURST);
    // An anonymous caller is told "received" (never the vendor number): every acknowledged phone has its row.
    const phones = new Set(rows.map((r) => r.phone));
    for (const n of acked.keys()) expect(phones.has(`+62813${70000000 + n}`)).toBe(true);
    const [{ keys }] = await sql(`select count(*)::int as keys from idempotency_key where key like 'burst-kill-%'`);
    expect(keys).toBe(BURST);
    console.log(`SIGKILL burst: ${BURST} writes, killed after ${killedAt} acknowledgements, ${retries} retries, ${rows.length} rows`);
  });

  it('after a restart of the killed process, replaying every key returns the first result and writes nothing new', async () => {
    await a!.kill('SIGKILL');
    a = await startServerProcess(db.url!, portA);
    const before = await sql(`select count(*)::int as n from market_vendor`);
    const replays = await Promise.all(Array.from({ length: BURST }, (_, n) => post(n % 2 ? a!.url : b!.url, { i: inputOf(n) })));
    expect(replays.every((r) => r.status === 200 && r.body.data.registerVendor.userErrors.length === 0)).toBe(true);
    expect(replays.every((r) => r.body.data.registerVendor.received && r.body.data.registerVendor.vendorCode === null)).toBe(true);
    expect(await sql(`select count(*)::int as n from market_vendor`)).toEqual(before);
  });

  it('SIGTERM lets the requests in flight finish, then the process exits cleanly and refuses new connections', async () => {
    // The requests must provably be inside the server when SIGTERM arrives, however slow the
    // machine: the test holds the vendor table, so each request waits on that lock in PostgreSQL
    // (fewer requests than the process's pool, so each holds a connection and shows up there).
    const IN_FLIGHT = 8;
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    await holder.query('begin');
    await holder.query('lock table market_vendor in exclusive mode');
    let inFlight: Promise<{ status: number; body: any }>[] = [];
    const exit = new Promise<number | null>((resolve) => b!.child.once('exit', (code) => resolve(code)));
    try {
      inFlight = Array.from({ length: IN_FLIGHT }, (_, n) => post(b!.url, { i: inputOf(1000 + n) }).catch((err: Error) => ({ status: 0, body: String(err) })));
      const waiting = async () => (await sql(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0].n;
      const deadline = Date.now() + 60_000;
      while ((await waiting()) < IN_FLIGHT && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await waiting()).toBe(IN_FLIGHT);
      b!.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      expect(b!.child.exitCode).toBeNull(); // still draining: its requests wait on the lock
    } finally {
      await holder.query('commit');
      await holder.end();
    }
    const results = await Promise.all(inFlight);
    expect(results.map((r) => r.status)).toEqual(Array(IN_FLIGHT).fill(200));
    expect(results.every((r: any) => r.body.data.registerVendor.received)).toBe(true);
    expect(await exit).toBe(0);
    await expect(fetch(`${b!.url}/healthz`)).rejects.toThrow();
    const [{ n }] = await sql(`select count(*)::int as n from market_vendor where business_name ~ '^Usaha Tahan Banting 10[0-9]{2}$'`);
    expect(n).toBe(IN_FLIGHT);
  });
});
