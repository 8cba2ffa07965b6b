import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlClient } from '../../../test/graphql-client';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { CREATE_PROGRAM, OPEN_ROUND, RECEIVE, RECORD, REVERSE } from '../../../test/distribution.fixtures';
import { cityClock } from '../../platform/wita-clock';
import { familyInput, REGISTER_FAMILY, testKk } from './family.fixtures';

const SASANDO = '53.71.05.1006'; // a kelurahan only this test registers families in
const DUE = `query($k: String) { families(first: 50, kelurahanCode: $k, dueThisMonth: true) { totalCount nodes { id } } }`;

describe('Ina Kasih family list: due this month (WITA), in SQL', () => {
  let t: TestApp;
  let staff: GraphqlClient;
  let withWoman: string;
  let turningTen: string;
  let noWoman: string;
  let paused: string;
  let roundId: string;
  let kelurahan: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('program@kupang.demo');
    // 31 October 2026, 17.00 UTC: already 1 November in Kupang.
    cityClock.setNow(new Date('2026-10-31T17:00:00Z'));
    const [kel] = await t.sql(`select code from region where level = 'KELURAHAN' and code not in (select distinct kelurahan_code from ina_family) order by code limit 1`);
    kelurahan = (kel?.code as string) ?? SASANDO;
    const code = kelurahan;
    const reg = async (n: number, members: unknown[], extra: Record<string, unknown> = {}) =>
      (await staff.ok<any>(REGISTER_FAMILY, { i: familyInput(testKk(9200 + n), 9200 + n, { kelurahanCode: code, enrolledAt: '2026-01-01', members, ...extra }) })).registerFamily.family.id;
    withWoman = await reg(1, [{ name: 'Mama Due', birthDate: '1990-05-05', sex: 'FEMALE' }]);
    // Turns 10 on 30 November 2026: eligible from November (WITA) on.
    turningTen = await reg(2, [{ name: 'Nona Due', birthDate: '2016-11-30', sex: 'FEMALE' }]);
    noWoman = await reg(3, [{ name: 'Bapa Due', birthDate: '1970-01-01', sex: 'MALE' }, { name: 'Oma Due', birthDate: '1960-01-01', sex: 'FEMALE' }]);
    paused = await reg(4, [{ name: 'Mama Paused', birthDate: '1991-05-05', sex: 'FEMALE' }]);
    await staff.ok(`mutation($i: SetFamilyStatusInput!) { setFamilyStatus(input: $i) { userErrors { code } } }`, { i: { familyId: paused, status: 'PAUSED', reason: 'pindah sementara' } });
    const programId = (await staff.ok<any>(CREATE_PROGRAM, { i: { name: 'Uji Jatuh Tempo', effectiveMonth: '2026-01' } })).createProgram.program.id;
    const [source] = await t.sql(`select id from funding_source where kind = 'APBD' limit 1`);
    await staff.ok(RECEIVE, { i: { programId, fundingSourceId: source.id, receivedOn: '2026-10-01', packs: 100, unitCost: 26_000 } });
    roundId = (await staff.ok<any>(OPEN_ROUND, { i: { programId, month: '2026-11' } })).openRound.round.id;
  });
  afterAll(async () => {
    cityClock.setNow(undefined);
    await t?.close();
  });

  const due = async () => ((await staff.ok<any>(DUE, { k: kelurahan })).families.nodes as { id: string }[]).map((n) => n.id).sort();

  it('lists ACTIVE families with a woman or girl eligible in the WITA month and no standing delivery in it', async () => {
    expect(await due()).toEqual([withWoman, turningTen].sort());
    expect(await due()).not.toContain(noWoman);
    expect(await due()).not.toContain(paused);
  });

  it('drops a family once served this month and lists it again after the delivery is reversed', async () => {
    const r = await staff.ok<any>(RECORD, { i: { idempotencyKey: 'due-deliver-0001', roundId, familyId: withWoman, proxyName: 'Ibu RT', place: 'KELURAHAN_OFFICE' } });
    expect(r.recordDistribution.userErrors).toEqual([]);
    expect(await due()).toEqual([turningTen]);
    await staff.ok(REVERSE, { i: { distributionId: r.recordDistribution.distribution.id, reason: 'salah keluarga' } });
    expect(await due()).toEqual([withWoman, turningTen].sort());
  });

  it('does not list the girl in October, before the month she turns 10', async () => {
    cityClock.setNow(new Date('2026-10-31T15:00:00Z')); // 23.00 WITA on 31 October
    try {
      expect(await due()).toEqual([withWoman]);
    } finally {
      cityClock.setNow(new Date('2026-10-31T17:00:00Z'));
    }
  });

  it('makes a constant number of statements (one filtered page, whatever the families)', async () => {
    const r = await staff.ok<any>(DUE, { k: kelurahan });
    expect(r.sqlStatements).toBeLessThanOrEqual(6);
  });
});
