import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlClient } from '../../../test/graphql-client';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { seedDemo } from '../../db/seeders/demo.seeder';
import { createLogger } from '../../platform/logger';
import { cityClock } from '../../platform/wita-clock';
import { seedRoundsDemo } from './round.seed';
import { CLOSE_ROUND, COVERAGE, CREATE_PROGRAM, insertFamilies, memberOf, OPEN_ROUND, PLAN, RECEIVE, RECORD, REVERSE, SET_RULE } from '../../../test/distribution.fixtures';

const OEBOBO = '53.71.04.1001'; // in the scoped demo account's work area
const NAIMATA = '53.71.02.1004'; // outside it
const ALAK = '53.71.01.1001';
const at = (iso: string) => cityClock.setNow(new Date(iso));

describe('Ina Kasih rounds, deliveries, reversals and coverage (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let staff: GraphqlClient;
  let scoped: GraphqlClient;
  let programId: string;
  let september: string;
  let october: string;
  let oebobo: string[];
  let naimata: string[];
  let paused: string[];
  let alak: string[];
  const key = (s: string) => `uji-${s}-${Math.random().toString(36).slice(2, 10)}`;
  const record = (c: GraphqlClient, familyId: string, extra: Record<string, unknown> = {}) =>
    c.ok<any>(RECORD, { i: { idempotencyKey: key('rec'), roundId: october, familyId, proxyName: 'Ibu RT Maria', place: 'DOOR_TO_DOOR', ...extra } });

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('program@kupang.demo');
    scoped = await t.as('oebobo@kupang.demo');
    at('2026-09-10T02:00:00Z');
    programId = (await staff.ok<any>(CREATE_PROGRAM, { i: { name: 'Uji Putaran', effectiveMonth: '2026-01' } })).createProgram.program.id;
    const [source] = await t.sql(`select id from funding_source where kind = 'APBD' limit 1`);
    await staff.ok(RECEIVE, { i: { programId, fundingSourceId: source.id, receivedOn: '2026-09-01', packs: 1000, unitCost: 26_000 } });
    // Daughters turn 10 on 20 October 2026: eligible from October, not in September.
    oebobo = await insertFamilies(t, 3, OEBOBO, { daughterBorn: '2016-10-20' });
    naimata = await insertFamilies(t, 2, NAIMATA, { daughterBorn: '2016-10-20' });
    paused = await insertFamilies(t, 1, OEBOBO, { status: 'PAUSED' });
    await insertFamilies(t, 1, OEBOBO, { enrolledAt: '2026-11-02' });
    alak = await insertFamilies(t, 40, ALAK);
  });
  afterEach(() => cityClock.setNow(undefined));
  afterAll(() => t?.close());

  it('plans a month set-based from active enrolled families: a girl turning 10 counts from the month of her birthday', async () => {
    at('2026-09-10T02:00:00Z');
    const sep = await staff.ok<any>(OPEN_ROUND, { i: { programId, month: '2026-09', idempotencyKey: 'open-uji-2026-09' } });
    expect(sep.openRound.userErrors).toEqual([]);
    september = sep.openRound.round.id;
    // 45 active families enrolled by September; 5 mothers (daughters 9) + 40 mothers and daughters in Alak.
    expect(sep.openRound.round.totals).toEqual({ families: 45, eligibleWomen: 85, plannedPacks: 170, deliveredFamilies: 0, deliveredPacks: 0 });
    const replay = await staff.ok<any>(OPEN_ROUND, { i: { programId, month: '2026-09', idempotencyKey: 'open-uji-2026-09' } });
    expect(replay.openRound.round.id).toBe(september);
    at('2026-10-01T02:00:00Z');
    const oct = await staff.ok<any>(OPEN_ROUND, { i: { programId, month: '2026-10' } });
    october = oct.openRound.round.id;
    expect(oct.openRound.round).toMatchObject({ month: '2026-10', status: 'OPEN', packsPerWoman: 2, totals: { families: 45, eligibleWomen: 90, plannedPacks: 180 } });
    const again = await staff.ok<any>(OPEN_ROUND, { i: { programId, month: '2026-10' } });
    expect(again.openRound.userErrors[0]).toMatchObject({ code: 'ROUND_EXISTS', field: ['input', 'month'] });
    const far = await staff.ok<any>(OPEN_ROUND, { i: { programId, month: '2026-12' } });
    expect(far.openRound.userErrors[0].code).toBe('ROUND_MONTH_TOO_FAR');
    const [plan] = await t.sql(`select eligible_women, eligible_girls, planned_packs from ina_round_plan where round_id = ? and family_id = ?`, [october, oebobo[0]]);
    expect(plan).toEqual({ eligible_women: 2, eligible_girls: 1, planned_packs: 4 });
    expect(await t.sql(`select count(*)::int as n from ina_round_plan where round_id = ? and family_id = ?`, [october, paused[0]])).toEqual([{ n: 0 }]);
  });

  it('never rewrites the rule of a planned month: a new rule only from a later month', async () => {
    const r = await staff.ok<any>(SET_RULE, { i: { programId, effectiveMonth: '2026-10', packsPerWoman: 3, padsPerPack: 10 } });
    expect(r.setEntitlementRule.userErrors[0]).toMatchObject({ code: 'PROGRAM_RULE_MONTH_HAS_ROUND', message: expect.stringContaining('2026-10') });
    await expect(t.sql(`insert into ina_entitlement_rule (id, created_at, program_id, effective_month, packs_per_woman, pads_per_pack) values (gen_random_uuid(), now(), ?, '2026-09-01', 3, 10)`, [programId]))
      .rejects.toThrow(/already planned/);
  });

  it('lists a kelurahan’s plan in pages with a statement count that does not grow with the families', async () => {
    const small = await staff.ok<any>(PLAN, { r: october, k: OEBOBO, first: 2 });
    expect(small.roundPlan.totalCount).toBe(3);
    expect(small.roundPlan.pageInfo.hasNextPage).toBe(true);
    const next = await staff.ok<any>(PLAN, { r: october, k: OEBOBO, first: 2, after: small.roundPlan.pageInfo.endCursor });
    expect([...small.roundPlan.nodes, ...next.roundPlan.nodes].map((n: any) => n.family.id)).toEqual(oebobo);
    const big = await staff.ok<any>(PLAN, { r: october, k: ALAK, first: 40 });
    expect(big.roundPlan.nodes).toHaveLength(40);
    expect(big.sqlStatements).toBe(small.sqlStatements);
    expect(small.sqlStatements).toBeLessThanOrEqual(5); // session, page, families, deliveries, the audit entry of the read
  });

  it('records a delivery once per idempotency key, draws its stock and attributes its cost to the funder', async () => {
    at('2026-10-05T03:00:00Z');
    const input = { idempotencyKey: 'deliver-oebobo-0-oct', roundId: october, familyId: oebobo[0], receivedByMemberId: await memberOf(t, oebobo[0]), place: 'DOOR_TO_DOOR' };
    const [a, b] = await Promise.all([staff.ok<any>(RECORD, { i: input }), staff.ok<any>(RECORD, { i: input })]);
    expect(a.recordDistribution.userErrors).toEqual([]);
    expect(b.recordDistribution.distribution.id).toBe(a.recordDistribution.distribution.id);
    expect(a.recordDistribution.distribution).toMatchObject({ kind: 'DELIVERY', packs: 4, place: 'DOOR_TO_DOOR', recordedByName: 'Maria Ndolu', cost: 104_000, funding: [{ fundingSource: { kind: 'APBD' }, packs: 4, cost: 104_000 }] });
    expect(await t.sql(`select count(*)::int as n from ina_distribution where round_id = ? and family_id = ?`, [october, oebobo[0]])).toEqual([{ n: 1 }]);
    expect(await t.sql(`select sum(packs_remaining)::int as n from ina_stock_lot where program_id = ?`, [programId])).toEqual([{ n: 996 }]);
  });

  it('refuses a second, different delivery to a served family in plain words and changes nothing', async () => {
    at('2026-10-06T03:00:00Z');
    const before = await t.fingerprint();
    const r = await record(staff, oebobo[0]);
    expect(r.recordDistribution.distribution).toBeNull();
    expect(r.recordDistribution.userErrors[0]).toMatchObject({ code: 'DISTRIBUTION_ALREADY_DELIVERED', field: ['input', 'familyId'] });
    expect(r.recordDistribution.userErrors[0].message).toMatch(/^Keluarga ini sudah menerima pembalut pada putaran ini \(Senin, 5 Oktober 2026/);
    expect(await t.fingerprint()).toEqual(before);
  });

  it.each([
    ['no receiver', { proxyName: null }, 'DISTRIBUTION_RECEIVER_REQUIRED', 'receivedByMemberId'],
    ['member and proxy', { receivedByMemberId: 'MEMBER' }, 'DISTRIBUTION_RECEIVER_REQUIRED', 'receivedByMemberId'],
    ['a member of another family', { proxyName: null, receivedByMemberId: 'OTHER' }, 'DISTRIBUTION_MEMBER_NOT_IN_FAMILY', 'receivedByMemberId'],
    ['more packs than planned', { packs: 5 }, 'DISTRIBUTION_INVALID_PACKS', 'packs'],
    ['a time in the future', { deliveredAt: '2026-10-07T00:00:00Z' }, 'DISTRIBUTION_INVALID_TIME', 'deliveredAt'],
    ['a time before the month', { deliveredAt: '2026-09-30T15:59:00Z' }, 'DISTRIBUTION_INVALID_TIME', 'deliveredAt'],
    ['a family not planned because it is paused', { familyId: 'PAUSED' }, 'DISTRIBUTION_FAMILY_NOT_ACTIVE', 'familyId'],
    ['an unknown round', { roundId: '00000000-0000-4000-8000-000000000000' }, 'ROUND_NOT_FOUND', 'roundId'],
  ] as [string, Record<string, unknown>, string, string][])('refuses %s with %s and changes nothing', async (_what, patch, code, field) => {
    at('2026-10-06T03:00:00Z');
    const resolved: Record<string, unknown> = { ...patch };
    if (patch.receivedByMemberId === 'MEMBER') resolved.receivedByMemberId = await memberOf(t, oebobo[1]);
    if (patch.receivedByMemberId === 'OTHER') resolved.receivedByMemberId = await memberOf(t, oebobo[2]);
    if (patch.familyId === 'PAUSED') resolved.familyId = paused[0];
    const before = await t.fingerprint();
    const r = await record(staff, oebobo[1], resolved);
    expect(r.recordDistribution.userErrors).toEqual([expect.objectContaining({ code, field: ['input', field] })]);
    expect(await t.fingerprint()).toEqual(before);
  });

  describe('the hand-over time (its own program, so the other tests’ stock and coverage stay as they are)', () => {
    let round: string;
    const deliver = (familyId: string, deliveredAt: string) => record(staff, familyId, { roundId: round, deliveredAt });

    beforeAll(async () => {
      at('2026-10-01T02:00:00Z'); // the round opens on Thursday 1 October, 10.00 WITA
      const own = (await staff.ok<any>(CREATE_PROGRAM, { i: { name: 'Uji Waktu Serah', effectiveMonth: '2026-01' } })).createProgram.program.id;
      const [source] = await t.sql(`select id from funding_source where kind = 'APBD' limit 1`);
      await staff.ok(RECEIVE, { i: { programId: own, fundingSourceId: source.id, receivedOn: '2026-09-01', packs: 100, unitCost: 26_000 } });
      round = (await staff.ok<any>(OPEN_ROUND, { i: { programId: own, month: '2026-10' } })).openRound.round.id;
      cityClock.setNow(undefined);
    });

    it('stores the time a phone sends (an offline outbox replays it days later), bounded by the round’s opening and the clock', async () => {
      // Handed over on 6 October 11.00 WITA with no signal; the outbox reaches the server on the 8th.
      at('2026-10-08T01:00:00Z');
      const late = await deliver(alak[0], '2026-10-06T03:00:00Z');
      expect(late.recordDistribution.userErrors).toEqual([]);
      expect(late.recordDistribution.distribution.deliveredAt).toBe('2026-10-06T03:00:00.000Z');
      const [row] = await t.sql(`select delivered_at from ina_distribution where id = ?`, [late.recordDistribution.distribution.id]);
      expect(new Date(row.delivered_at).toISOString()).toBe('2026-10-06T03:00:00.000Z');
      // In the round's month but before the round was opened: refused, in words that say from when.
      const before = await t.fingerprint();
      const early = await deliver(alak[1], '2026-10-01T01:00:00Z');
      expect(early.recordDistribution.userErrors[0]).toMatchObject({ code: 'DISTRIBUTION_INVALID_TIME', field: ['input', 'deliveredAt'] });
      expect(early.recordDistribution.userErrors[0].message).toContain('sejak putaran dibuka (Kamis, 1 Oktober 2026 10.00 WITA)');
      // A phone clock 6 minutes ahead is "in the future"; 4 minutes ahead is accepted.
      const ahead = await deliver(alak[1], '2026-10-08T01:06:00Z');
      expect(ahead.recordDistribution.userErrors[0].code).toBe('DISTRIBUTION_INVALID_TIME');
      expect(await t.fingerprint()).toEqual(before);
      const skew = await deliver(alak[1], '2026-10-08T01:04:00Z');
      expect(skew.recordDistribution.userErrors).toEqual([]);
    });

    it('gives a family’s page its open rounds with the delivery (what "Catat penyaluran" records against), in statements that do not grow with the families, and only in the officer’s kelurahan', async () => {
      const OPEN_PLANS = `query($k: String!, $first: Int!) { families(kelurahanCode: $k, first: $first) { nodes { id openRoundPlans { round { id month status } plannedPacks delivery { id deliveredAt } } } } }`;
      const one = await staff.ok<any>(OPEN_PLANS, { k: ALAK, first: 1 });
      const many = await staff.ok<any>(OPEN_PLANS, { k: ALAK, first: 40 });
      expect(many.families.nodes).toHaveLength(40);
      expect(many.sqlStatements).toBe(one.sqlStatements);
      // session, the page and its count, the open plans, their rounds, their deliveries, the audit entry of the read
      expect(many.sqlStatements).toBeLessThanOrEqual(7);
      const served = many.families.nodes.find((f: any) => f.id === alak[0]);
      // October of the main program and of this one are open (September was left open too).
      expect(served.openRoundPlans.map((p: any) => p.round.status)).toEqual(served.openRoundPlans.map(() => 'OPEN'));
      expect(served.openRoundPlans.find((p: any) => p.round.id === round)).toMatchObject({ plannedPacks: 4, delivery: { deliveredAt: '2026-10-06T03:00:00.000Z' } });
      const fromOutside = await scoped.ok<any>(`query($id: ID!) { family(id: $id) { id openRoundPlans { round { id } } } }`, { id: alak[0] });
      expect(fromOutside.family).toBeNull();
      const inside = await scoped.ok<any>(`query($id: ID!) { family(id: $id) { openRoundPlans { round { id } } } }`, { id: oebobo[2] });
      expect(inside.family.openRoundPlans.map((p: any) => p.round.id)).toContain(round);
    });

    it('accepts a late hand-over after the month’s end while the round is open, and counts it in the round’s month', async () => {
      // 1 November 00.30 WITA, the October round still open: a normal late delivery.
      at('2026-10-31T16:45:00Z');
      const coverage = async () => (await staff.ok<any>(COVERAGE, { r: round })).roundCoverage.find((c: any) => c.kelurahanCode === ALAK).deliveredFamilies;
      const served = await coverage();
      const r = await deliver(alak[2], '2026-10-31T16:30:00Z');
      expect(r.recordDistribution.userErrors).toEqual([]);
      const [row] = await t.sql(`select r.month::text as month from ina_distribution d join ina_distribution_round r on r.id = d.round_id where d.id = ?`, [r.recordDistribution.distribution.id]);
      expect(row.month).toBe('2026-10-01');
      expect(await coverage()).toBe(served + 1);
    });
  });

  it('keeps a kelurahan officer to her own kelurahan: no recording, plan or coverage elsewhere', async () => {
    at('2026-10-06T03:00:00Z');
    const outside = await record(scoped, naimata[0]);
    expect(outside.recordDistribution.userErrors[0].code).toBe('DISTRIBUTION_FAMILY_NOT_IN_ROUND');
    const plan = await scoped.request(PLAN, { r: october, k: NAIMATA });
    expect(plan.errors?.[0]?.extensions?.code).toBe('ROUND_KELURAHAN_OUTSIDE_SCOPE');
    const inside = await record(scoped, oebobo[1]);
    expect(inside.recordDistribution.userErrors).toEqual([]);
    const coverage = await scoped.ok<any>(COVERAGE, { r: october });
    expect(coverage.roundCoverage.map((c: any) => c.kelurahanCode)).toEqual([OEBOBO]);
  });

  it('reports coverage per kelurahan in a constant number of statements', async () => {
    const oct = await staff.ok<any>(COVERAGE, { r: october });
    const sep = await staff.ok<any>(COVERAGE, { r: september });
    expect(oct.sqlStatements).toBe(sep.sqlStatements);
    expect(oct.sqlStatements).toBeLessThanOrEqual(2);
    expect(oct.roundCoverage.find((c: any) => c.kelurahanCode === OEBOBO)).toMatchObject({
      families: 3, eligibleWomen: 6, eligibleGirls: 3, plannedPacks: 12, deliveredFamilies: 2, womenReached: 4, deliveredPacks: 8,
    });
    expect(oct.roundCoverage.find((c: any) => c.kelurahanCode === ALAK)).toMatchObject({ families: 40, deliveredFamilies: 0 });
  });

  it('corrects a delivery only by a reversal with a reason: stock returns, the family may be served again, never twice at once', async () => {
    at('2026-10-07T03:00:00Z');
    const [served] = await t.sql(`select id from ina_distribution where round_id = ? and family_id = ?`, [october, oebobo[0]]);
    const noReason = await staff.ok<any>(REVERSE, { i: { distributionId: served.id, reason: '  ' } });
    expect(noReason.reverseDistribution.userErrors[0].code).toBe('REQUIRED');
    const rev = await staff.ok<any>(REVERSE, { i: { distributionId: served.id, reason: 'Salah keluarga dicatat', idempotencyKey: 'reverse-oebobo-0' } });
    expect(rev.reverseDistribution.distribution).toMatchObject({ kind: 'REVERSAL', packs: -4, reason: 'Salah keluarga dicatat', reverses: { id: served.id } });
    const twice = await staff.ok<any>(REVERSE, { i: { distributionId: served.id, reason: 'lagi' } });
    expect(twice.reverseDistribution.userErrors[0].code).toBe('DISTRIBUTION_ALREADY_REVERSED');
    const ofReversal = await staff.ok<any>(REVERSE, { i: { distributionId: rev.reverseDistribution.distribution.id, reason: 'x' } });
    expect(ofReversal.reverseDistribution.userErrors[0].code).toBe('DISTRIBUTION_REVERSAL_NOT_REVERSIBLE');
    expect(await t.sql(`select sum(packs_remaining)::int as n from ina_stock_lot where program_id = ?`, [programId])).toEqual([{ n: 996 }]);
    const pending = await staff.ok<any>(PLAN, { r: october, k: OEBOBO, s: 'PENDING' });
    expect(pending.roundPlan.nodes.map((n: any) => n.family.id)).toEqual([oebobo[0], oebobo[2]]);
    const again = await record(staff, oebobo[0], { packs: 3 });
    expect(again.recordDistribution.distribution).toMatchObject({ kind: 'DELIVERY', packs: 3 });
    const history = await staff.ok<any>(`query($f: ID!) { family(id: $f) { deliveries { kind packs reason } } }`, { f: oebobo[0] }).catch(() => null);
    if (history) expect(history.family.deliveries.map((d: any) => d.kind)).toEqual(['DELIVERY', 'REVERSAL', 'DELIVERY']);
  });

  it('holds the ledger in the database: no edits, no deletes, no second standing delivery, no delivery after a reversal-less attempt', async () => {
    await expect(t.sql(`update ina_distribution set packs = 1 where round_id = ?`, [october])).rejects.toThrow(/append-only/);
    await expect(t.sql(`delete from ina_distribution where round_id = ?`, [october])).rejects.toThrow(/append-only/);
    const insert = (attempt: number) =>
      t.sql(
        `insert into ina_distribution (id, created_at, round_id, family_id, kelurahan_code, kind, attempt, packs, proxy_name, place, delivered_at)
         values (gen_random_uuid(), now(), ?, ?, ?, 'DELIVERY', ?, 1, 'X', 'SCHOOL', now())`,
        [october, oebobo[1], OEBOBO, attempt],
      );
    await expect(insert(1)).rejects.toThrow(/ina_distribution_one_per_family_round/);
    await expect(insert(2)).rejects.toThrow(/only after its earlier delivery was reversed/);
    await expect(t.sql(`update ina_round_plan set planned_packs = 1 where round_id = ?`, [october])).rejects.toThrow(/append-only/);
  });

  it('closes a round: no new deliveries (in words), corrections still possible', async () => {
    at('2026-10-31T10:00:00Z');
    const closed = await staff.ok<any>(CLOSE_ROUND, { i: { roundId: september } });
    expect(closed.closeRound.round.status).toBe('CLOSED');
    const twice = await staff.ok<any>(CLOSE_ROUND, { i: { roundId: september } });
    expect(twice.closeRound.userErrors[0].code).toBe('ROUND_ALREADY_CLOSED');
    const late = await staff.ok<any>(RECORD, { i: { idempotencyKey: key('late'), roundId: september, familyId: oebobo[2], proxyName: 'X', place: 'SCHOOL' } });
    expect(late.recordDistribution.userErrors[0]).toMatchObject({ code: 'ROUND_CLOSED', message: expect.stringContaining('sudah ditutup') });
    await expect(t.sql(`update ina_distribution_round set status = 'OPEN', closed_at = null where id = ?`, [september])).rejects.toThrow(/closing once/);
  });

  it('refuses a delivery when the stock is short, naming what is left', async () => {
    at('2026-10-07T03:00:00Z');
    const [{ id }] = await t.sql(`select id from ina_stock_lot where program_id = ?`, [programId]);
    const [{ packs_remaining }] = await t.sql(`select packs_remaining from ina_stock_lot where id = ?`, [id]);
    await t.sql(`insert into ina_stock_movement (id, created_at, lot_id, packs, unit_cost) values (gen_random_uuid(), now(), ?, ?, 26000)`, [id, -(packs_remaining - 2)]);
    const r = await record(staff, oebobo[2]);
    expect(r.recordDistribution.userErrors[0]).toMatchObject({ code: 'STOCK_INSUFFICIENT', message: 'Stok pembalut tidak cukup: tersisa 2 paket, dibutuhkan 4 paket.' });
  });

  it.each(['081234560001', 'mitra@kupang.demo', 'pasar@kupang.demo'])('denies %s every round and delivery operation', async (login) => {
    const c = await t.as(login);
    for (const [q, v] of [
      [PLAN, { r: october, k: OEBOBO }],
      [COVERAGE, { r: october }],
      [`{ distributionRounds { totalCount } }`, {}],
      [RECORD, { i: { idempotencyKey: key('x'), roundId: october, familyId: oebobo[2], proxyName: 'X', place: 'SCHOOL' } }],
    ] as const) {
      const r = await c.request(q, v);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(Object.values(r.data ?? {}).filter((x) => x !== null)).toEqual([]);
    }
  });
});

describe('Ina Kasih rounds demo data', () => {
  it('plans every month from the launch (September 2025) to the one before this from the families, serves most of them from stock, closes all but the last round; a second run changes nothing', async () => {
    const t = await startTestApp();
    try {
      await insertFamilies(t, 120, OEBOBO, { enrolledAt: '2025-09-01' });
      await insertFamilies(t, 80, NAIMATA, { enrolledAt: '2025-09-01' });
      const [{ id }] = await t.sql(`select id from ina_program where name = 'Ina Kasih'`);
      await seedRoundsDemo(t.em(), createLogger('silent'), id);
      const rounds = await t.sql(
        `select r.status, (select count(*)::int from ina_round_plan p where p.round_id = r.id) as planned,
                (select count(*)::int from ina_distribution d where d.round_id = r.id) as delivered
           from ina_distribution_round r where r.program_id = ? order by r.month`,
        [id],
      );
      const [{ months }] = await t.sql<{ months: number }>(
        `select ((extract(year from m) - 2025) * 12 + extract(month from m) - 9)::int as months from date_trunc('month', now() at time zone 'Asia/Makassar') m`,
      );
      expect(rounds.map((r) => r.status)).toEqual([...Array(months - 1).fill('CLOSED'), 'OPEN']);
      for (const r of rounds) {
        expect(r.planned).toBe(200);
        expect(r.delivered / r.planned).toBeGreaterThan(0.7);
        expect(r.delivered).toBeLessThan(r.planned);
      }
      const [{ drawn }] = await t.sql(`select -sum(m.packs)::int as drawn from ina_stock_movement m join ina_distribution d on d.id = m.distribution_id where d.round_id in (select id from ina_distribution_round where program_id = ?)`, [id]);
      const [{ packs }] = await t.sql(`select sum(packs)::int as packs from ina_distribution d join ina_distribution_round r on r.id = d.round_id where r.program_id = ?`, [id]);
      expect(drawn).toBe(packs);
      const staff = await t.as('program@kupang.demo');
      const list = await staff.ok<any>(`{ distributionRounds(first: 5) { totalCount nodes { month totals { families deliveredFamilies } } } }`);
      expect(list.distributionRounds.totalCount).toBe(months);
      const before = await t.fingerprint();
      await seedDemo(t.em(), createLogger('silent'), { piiKey: t.config.piiKey ?? '' });
      expect(await t.fingerprint()).toEqual(before);
    } finally {
      await t.close();
    }
  });
});
