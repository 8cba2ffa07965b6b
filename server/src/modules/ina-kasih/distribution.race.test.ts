import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireAtOnce } from '../../../test/race';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from '../../../test/test-database';
import type { GraphqlClient } from '../../../test/graphql-client';
import { cityClock } from '../../platform/wita-clock';
import { CREATE_PROGRAM, insertFamilies, OPEN_ROUND, RECEIVE, RECORD } from '../../../test/distribution.fixtures';

/**
 * Two app instances (two server processes: separate pools) on one PostgreSQL record the same
 * families at once. The partial unique index, the idempotency keys and the lot checks must leave
 * one delivery per family, one row per key, and stock never below zero.
 */
describe.runIf(requireRealPostgres('distribution races'))('deliveries recorded at once from two server processes (real PostgreSQL)', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let staffA: GraphqlClient;
  let staffB: GraphqlClient;
  let roundId: string;
  let programId: string;
  let families: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    b = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    cityClock.setNow(new Date('2026-10-05T02:00:00Z'));
    staffA = await a.as('program@kupang.demo');
    staffB = await b.as('program@kupang.demo');
    programId = (await staffA.ok<any>(CREATE_PROGRAM, { i: { name: 'Uji Balapan', effectiveMonth: '2026-10' } })).createProgram.program.id;
    const [source] = await a.sql(`select id from funding_source where kind = 'DAK' limit 1`);
    await staffA.ok(RECEIVE, { i: { programId, fundingSourceId: source.id, receivedOn: '2026-10-01', packs: 150, unitCost: 25_500 } });
    await staffA.ok(RECEIVE, { i: { programId, fundingSourceId: source.id, receivedOn: '2026-10-02', packs: 100, unitCost: 25_000 } });
    families = await insertFamilies(a, 60, '53.71.04.1008');
    roundId = (await staffA.ok<any>(OPEN_ROUND, { i: { programId, month: '2026-10' } })).openRound.round.id;
  });
  afterAll(async () => {
    cityClock.setNow(undefined);
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  const input = (familyId: string, idempotencyKey: string) => ({ idempotencyKey, roundId, familyId, proxyName: 'Kader Posyandu', place: 'HEALTH_POST' });

  it('leaves exactly one delivery per family when each of 30 families is recorded twice at once, with different keys, on the two processes', async () => {
    const results = await fireAtOnce(60, (i) => (i % 2 ? staffA : staffB).ok<any>(RECORD, { i: input(families[i >> 1], `race-key-${i}`) }));
    const ok = results.filter((r) => r.status === 'fulfilled' && r.value.recordDistribution.userErrors.length === 0);
    const refused = results.filter((r) => r.status === 'fulfilled' && r.value.recordDistribution.userErrors[0]?.code === 'DISTRIBUTION_ALREADY_DELIVERED');
    const outcomes = results.map((r) => (r.status === 'fulfilled' ? r.value.recordDistribution.userErrors[0]?.code ?? 'OK' : String(r.reason).slice(0, 300)));
    expect({ ok: ok.length, refused: refused.length, other: outcomes.filter((o) => o !== 'OK' && o !== 'DISTRIBUTION_ALREADY_DELIVERED') }).toEqual({ ok: 30, refused: 30, other: [] });
    const rows = await a.sql(`select family_id, count(*)::int as n from ina_distribution where round_id = ? group by family_id`, [roundId]);
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(await a.sql(`select sum(packs_remaining)::int as n from ina_stock_lot where program_id = ?`, [programId])).toEqual([{ n: 250 - 30 * 4 }]);
  });

  it('stores one row when the same idempotency key arrives 10 times from the two processes, and every answer is that row', async () => {
    const results = await fireAtOnce(10, (i) => (i % 2 ? staffA : staffB).ok<any>(RECORD, { i: input(families[30], 'same-key-family-30') }));
    const ids = new Set(results.map((r) => (r.status === 'fulfilled' ? r.value.recordDistribution.distribution?.id : 'rejected')));
    expect([...ids]).toHaveLength(1);
    expect([...ids][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await a.sql(`select count(*)::int as n from ina_distribution where round_id = ? and family_id = ?`, [roundId, families[30]])).toEqual([{ n: 1 }]);
  });

  it('never takes stock below zero when 29 families are served at once with stock for only 12 of them', async () => {
    // 250 − 31 × 4 = 126 packs left (26 in the older lot, 100 in the newer); leave 50 in all.
    const [newer] = await a.sql(`select id from ina_stock_lot where program_id = ? order by received_on desc limit 1`, [programId]);
    await a.sql(`insert into ina_stock_movement (id, created_at, lot_id, packs, unit_cost) values (gen_random_uuid(), now(), ?, -76, 25000)`, [newer.id]);
    const results = await fireAtOnce(29, (i) => (i % 2 ? staffA : staffB).ok<any>(RECORD, { i: input(families[31 + i], `short-key-${i}`) }));
    const codes = results.map((r) => (r.status === 'fulfilled' ? r.value.recordDistribution.userErrors[0]?.code ?? 'OK' : 'REJECTED'));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(12);
    expect(codes.filter((c) => c === 'STOCK_INSUFFICIENT')).toHaveLength(17);
    const lots = await a.sql(`select packs_remaining from ina_stock_lot where program_id = ? order by received_on`, [programId]);
    expect(lots).toEqual([{ packs_remaining: 0 }, { packs_remaining: 2 }]);
    // Each delivery's cost follows its lots: one of them drew from both.
    const split = await a.sql(`select distribution_id from ina_stock_movement m join ina_distribution d on d.id = m.distribution_id
                                where d.round_id = ? group by distribution_id having count(*) = 2`, [roundId]);
    expect(split).toHaveLength(1);
  });

  it('keeps the impact rollups equal to a rebuild from the raw rows after all those concurrent deliveries and refusals', async () => {
    const snapshot = async () => {
      const out: Record<string, unknown[]> = {};
      for (const table of ['ina_month_kelurahan', 'ina_month_source', 'ina_family_year', 'ina_reach_range']) out[table] = await a.sql(`select * from impact.${table} order by 1, 2, 3, 4`);
      return out;
    };
    const kept = await snapshot();
    expect(kept.ina_family_year.filter((r: any) => r.program_id === programId)).toHaveLength(43); // 31 + 12 families served
    await a.sql(`select impact.ina_rebuild()`);
    expect(await snapshot()).toEqual(kept);
  });
});
