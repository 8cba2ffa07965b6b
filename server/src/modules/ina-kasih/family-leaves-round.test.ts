import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphqlClient } from '../../../test/graphql-client';
import { fireAtOnce } from '../../../test/race';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from '../../../test/test-database';
import { cityClock } from '../../platform/wita-clock';
import { COVERAGE, CREATE_PROGRAM, insertFamilies, OPEN_ROUND, PLAN, RECEIVE, RECORD, REVERSE } from '../../../test/distribution.fixtures';

const OEBOBO = '53.71.04.1001';
const SET_STATUS = `mutation($i: SetFamilyStatusInput!) { setFamilyStatus(input: $i) { family { id status } userErrors { code field message } } }`;
const WITHDRAW = `mutation($i: WithdrawFamilyConsentInput!) { withdrawFamilyConsent(input: $i) { family { id status } userErrors { code field message } } }`;

/**
 * A family that stops being ACTIVE leaves the plans of the open rounds in the same transaction
 * (trigger on ina_family.status), and a delivery racing the change is refused: two server
 * processes on one real PostgreSQL.
 */
describe.runIf(requireRealPostgres('a family leaving open rounds'))('a paused, exited or withdrawn family leaves the open round (real PostgreSQL)', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let staffA: GraphqlClient;
  let staffB: GraphqlClient;
  let roundId: string;
  let families: string[];
  let n = 0;
  const record = (c: GraphqlClient, familyId: string) =>
    c.ok<any>(RECORD, { i: { idempotencyKey: `leave-key-${n++}`, roundId, familyId, proxyName: 'Kader Posyandu', place: 'HEALTH_POST' } });
  const planned = async (familyId: string) => (await a.sql(`select count(*)::int as n from ina_round_plan where round_id = ? and family_id = ?`, [roundId, familyId]))[0].n;
  const coverage = async () => (await staffA.ok<any>(COVERAGE, { r: roundId })).roundCoverage.find((k: any) => k.kelurahanCode === OEBOBO);
  /** The rollup the coverage reads equals the raw plan and deliveries. */
  const rollupTrue = async () => {
    const before = await a.sql(`select * from impact.ina_month_kelurahan order by program_id, month, kelurahan_code`);
    await a.sql(`select impact.ina_rebuild()`);
    expect(await a.sql(`select * from impact.ina_month_kelurahan order by program_id, month, kelurahan_code`)).toEqual(before);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    b = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    cityClock.setNow(new Date('2026-10-05T02:00:00Z'));
    staffA = await a.as('program@kupang.demo');
    staffB = await b.as('program@kupang.demo');
    const programId = (await staffA.ok<any>(CREATE_PROGRAM, { i: { name: 'Uji Keluar', effectiveMonth: '2026-10' } })).createProgram.program.id;
    const [source] = await a.sql(`select id from funding_source where kind = 'DAK' limit 1`);
    await staffA.ok(RECEIVE, { i: { programId, fundingSourceId: source.id, receivedOn: '2026-10-01', packs: 1000, unitCost: 25_000 } });
    families = await insertFamilies(a, 50, OEBOBO);
    roundId = (await staffA.ok<any>(OPEN_ROUND, { i: { programId, month: '2026-10' } })).openRound.round.id;
  });
  afterAll(async () => {
    cityClock.setNow(undefined);
    await a?.close();
    await b?.close();
    await db?.drop();
  });
  afterEach(() => rollupTrue());

  it('a paused family leaves the open round’s plan and its coverage at once, cannot be served, and comes back when active again', async () => {
    const before = await coverage();
    const paused = await staffA.ok<any>(SET_STATUS, { i: { familyId: families[0], status: 'PAUSED', reason: 'Pindah sementara ke Soe' } });
    expect(paused.setFamilyStatus.userErrors).toEqual([]);
    expect(await planned(families[0])).toBe(0);
    expect(await coverage()).toMatchObject({ families: before.families - 1, eligibleWomen: before.eligibleWomen - 2, plannedPacks: before.plannedPacks - 4 });
    const plan = await staffA.ok<any>(PLAN, { r: roundId, k: OEBOBO, first: 100 });
    expect(plan.roundPlan.nodes.map((x: any) => x.family.id)).not.toContain(families[0]);
    const refused = await record(staffA, families[0]);
    expect(refused.recordDistribution.userErrors[0]).toMatchObject({ code: 'DISTRIBUTION_FAMILY_NOT_ACTIVE', field: ['input', 'familyId'], message: expect.stringContaining('tidak aktif') });
    expect(await a.sql(`select count(*)::int as n from ina_distribution where family_id = ?`, [families[0]])).toEqual([{ n: 0 }]);

    const back = await staffA.ok<any>(SET_STATUS, { i: { familyId: families[0], status: 'ACTIVE' } });
    expect(back.setFamilyStatus.userErrors).toEqual([]);
    expect(await a.sql(`select eligible_women, eligible_girls, planned_packs from ina_round_plan where round_id = ? and family_id = ?`, [roundId, families[0]]))
      .toEqual([{ eligible_women: 2, eligible_girls: 1, planned_packs: 4 }]);
    expect(await coverage()).toEqual(before);
    expect((await record(staffA, families[0])).recordDistribution.userErrors).toEqual([]);
  });

  it('an exited family that was already served keeps its plan row (what was handed over stays counted); a withdrawn one leaves', async () => {
    expect((await record(staffA, families[1])).recordDistribution.userErrors).toEqual([]);
    const before = await coverage();
    await staffA.ok(SET_STATUS, { i: { familyId: families[1], status: 'EXITED', reason: 'Pindah ke Kabupaten Kupang' } });
    expect(await planned(families[1])).toBe(1);
    expect(await coverage()).toEqual(before);

    const [{ registry_number }] = await a.sql(`select registry_number from ina_family where id = ?`, [families[2]]);
    const w = await staffA.ok<any>(WITHDRAW, { i: { familyId: families[2], confirmRegistryNumber: registry_number } });
    expect(w.withdrawFamilyConsent.userErrors).toEqual([]);
    expect(await planned(families[2])).toBe(0);
    expect(await coverage()).toMatchObject({ families: before.families - 1, deliveredFamilies: before.deliveredFamilies });
  });

  it('keeps the plan row of a reversed delivery, but the database refuses a new delivery written past the service for a family no longer active', async () => {
    const first = await record(staffA, families[3]);
    await staffA.ok(REVERSE, { i: { distributionId: first.recordDistribution.distribution.id, reason: 'Salah keluarga' } });
    await staffA.ok(SET_STATUS, { i: { familyId: families[3], status: 'PAUSED', reason: 'Sakit' } });
    expect(await planned(families[3])).toBe(1);
    expect((await record(staffA, families[3])).recordDistribution.userErrors[0].code).toBe('DISTRIBUTION_FAMILY_NOT_ACTIVE');
    await expect(
      a.sql(
        `insert into ina_distribution (id, created_at, round_id, family_id, kelurahan_code, kind, attempt, packs, proxy_name, place, delivered_at)
         values (gen_random_uuid(), now(), ?, ?, ?, 'DELIVERY', 2, 4, 'Kader', 'HEALTH_POST', now())`,
        [roundId, families[3], OEBOBO],
      ),
    ).rejects.toThrow(/not active/);
    // The plan itself is append-only: only a non-active family's row of an open round may go.
    await expect(a.sql(`delete from ina_round_plan where round_id = ? and family_id = ?`, [roundId, families[4]])).rejects.toThrow(/append-only/);
  });

  it('a delivery that waits on a status change being committed is refused once it commits, and writes nothing', async () => {
    const familyId = families[5];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    // Another process pauses the family and has not committed yet.
    const change = (a.em() as EntityManager).transactional(async (em) => {
      await em.execute(`update ina_family set status = 'PAUSED', status_reason = 'Uji', status_changed_at = now() where id = ?`, [familyId]);
      locked();
      await held;
    });
    await isLocked;
    const delivery = record(staffB, familyId);
    // The delivery is inside the database, waiting for the family row.
    for (let i = 0; i < 1000; i++) {
      const [w] = await a.sql(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%as family_status%'`);
      if (w.n > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    release();
    await change;
    const answer = await delivery;
    expect(answer.recordDistribution.userErrors[0]).toMatchObject({ code: 'DISTRIBUTION_FAMILY_NOT_ACTIVE' });
    expect(await a.sql(`select count(*)::int as n from ina_distribution where family_id = ?`, [familyId])).toEqual([{ n: 0 }]);
    expect(await planned(familyId)).toBe(0);
  });

  it('20 families paused while being served at once from two processes: each is either served and kept, or refused and gone', async () => {
    const racing = families.slice(10, 30);
    const results = await fireAtOnce(40, (i) =>
      i % 2
        ? staffA.ok<any>(SET_STATUS, { i: { familyId: racing[i >> 1], status: 'PAUSED', reason: 'Balapan' } }).then((r) => r.setFamilyStatus.userErrors)
        : record(staffB, racing[i >> 1]).then((r) => r.recordDistribution.userErrors),
    );
    const codes = results.map((r) => (r.status === 'fulfilled' ? (r.value[0]?.code ?? 'OK') : String(r.reason).slice(0, 200)));
    expect(codes.filter((c) => !['OK', 'DISTRIBUTION_FAMILY_NOT_ACTIVE'].includes(c))).toEqual([]);
    const rows = await a.sql<{ family_id: string; status: string; planned: number; delivered: number }>(
      `select f.id as family_id, f.status,
              (select count(*)::int from ina_round_plan p where p.round_id = ? and p.family_id = f.id) as planned,
              (select count(*)::int from ina_distribution d where d.round_id = ? and d.family_id = f.id) as delivered
         from ina_family f where f.id = any(?::uuid[])`,
      [roundId, roundId, `{${racing.join(',')}}`],
    );
    expect(rows.every((r) => r.status === 'PAUSED')).toBe(true);
    expect(rows.filter((r) => !(r.planned === r.delivered))).toEqual([]);
    const served = rows.filter((r) => r.delivered).length;
    expect(codes.filter((c) => c === 'DISTRIBUTION_FAMILY_NOT_ACTIVE')).toHaveLength(20 - served);
  }, 180_000);
});
