import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlClient } from '../../../test/graphql-client';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { seedDemo } from '../../db/seeders/demo.seeder';
import { createLogger } from '../../platform/logger';
import { cityClock } from '../../platform/wita-clock';
import { CREATE_PROGRAM, LEVELS, RECEIVE, SET_RULE } from '../../../test/distribution.fixtures';

describe('Ina Kasih programs, entitlement rules and stock (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let staff: GraphqlClient;
  let programId: string;
  let sources: { id: string; kind: string; name: string }[];
  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('program@kupang.demo');
    sources = await t.sql(`select id, kind, name from funding_source order by kind, name`);
  });
  afterEach(() => cityClock.setNow(undefined));
  afterAll(() => t?.close());

  it('creates a program with the default rule (2 packs of 10 pads), once per idempotency key, and refuses a second of the same name', async () => {
    cityClock.setNow(new Date('2026-09-10T02:00:00Z'));
    const input = { name: 'Ina Kasih Uji', effectiveMonth: '2026-09', idempotencyKey: 'program-uji-0001' };
    const [a, b] = await Promise.all([staff.ok<any>(CREATE_PROGRAM, { i: input }), staff.ok<any>(CREATE_PROGRAM, { i: input })]);
    expect(a.createProgram.userErrors).toEqual([]);
    expect(b.createProgram.program.id).toBe(a.createProgram.program.id);
    expect(a.createProgram.program.currentRule).toEqual({ effectiveMonth: '2026-09', packsPerWoman: 2, padsPerPack: 10 });
    programId = a.createProgram.program.id;
    const again = await staff.ok<any>(CREATE_PROGRAM, { i: { ...input, idempotencyKey: 'program-uji-0002' } });
    expect(again.createProgram.userErrors[0]).toMatchObject({ code: 'PROGRAM_NAME_TAKEN', message: expect.stringContaining('sudah ada') });
    expect(await t.sql(`select count(*)::int as n from ina_program where name = 'Ina Kasih Uji'`)).toEqual([{ n: 1 }]);
  });

  it.each([
    [{ effectiveMonth: '2026-13' }, 'PROGRAM_INVALID_MONTH', 'effectiveMonth'],
    [{ effectiveMonth: '2026-9' }, 'PROGRAM_INVALID_MONTH', 'effectiveMonth'],
    [{ packsPerWoman: 0 }, 'PROGRAM_INVALID_PACKS', 'packsPerWoman'],
    [{ packsPerWoman: 21 }, 'PROGRAM_INVALID_PACKS', 'packsPerWoman'],
    [{ padsPerPack: 0 }, 'PROGRAM_INVALID_PADS_PER_PACK', 'padsPerPack'],
    [{ programId: '00000000-0000-4000-8000-000000000000' }, 'PROGRAM_NOT_FOUND', 'programId'],
  ])('refuses the rule %j with %s and changes nothing', async (patch, code, field) => {
    const before = await t.fingerprint();
    const r = await staff.ok<any>(SET_RULE, { i: { programId, effectiveMonth: '2026-12', packsPerWoman: 3, padsPerPack: 8, ...patch } });
    expect(r.setEntitlementRule.userErrors).toEqual([expect.objectContaining({ code, field: ['input', field] })]);
    expect(await t.fingerprint()).toEqual(before);
  });

  it('refuses a program id that is not a UUID at the API edge, naming the field, and changes nothing', async () => {
    const before = await t.fingerprint();
    const r = await staff.request<any>(SET_RULE, { i: { programId: 'bukan-uuid', effectiveMonth: '2026-12', packsPerWoman: 3, padsPerPack: 8 } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ID', fields: [{ field: ['i', 'programId'] }] });
    expect(await t.fingerprint()).toEqual(before);
  });

  it('changes the rule from a later month without rewriting history; a month that has a rule is refused', async () => {
    const r = await staff.ok<any>(SET_RULE, { i: { programId, effectiveMonth: '2026-11', packsPerWoman: 3, padsPerPack: 8, note: 'SK 12/2026', idempotencyKey: 'rule-uji-2026-11' } });
    expect(r.setEntitlementRule.rule).toMatchObject({ effectiveMonth: '2026-11', packsPerWoman: 3, padsPerPack: 8, note: 'SK 12/2026' });
    const same = await staff.ok<any>(SET_RULE, { i: { programId, effectiveMonth: '2026-11', packsPerWoman: 4, padsPerPack: 8 } });
    expect(same.setEntitlementRule.userErrors[0].code).toBe('PROGRAM_RULE_MONTH_TAKEN');
    const PROGRAM = `{ programs { name currentRule { effectiveMonth packsPerWoman } rules { effectiveMonth packsPerWoman padsPerPack } } }`;
    cityClock.setNow(new Date('2026-10-31T15:59:00Z')); // 23.59 WITA, still October in Kupang
    const oct = (await staff.ok<any>(PROGRAM)).programs.find((p: any) => p.name === 'Ina Kasih Uji');
    expect(oct.currentRule).toEqual({ effectiveMonth: '2026-09', packsPerWoman: 2 });
    cityClock.setNow(new Date('2026-10-31T16:00:00Z')); // 00.00 WITA, 1 November
    const nov = (await staff.ok<any>(PROGRAM)).programs.find((p: any) => p.name === 'Ina Kasih Uji');
    expect(nov.currentRule).toEqual({ effectiveMonth: '2026-11', packsPerWoman: 3 });
    expect(nov.rules).toEqual([
      { effectiveMonth: '2026-09', packsPerWoman: 2, padsPerPack: 10 },
      { effectiveMonth: '2026-11', packsPerWoman: 3, padsPerPack: 8 },
    ]);
  });

  it('refuses in the database any UPDATE or DELETE of a rule (append-only)', async () => {
    await expect(t.sql(`update ina_entitlement_rule set packs_per_woman = 5 where program_id = ?`, [programId])).rejects.toThrow(/append-only/);
    await expect(t.sql(`delete from ina_entitlement_rule where program_id = ?`, [programId])).rejects.toThrow(/append-only/);
  });

  it('receives stock paid by a funding source and reports the levels by source in a constant number of statements', async () => {
    cityClock.setNow(new Date('2026-10-05T02:00:00Z'));
    const apbd = sources.find((s) => s.kind === 'APBD')!;
    const csr = sources.find((s) => s.kind === 'CSR')!;
    const first = await staff.ok<any>(RECEIVE, {
      i: { programId, fundingSourceId: apbd.id, receivedOn: '2026-10-01', packs: 500, unitCost: 26_000, supplier: 'CV Kupang Sehat', reference: 'BAST-01', idempotencyKey: 'stock-apbd-0001' },
    });
    expect(first.receiveStock.stockLot).toMatchObject({ packsReceived: 500, packsRemaining: 500, padsPerPack: 10, unitCost: 26_000, fundingSource: { kind: 'APBD' } });
    const replay = await staff.ok<any>(RECEIVE, { i: { programId, fundingSourceId: apbd.id, receivedOn: '2026-10-01', packs: 500, unitCost: 26_000, idempotencyKey: 'stock-apbd-0001' } });
    expect(replay.receiveStock.stockLot.id).toBe(first.receiveStock.stockLot.id);
    await staff.ok(RECEIVE, { i: { programId, fundingSourceId: csr.id, receivedOn: '2026-10-03', packs: 1_200, unitCost: 24_500 } });
    const levels = await staff.ok<any>(LEVELS, { p: programId });
    expect(levels.stockLevels).toMatchObject({ packsReceived: 1_700, packsRemaining: 1_700, packsDistributed: 0, valueRemaining: 500 * 26_000 + 1_200 * 24_500 });
    expect(levels.stockLevels.bySource).toHaveLength(2);
    expect(levels.stockLevels.openLots.map((l: any) => l.receivedOn)).toEqual(['2026-10-01', '2026-10-03']);
    for (let i = 0; i < 5; i++) await staff.ok(RECEIVE, { i: { programId, fundingSourceId: sources[i % sources.length].id, receivedOn: '2026-10-04', packs: 10, unitCost: 1 } });
    const more = await staff.ok<any>(LEVELS, { p: programId });
    expect(more.stockLevels.openLots).toHaveLength(7);
    expect(more.sqlStatements).toBe(levels.sqlStatements);
  });

  it.each([
    [{ packs: 0 }, 'STOCK_INVALID_PACKS', 'packs'],
    [{ unitCost: -1 }, 'STOCK_INVALID_UNIT_COST', 'unitCost'],
    [{ receivedOn: '2026-10-06' }, 'STOCK_DATE_IN_FUTURE', 'receivedOn'],
    [{ fundingSourceId: '00000000-0000-4000-8000-000000000000' }, 'STOCK_UNKNOWN_FUNDING_SOURCE', 'fundingSourceId'],
  ])('refuses stock %j with %s and changes nothing', async (patch, code, field) => {
    cityClock.setNow(new Date('2026-10-05T02:00:00Z'));
    const before = await t.fingerprint();
    const r = await staff.ok<any>(RECEIVE, { i: { programId, fundingSourceId: sources[0].id, receivedOn: '2026-10-01', packs: 10, unitCost: 1000, ...patch } });
    expect(r.receiveStock.userErrors).toEqual([expect.objectContaining({ code, field: ['input', field] })]);
    expect(await t.fingerprint()).toEqual(before);
  });

  it('lets stock move only through movements, and never below zero, in the database itself', async () => {
    const [lot] = await t.sql(`select id from ina_stock_lot where program_id = ? and reference = 'BAST-01'`, [programId]);
    await expect(t.sql(`update ina_stock_lot set packs_remaining = 10 where id = ?`, [lot.id])).rejects.toThrow(/only through ina_stock_movement/);
    await expect(t.sql(`update ina_stock_lot set unit_cost = 1 where id = ?`, [lot.id])).rejects.toThrow(/not edited/);
    await expect(t.sql(`delete from ina_stock_lot where id = ?`, [lot.id])).rejects.toThrow(/never deleted/);
    await expect(
      t.sql(`insert into ina_stock_movement (id, created_at, lot_id, packs, unit_cost) values (gen_random_uuid(), now(), ?, -501, 26000)`, [lot.id]),
    ).rejects.toThrow(/ina_stock_lot_never_negative/);
    await t.sql(`insert into ina_stock_movement (id, created_at, lot_id, packs, unit_cost) values (gen_random_uuid(), now(), ?, -500, 26000)`, [lot.id]);
    expect(await t.sql(`select packs_remaining from ina_stock_lot where id = ?`, [lot.id])).toEqual([{ packs_remaining: 0 }]);
    await expect(t.sql(`update ina_stock_movement set packs = -1 where lot_id = ?`, [lot.id])).rejects.toThrow(/append-only/);
    await expect(
      t.sql(`insert into ina_stock_movement (id, created_at, lot_id, packs, unit_cost) values (gen_random_uuid(), now(), ?, 501, 26000)`, [lot.id]),
    ).rejects.toThrow(/ina_stock_lot_not_above_received/);
  });

  it.each(['081234560001', 'mitra@kupang.demo', 'pasar@kupang.demo'])('denies %s the programs and the stock', async (login) => {
    const c = await t.as(login);
    for (const q of ['{ programs { id } }', `{ stockLevels(programId: "${programId}") { packsRemaining } }`]) {
      const r = await c.request(q);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(Object.values(r.data ?? {}).filter((v) => v !== null)).toEqual([]);
    }
  });
});

describe('Ina Kasih demo data', () => {
  it('seeds the program with 2 packs per woman and stock lots paid by CSR, APBD and DAK; a second run changes nothing', async () => {
    const t = await startTestApp();
    try {
      const rows = await t.sql(`select s.kind, l.packs_received, l.unit_cost::int as unit_cost from ina_stock_lot l join funding_source s on s.id = l.funding_source_id
                                  join ina_program p on p.id = l.program_id where p.name = 'Ina Kasih' order by l.received_on`);
      expect(rows.map((r) => r.kind)).toEqual(['CSR', 'APBD', 'CSR', 'DAK']);
      expect(await t.sql(`select packs_per_woman, pads_per_pack from ina_entitlement_rule r join ina_program p on p.id = r.program_id where p.name = 'Ina Kasih'`)).toEqual([
        { packs_per_woman: 2, pads_per_pack: 10 },
      ]);
      const before = await t.fingerprint();
      await seedDemo(t.em(), createLogger('silent'), { piiKey: t.config.piiKey ?? '', emptyRegistry: true });
      expect(await t.fingerprint()).toEqual(before);
    } finally {
      await t.close();
    }
  });
});
