import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlClient } from '../../../test/graphql-client';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { CLOSE_ROUND, COVERAGE, CREATE_PROGRAM, insertFamilies, OPEN_ROUND, RECEIVE, RECORD, REVERSE } from '../../../test/distribution.fixtures';
import { cityClock } from '../../platform/wita-clock';
import { CREATE_SOURCE } from './funding.fixtures';

const YEAR = 2025;
const OEBOBO = '53.71.04.1001';
const NAIMATA = '53.71.02.1004';
const FIG = 'value suppressed';
const SHARE = 'fundingSourceId label kind packs cost womanMonths costPerWomanPerMonth';
const COV = `key label parentKey familyMonthsPlanned { ${FIG} } familyMonthsReached { ${FIG} } womanMonthsPlanned { ${FIG} } womanMonthsReached { ${FIG} } coverage`;
const IMPACT = `query($y: Int!, $f: Int, $t: Int, $p: ID) { inaKasihImpact(year: $y, fromMonth: $f, toMonth: $t, programId: $p) {
  year fromMonth toMonth suppressionApplied minCell familiesReached { ${FIG} } familyMonths { ${FIG} } girlMonths { ${FIG} } womanMonths { ${FIG} }
  packsDelivered { ${FIG} } monthsWithDeliveries monthsOfCoverage cost costPerWomanPerMonth
  months { month familiesReached { ${FIG} } girlsReached { ${FIG} } womenReached { ${FIG} } packsDelivered { ${FIG} } cost }
  ownFunding { ${SHARE} } byFundingSource { ${SHARE} } coverageByKecamatan { ${COV} } coverageByKelurahan { ${COV} } } }`;
const ROLLUPS = ['ina_month_kelurahan', 'ina_month_source', 'ina_family_year', 'ina_reach_range'];

describe('Ina Kasih impact from rollups kept by triggers (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let staff: GraphqlClient;
  let admin: GraphqlClient;
  let partner: GraphqlClient;
  let programId: string;
  const rounds: Record<string, string> = {};
  let oebobo: string[];
  let naimata: string[];
  const delivered: Record<string, string> = {};
  let n = 0;
  const at = (iso: string) => cityClock.setNow(new Date(iso));

  async function deliver(month: string, families: string[]) {
    for (const familyId of families) {
      const r = await staff.ok<any>(RECORD, { i: { idempotencyKey: `dampak-${++n}-${month}`, roundId: rounds[month], familyId, proxyName: 'Ibu RT', place: 'DOOR_TO_DOOR' } });
      expect(r.recordDistribution.userErrors).toEqual([]);
      delivered[`${month}|${familyId}`] = r.recordDistribution.distribution.id;
    }
  }
  const snapshot = async () => {
    const out: Record<string, unknown[]> = {};
    for (const table of ROLLUPS) out[table] = await t.sql(`select * from impact.${table} order by 1, 2, 3, 4`);
    return out;
  };

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('program@kupang.demo');
    admin = await t.as('admin@kupang.demo');
    partner = await t.as('mitra@kupang.demo');
    at('2025-01-10T02:00:00Z');
    programId = (await staff.ok<any>(CREATE_PROGRAM, { i: { name: 'Uji Dampak', effectiveMonth: '2025-01' } })).createProgram.program.id;
    const { partners } = await admin.ok<any>('{ partners { id name } }');
    const bank = partners.find((p: any) => p.name.startsWith('Bank Flobamora')).id;
    const other = partners.find((p: any) => p.name.startsWith('PT Sahabat')).id;
    const source = async (i: Record<string, unknown>) => (await admin.ok<any>(CREATE_SOURCE, { i: { fiscalYear: YEAR, ...i } })).createFundingSource.fundingSource.id;
    const own = await source({ kind: 'CSR', name: 'CSR Bank dampak', partnerId: bank });
    const theirs = await source({ kind: 'CSR', name: 'CSR Sahabat dampak', partnerId: other });
    const apbd = await source({ kind: 'APBD', name: 'APBD dampak' });
    // Oldest lot first: the partner's 100 packs run out in January, one delivery splits across two funders.
    await staff.ok(RECEIVE, { i: { programId, fundingSourceId: own, receivedOn: '2025-01-01', packs: 102, unitCost: 20_000 } });
    await staff.ok(RECEIVE, { i: { programId, fundingSourceId: theirs, receivedOn: '2025-01-02', packs: 150, unitCost: 25_000 } });
    await staff.ok(RECEIVE, { i: { programId, fundingSourceId: apbd, receivedOn: '2025-01-03', packs: 1000, unitCost: 30_000 } });
    // Each family: a mother (18–45) and a daughter born 2012 (10–17): 2 women, 1 girl, 4 packs.
    oebobo = await insertFamilies(t, 30, OEBOBO, { enrolledAt: '2024-12-01' });
    naimata = await insertFamilies(t, 4, NAIMATA, { enrolledAt: '2024-12-01' });
    for (const [month, clock] of [['2025-01', '2025-01-10T02:00:00Z'], ['2025-02', '2025-02-10T02:00:00Z'], ['2025-03', '2025-03-10T02:00:00Z']]) {
      at(clock);
      rounds[month] = (await staff.ok<any>(OPEN_ROUND, { i: { programId, month } })).openRound.round.id;
      if (month === '2025-01') await deliver(month, [...oebobo, ...naimata]);
      if (month === '2025-02') await deliver(month, oebobo.slice(0, 20));
      if (month === '2025-03') await deliver(month, [...oebobo.slice(5, 30), ...naimata]);
    }
  }, 120_000);
  afterEach(() => cityClock.setNow(undefined));
  afterAll(() => t?.close());

  it('gives staff exact figures that reconcile with roundCoverage and the stock movements, in a fixed number of statements', async () => {
    const r = await staff.ok<any>(IMPACT, { y: YEAR, p: programId });
    const imp = r.inaKasihImpact;
    expect(imp.suppressionApplied).toBe(false);
    for (const [i, month] of ['2025-01', '2025-02', '2025-03'].entries()) {
      const cov = (await staff.ok<any>(COVERAGE, { r: rounds[month] })).roundCoverage;
      const sum = (k: string) => cov.reduce((s: number, c: any) => s + c[k], 0);
      const m = imp.months[i];
      expect(m.familiesReached.value).toBe(sum('deliveredFamilies'));
      expect(m.girlsReached.value + m.womenReached.value).toBe(sum('womenReached'));
      expect(m.packsDelivered.value).toBe(sum('deliveredPacks'));
      // Both read the rollup: check them against the plan and the deliveries themselves.
      const [raw] = await t.sql(
        `select count(*)::int as families, sum(p.eligible_women)::int as women, sum(x.packs)::int as packs
           from ina_round_plan p join (select family_id, sum(packs) as packs from ina_distribution where round_id = ? group by 1 having sum(packs) > 0) x
             on x.family_id = p.family_id where p.round_id = ?`,
        [rounds[month], rounds[month]],
      );
      expect({ families: m.familiesReached.value, women: m.girlsReached.value + m.womenReached.value, packs: m.packsDelivered.value }).toEqual(raw);
      const [planned] = await t.sql(`select count(*)::int as families, sum(planned_packs)::int as packs from ina_round_plan where round_id = ?`, [rounds[month]]);
      expect({ families: sum('families'), packs: sum('plannedPacks') }).toEqual(planned);
      for (const c of cov) {
        const row = imp.coverageByKelurahan.find((k: any) => k.key === c.kelurahanCode);
        expect(row).toBeDefined();
      }
    }
    expect(imp.months.slice(0, 3).map((m: any) => m.familiesReached.value)).toEqual([34, 20, 29]);
    expect(imp.months[0]).toMatchObject({ girlsReached: { value: 34 }, womenReached: { value: 34 }, packsDelivered: { value: 136 } });
    expect(imp.familiesReached.value).toBe(34);
    expect(imp.familyMonths.value).toBe(83);
    expect(imp.girlMonths.value).toBe(83);
    expect(imp.womanMonths.value).toBe(83);
    expect(imp.packsDelivered.value).toBe(332);
    expect(imp.monthsWithDeliveries).toBe(3);
    expect(imp.monthsOfCoverage).toBe(2.44);
    const [{ cost }] = await t.sql(`select sum(-m.packs * m.unit_cost)::bigint as cost from ina_stock_movement m join ina_stock_lot l on l.id = m.lot_id where l.program_id = ?`, [programId]);
    expect(imp.cost).toBe(Number(cost));
    // 102 × 20.000 + 150 × 25.000 + 80 × 30.000 over 166 woman-months.
    expect(imp.cost).toBe(2_040_000 + 3_750_000 + 2_400_000);
    expect(imp.costPerWomanPerMonth).toBe(Math.round(8_190_000 / 166));
    expect(imp.byFundingSource.map((s: any) => s.label)).toEqual(['APBD dampak', 'CSR Bank dampak', 'CSR Sahabat dampak']);
    expect(imp.byFundingSource.reduce((s: number, x: any) => s + x.womanMonths, 0)).toBeCloseTo(166, 6);
    expect(imp.ownFunding).toBeNull();
    const oeb = imp.coverageByKelurahan.find((k: any) => k.key === OEBOBO);
    expect(oeb).toMatchObject({ familyMonthsPlanned: { value: 90 }, familyMonthsReached: { value: 75 }, womanMonthsPlanned: { value: 180 }, womanMonthsReached: { value: 150 }, coverage: 0.8333 });
    const quarter = await staff.ok<any>(IMPACT, { y: YEAR, f: 2, t: 3, p: programId });
    expect(quarter.inaKasihImpact.familiesReached.value).toBe(34); // Oebobo 0–19 in Feb and 5–29 in Mar: all 30, + 4 Naimata in Mar
    expect(quarter.inaKasihImpact.months.map((m: any) => m.month)).toEqual(['2025-02', '2025-03']);
    expect((await staff.ok<any>(IMPACT, { y: YEAR, f: 2, t: 2, p: programId })).inaKasihImpact.familiesReached.value).toBe(20);
    const empty = await staff.ok<any>(IMPACT, { y: 2024, p: programId });
    expect(empty.inaKasihImpact.familiesReached.value).toBe(0);
    expect(empty.sqlStatements).toBe(r.sqlStatements);
    expect(r.sqlStatements).toBeLessThanOrEqual(4);
  });

  it('keeps the rollups equal to a rebuild from the raw rows', async () => {
    const kept = await snapshot();
    await t.sql(`select impact.ina_rebuild()`);
    const rebuilt = await snapshot();
    for (const table of ROLLUPS) expect(rebuilt[table], table).toEqual(kept[table]);
  });

  it('shows a partner suppressed figures and its own funding, never another partner’s', async () => {
    // Partners see closed months only: while a round of 2025 is open, nothing of the year is published.
    expect((await partner.ok<any>(IMPACT, { y: YEAR })).inaKasihImpact.months).toEqual([]);
    for (const round of Object.values(rounds)) expect((await staff.ok<any>(CLOSE_ROUND, { i: { roundId: round } })).closeRound.userErrors).toEqual([]);
    const r = await partner.ok<any>(IMPACT, { y: YEAR });
    // Programs add up to the whole: a partner gets the whole only.
    const byProgram = await partner.request(IMPACT, { y: YEAR, p: programId });
    expect(byProgram.errors?.[0].extensions?.code).toBe('IMPACT_PROGRAM_BREAKDOWN_NOT_PUBLISHED');
    const imp = r.inaKasihImpact;
    expect(imp.suppressionApplied).toBe(true);
    const nai = imp.coverageByKelurahan.find((k: any) => k.key === NAIMATA);
    // 4 families a month in Naimata: hidden, and so is enough else that the totals do not give them away.
    expect(nai.familyMonthsReached).toEqual({ value: null, suppressed: true });
    expect(nai.coverage).toBeNull();
    // Its kecamatan's figure is a sum that includes it: hidden too, so it cannot be subtracted out.
    expect(imp.coverageByKecamatan.find((k: any) => k.key === nai.parentKey).familyMonthsReached.suppressed).toBe(true);
    // Nothing published is small.
    const shown = JSON.stringify(imp).match(/"value":(\d+)/g)!.map((v) => Number(v.slice(8)));
    expect(shown.filter((v) => v > 0 && v < imp.minCell)).toEqual([]);
    // Oebobo's row and the grand total would give Naimata's away together.
    expect(imp.coverageByKelurahan.find((k: any) => k.key === OEBOBO).familyMonthsReached.suppressed || imp.familyMonths.suppressed).toBe(true);
    expect(imp.familiesReached).toEqual({ value: 34, suppressed: false });
    expect(imp.ownFunding).toMatchObject({ kind: 'CSR', packs: 102, cost: 2_040_000 });
    expect(imp.ownFunding.costPerWomanPerMonth).toBe(Math.round(2_040_000 / imp.ownFunding.womanMonths));
    expect(imp.byFundingSource.map((s: any) => s.label)).toEqual(['CSR Bank dampak']);
    expect(JSON.stringify(imp)).not.toContain('Sahabat');
    expect(JSON.stringify(imp)).not.toContain('3750000');
    // A distinct count of part of a year could be differenced against others: hidden for partners.
    const part = await partner.ok<any>(IMPACT, { y: YEAR, f: 2, t: 3 });
    expect(part.inaKasihImpact.familiesReached.suppressed).toBe(true);
    expect(part.sqlStatements).toBe(r.sqlStatements);
  });

  it('gives a kelurahan-limited officer exact figures of her kelurahan only, and the market as published; a city-wide officer the whole city', async () => {
    const scoped = await t.as('oebobo@kupang.demo'); // Oebobo, Oetete and Oebufu: 30 of the 34 families
    const r = await scoped.ok<any>(IMPACT, { y: YEAR, p: programId });
    const mine = r.inaKasihImpact;
    const city = (await staff.ok<any>(IMPACT, { y: YEAR, p: programId })).inaKasihImpact;
    expect(mine.suppressionApplied).toBe(false);
    expect(mine.months.slice(0, 3).map((m: any) => m.familiesReached.value)).toEqual([30, 20, 25]);
    expect(city.months.slice(0, 3).map((m: any) => m.familiesReached.value)).toEqual([34, 20, 29]);
    expect([mine.familiesReached.value, city.familiesReached.value]).toEqual([30, 34]);
    expect(mine.familyMonths.value).toBe(75);
    expect(mine.packsDelivered.value).toBe(300);
    expect(mine.coverageByKelurahan.map((k: any) => k.key)).toEqual([OEBOBO]);
    expect(city.coverageByKelurahan.map((k: any) => k.key).sort()).toEqual([NAIMATA, OEBOBO].sort());
    // Oldest lot first: January 102 packs at Rp 20.000 + 18 at 25.000, February 80 at 25.000, March 36 at 25.000 + 64 at 30.000.
    const [{ cost }] = await t.sql(
      `select sum(-m.packs * m.unit_cost)::bigint as cost from ina_stock_movement m join ina_distribution d on d.id = m.distribution_id where d.kelurahan_code = ?`,
      [OEBOBO],
    );
    expect(mine.cost).toBe(Number(cost));
    expect(mine.cost).toBe(2_490_000 + 2_000_000 + 2_820_000);
    expect(mine.byFundingSource.reduce((s: number, x: any) => s + x.cost, 0)).toBe(mine.cost);
    // Part of the year: different families of her kelurahan (all 30 in February–March).
    expect((await scoped.ok<any>(IMPACT, { y: YEAR, f: 2, t: 3, p: programId })).inaKasihImpact.familiesReached.value).toBe(30);
    expect(r.sqlStatements).toBeLessThanOrEqual(4);
    // The weekend market is not hers to see exactly: published figures, as partners get them.
    const MARKET = `query($y: Int!) { saboakKoepanImpact(year: $y) { suppressionApplied vendorsServedInYear { value suppressed } } }`;
    expect((await scoped.ok<any>(MARKET, { y: YEAR })).saboakKoepanImpact.suppressionApplied).toBe(true);
    expect((await staff.ok<any>(MARKET, { y: YEAR })).saboakKoepanImpact.suppressionApplied).toBe(false);
  });

  it('counts a reversal out of every figure at once', async () => {
    const before = (await staff.ok<any>(IMPACT, { y: YEAR, f: 3, t: 3, p: programId })).inaKasihImpact;
    at('2025-03-12T02:00:00Z');
    const rev = await staff.ok<any>(REVERSE, { i: { distributionId: delivered[`2025-03|${naimata[0]}`], reason: 'Salah catat' } });
    expect(rev.reverseDistribution.userErrors).toEqual([]);
    const after = (await staff.ok<any>(IMPACT, { y: YEAR, f: 3, t: 3, p: programId })).inaKasihImpact;
    expect(after.familiesReached.value).toBe(before.familiesReached.value - 1);
    expect(after.months[0].familiesReached.value).toBe(before.months[0].familiesReached.value - 1);
    expect(after.packsDelivered.value).toBe(before.packsDelivered.value - 4);
    expect(after.cost).toBe(before.cost - 4 * 30_000);
    expect(after.coverageByKelurahan.find((k: any) => k.key === NAIMATA).familyMonthsReached.value).toBe(3);
    // Still reached in January: the year's distinct families do not change.
    expect((await staff.ok<any>(IMPACT, { y: YEAR, p: programId })).inaKasihImpact.familiesReached.value).toBe(34);
    const kept = await snapshot();
    await t.sql(`select impact.ina_rebuild()`);
    expect(await snapshot()).toEqual(kept);
  });
});
