import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlClient } from '../../../test/graphql-client';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { CLOSE_ROUND, COVERAGE, CREATE_PROGRAM, OPEN_ROUND, PLAN, RECEIVE, RECORD, REVERSE } from '../../../test/distribution.fixtures';
import { cityClock } from '../../platform/wita-clock';
import { familyInput, REGISTER_FAMILY, testKk, testNik } from './family.fixtures';

const OEBOBO = '53.71.04.1001'; // in the scoped demo officer's work area
const NAIMATA = '53.71.02.1004'; // outside it
const EXPORT = `mutation($i: ExportFamilyDataInput!) { exportFamilyData(input: $i) { export { fileName json csv } userErrors { code field message } } }`;
const WITHDRAW = `mutation($i: WithdrawFamilyConsentInput!) { withdrawFamilyConsent(input: $i) {
  family { id status statusReason consentWithdrawnAt kkMasked headName address members { name nikMasked birthDate sex eligible } kkHistory { kkMasked reason } }
  userErrors { code field message } } }`;
const ROUND_TOTALS = `query($id: ID!) { distributionRound(id: $id) { totals { families eligibleWomen plannedPacks deliveredFamilies deliveredPacks } } }`;

describe('Ina Kasih: a family’s data export and consent withdrawal (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let staff: GraphqlClient; // city-wide PROGRAM_STAFF
  let scoped: GraphqlClient; // PROGRAM_STAFF limited to three kelurahan of Oebobo
  let roundId: string;
  let family: { id: string; registryNumber: string };
  let neighbour: string;
  let outside: string;
  const firstKk = testKk(9101);
  const newKk = testKk(9102);
  const niks = [testNik('1979-01-23', 'M', 9101), testNik('1986-07-19', 'F', 9101)];
  const personal = ['Kornelis Ndun Hapus', 'Yosefina Ndun Hapus', 'Melania Ndun Hapus', 'Jl. Hapus Data No. 9', 'Ibu RT Saksi Hapus', firstKk, newKk, ...niks];
  let hashes: string[];

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('program@kupang.demo');
    scoped = await t.as('oebobo@kupang.demo');
    cityClock.setNow(new Date('2026-10-05T02:00:00Z'));
    const reg = await staff.ok<any>(REGISTER_FAMILY, {
      i: familyInput(firstKk, 9101, {
        headName: 'Kornelis Ndun Hapus',
        address: 'Jl. Hapus Data No. 9',
        kelurahanCode: OEBOBO,
        members: [
          { name: 'Kornelis Ndun Hapus', nik: niks[0], birthDate: '1979-01-23', sex: 'MALE', relation: 'HEAD' },
          { name: 'Yosefina Ndun Hapus', nik: niks[1], birthDate: '1986-07-19', sex: 'FEMALE', relation: 'SPOUSE' },
        ],
      }),
    });
    family = reg.registerFamily.family;
    // A change, a new KK and a new member, each in the audit trail with its before/after values.
    await staff.ok(`mutation($i: UpdateFamilyInput!) { updateFamily(input: $i) { userErrors { code } } }`, { i: { familyId: family.id, desil: 2 } });
    await staff.ok(`mutation($i: ChangeFamilyKkInput!) { changeFamilyKk(input: $i) { userErrors { code } } }`, { i: { familyId: family.id, kk: newKk, reason: 'Pindah dari Jl. Hapus Data No. 9' } });
    await staff.ok(`mutation($i: AddFamilyMemberInput!) { addFamilyMember(input: $i) { userErrors { code } } }`, {
      i: { familyId: family.id, name: 'Melania Ndun Hapus', birthDate: '2015-02-27', sex: 'FEMALE', relation: 'CHILD', inSchool: true },
    });
    neighbour = (await staff.ok<any>(REGISTER_FAMILY, { i: familyInput(testKk(9103), 9103, { kelurahanCode: OEBOBO }) })).registerFamily.family.id;
    outside = (await staff.ok<any>(REGISTER_FAMILY, { i: familyInput(testKk(9104), 9104, { kelurahanCode: NAIMATA }) })).registerFamily.family.id;
    hashes = (await t.sql<{ h: string }>(
      `select kk_hash as h from ina_family_kk_history where family_id = ? union select nik_hash from ina_family_member where family_id = ? and nik_hash is not null`,
      [family.id, family.id],
    )).map((r) => r.h);

    const programId = (await staff.ok<any>(CREATE_PROGRAM, { i: { name: 'Uji Persetujuan', effectiveMonth: '2026-01' } })).createProgram.program.id;
    const [source] = await t.sql(`select id from funding_source where kind = 'APBD' limit 1`);
    await staff.ok(RECEIVE, { i: { programId, fundingSourceId: source.id, receivedOn: '2026-10-01', packs: 100, unitCost: 26_000 } });
    roundId = (await staff.ok<any>(OPEN_ROUND, { i: { programId, month: '2026-10' } })).openRound.round.id;
    const delivered = await staff.ok<any>(RECORD, { i: { idempotencyKey: 'consent-deliver-0001', roundId, familyId: family.id, proxyName: 'Ibu RT Saksi Hapus', place: 'DOOR_TO_DOOR' } });
    expect(delivered.recordDistribution.userErrors).toEqual([]);
  });
  afterAll(async () => {
    cityClock.setNow(undefined);
    await t?.close();
  });

  it('exports the family’s full record as JSON and CSV, with KK and NIK in full, and audits it', async () => {
    const r = (await scoped.ok<any>(EXPORT, { i: { familyId: family.id } })).exportFamilyData;
    expect(r.userErrors).toEqual([]);
    expect(r.export.fileName).toBe(`data-keluarga-${family.registryNumber}`);
    const doc = JSON.parse(r.export.json);
    expect(doc.family).toMatchObject({ registryNumber: family.registryNumber, kk: newKk, headName: 'Kornelis Ndun Hapus', address: 'Jl. Hapus Data No. 9', kelurahanCode: OEBOBO, desil: 2, status: 'ACTIVE' });
    expect(doc.members.map((m: any) => [m.name, m.nik, m.birthDate, m.sex])).toEqual([
      ['Kornelis Ndun Hapus', niks[0], '1979-01-23', 'MALE'],
      ['Yosefina Ndun Hapus', niks[1], '1986-07-19', 'FEMALE'],
      ['Melania Ndun Hapus', null, '2015-02-27', 'FEMALE'],
    ]);
    expect(doc.kkHistory.map((h: any) => [h.kk, h.validTo === null])).toEqual([[firstKk, false], [newKk, true]]);
    expect(doc.deliveries).toEqual([expect.objectContaining({ month: '2026-10', kind: 'DELIVERY', packs: 4, place: 'DOOR_TO_DOOR', proxyName: 'Ibu RT Saksi Hapus' })]);
    const csv: string[] = r.export.csv.split('\r\n');
    expect(csv[0]).toBe('bagian,nomor,kolom,nilai');
    expect(csv).toContain(`keluarga,1,kk,${newKk}`);
    expect(csv).toContain(`anggota,2,nik,${niks[1]}`);
    expect(csv).toContain(`riwayat_kk,1,kk,${firstKk}`);
    expect(csv).toContain('penyaluran,1,packs,4');
    const [audit] = await t.sql(`select actor_role, after from audit_entry where action = 'ina.family.export' and entity_id = ?`, [family.id]);
    expect(audit).toEqual({
      actor_role: 'PROGRAM_STAFF',
      after: { registryNumber: family.registryNumber, members: 3, kkHistory: 2, deliveries: 1, fields: ['FamilyDataExport.csv', 'FamilyDataExport.json'], via: ['Mutation.exportFamilyData'] },
    });
    expect(JSON.stringify(audit)).not.toContain(newKk);
  });

  it.each([['pasar@kupang.demo'], ['mitra@kupang.demo'], ['081234560001']])('refuses %s both the export and the withdrawal', async (login) => {
    const c = await t.as(login);
    for (const [q, i] of [[EXPORT, { familyId: family.id }], [WITHDRAW, { familyId: family.id, confirmRegistryNumber: family.registryNumber }]] as const) {
      const res = await c.request(q, { i });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(res)).not.toContain('Hapus');
    }
  });

  it('refuses a kelurahan officer a family outside her kelurahan, as if it did not exist', async () => {
    const before = await t.fingerprint();
    const e = (await scoped.ok<any>(EXPORT, { i: { familyId: outside } })).exportFamilyData;
    expect(e).toEqual({ export: null, userErrors: [expect.objectContaining({ code: 'FAMILY_NOT_FOUND', field: ['input', 'familyId'] })] });
    const [row] = await t.sql(`select registry_number from ina_family where id = ?`, [outside]);
    const w = (await scoped.ok<any>(WITHDRAW, { i: { familyId: outside, confirmRegistryNumber: row.registry_number } })).withdrawFamilyConsent;
    expect(w.userErrors[0].code).toBe('FAMILY_NOT_FOUND');
    expect(await t.fingerprint()).toEqual(before);
  });

  it('asks for the registry number to be typed again and changes nothing when it differs', async () => {
    const before = await t.fingerprint();
    const w = (await scoped.ok<any>(WITHDRAW, { i: { familyId: family.id, confirmRegistryNumber: 'IK-999999' } })).withdrawFamilyConsent;
    expect(w.userErrors[0]).toMatchObject({ code: 'FAMILY_CONFIRMATION_MISMATCH', field: ['input', 'confirmRegistryNumber'] });
    expect(w.userErrors[0].message).toContain(family.registryNumber);
    expect(await t.fingerprint()).toEqual(before);
  });

  it('erases the personal fields from every table in one step while coverage and round totals stay the same', async () => {
    const coverage = (await staff.ok<any>(COVERAGE, { r: roundId })).roundCoverage;
    const totals = (await staff.ok<any>(ROUND_TOTALS, { id: roundId })).distributionRound.totals;
    const impactRows = () => t.sql(`select * from impact.ina_month_kelurahan order by program_id, month, kelurahan_code`);
    const impact = await impactRows();
    const allText = async () => {
      const tables = await t.sql<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
      const found: string[] = [];
      for (const { t: table } of tables) {
        const [{ text }] = await t.sql(`select coalesce(string_agg(x::text, '|'), '') as text from "${table}" x`);
        for (const value of [...personal, ...hashes]) if ((text as string).includes(value)) found.push(`${table}: ${value}`);
      }
      return found;
    };
    expect((await allText()).length).toBeGreaterThan(5); // the check itself sees them before

    const w = (await scoped.ok<any>(WITHDRAW, { i: { familyId: family.id, confirmRegistryNumber: family.registryNumber.toLowerCase(), requestedVia: 'surat di kantor kelurahan' } })).withdrawFamilyConsent;
    expect(w.userErrors).toEqual([]);
    expect(w.family).toMatchObject({ status: 'EXITED', statusReason: 'Persetujuan ditarik', kkMasked: null, headName: '—', address: '—' });
    expect(w.family.consentWithdrawnAt).toBeTruthy();
    // Birth year and month stay (the 15th), so the age band of every month is what it was.
    expect(w.family.members.map((m: any) => [m.name, m.nikMasked, m.birthDate, m.sex, m.eligible])).toEqual([
      ['—', null, '1979-01-15', 'MALE', false],
      ['—', null, '1986-07-15', 'FEMALE', true],
      ['—', null, '2015-02-15', 'FEMALE', true],
    ]);
    expect(w.family.kkHistory).toEqual([{ kkMasked: null, reason: null }, { kkMasked: null, reason: null }]);

    expect(await allText()).toEqual([]);
    const exactBirthDates = await t.sql(
      `select count(*)::int as n from audit_entry where (coalesce(before::text, '') || coalesce(after::text, '')) ~ '1979-01-23|1986-07-19|2015-02-27'
          and entity_id in (select ?::text union select id::text from ina_family_member where family_id = ?)`,
      [family.id, family.id],
    );
    expect(exactBirthDates).toEqual([{ n: 0 }]);
    const raw = await t.sql(`select kk_enc, kk_hash, kk_masked from ina_family where id = ? union all select kk_enc, kk_hash, kk_masked from ina_family_kk_history where family_id = ?`, [family.id, family.id]);
    expect(raw.every((r: any) => r.kk_enc === null && r.kk_hash === null && r.kk_masked === null)).toBe(true);
    expect(await t.sql(`select count(*)::int as n from ina_family_member where family_id = ? and (nik_enc is not null or nik_hash is not null or nik_masked is not null)`, [family.id])).toEqual([{ n: 0 }]);

    expect((await staff.ok<any>(COVERAGE, { r: roundId })).roundCoverage).toEqual(coverage);
    expect((await staff.ok<any>(ROUND_TOTALS, { id: roundId })).distributionRound.totals).toEqual(totals);
    expect(await impactRows()).toEqual(impact); // partners' figures (women and girls reached) too

    // The trail keeps who did what and when, without the values; the withdrawal itself is in it.
    const trail = await t.sql(`select action, before, after from audit_entry where entity_type = 'Family' and entity_id = ? order by id`, [family.id]);
    expect(trail.map((a: any) => a.action)).toEqual(expect.arrayContaining(['ina.family.register', 'ina.family.update', 'ina.family.change_kk', 'ina.family.withdraw_consent']));
    // Entries of audited reads name fields and operations, never values (the withdrawal's own answer is one of them).
    const reads = trail.filter((a: any) => a.action === 'personal_data.read');
    expect(reads.every((a: any) => a.before === null && Object.keys(a.after).every((k) => ['fields', 'via', 'records', 'erased'].includes(k)))).toBe(true);
    expect(trail.filter((a: any) => !['ina.family.withdraw_consent', 'personal_data.read'].includes(a.action) && (a.before || a.after)).every((a: any) => (a.after ?? a.before).erased === true)).toBe(true);
    expect(trail.find((a: any) => a.action === 'ina.family.withdraw_consent')!.after).toMatchObject({ registryNumber: family.registryNumber, status: 'EXITED', members: 3, requestedVia: 'surat di kantor kelurahan' });
    // Outside the erasure the trail stays append-only.
    await expect(t.sql(`update audit_entry set after = '{"erased": true}' where entity_id = ?`, [family.id])).rejects.toThrow(/append-only/);
    await expect(t.sql(`update ina_distribution set proxy_name = 'x' where family_id = ?`, [family.id])).rejects.toThrow(/append-only/);
  });

  it('lets no further delivery reach a withdrawn family, through the API or straight in the database', async () => {
    const [d] = await t.sql(`select id from ina_distribution where family_id = ? and kind = 'DELIVERY'`, [family.id]);
    const reversal = await staff.ok<any>(REVERSE, { i: { distributionId: d.id, reason: 'salah catat' } });
    expect(reversal.reverseDistribution.userErrors).toEqual([]); // corrections stay possible
    const again = await staff.ok<any>(RECORD, { i: { idempotencyKey: 'consent-deliver-0002', roundId, familyId: family.id, proxyName: 'Siapa saja', place: 'DOOR_TO_DOOR' } });
    expect(again.recordDistribution.userErrors[0]).toMatchObject({ code: 'DISTRIBUTION_FAMILY_WITHDRAWN', field: ['input', 'familyId'] });
    await expect(
      t.sql(
        `insert into ina_distribution (id, created_at, round_id, family_id, kelurahan_code, kind, attempt, packs, proxy_name, place, delivered_at)
         values (gen_random_uuid(), now(), ?, ?, ?, 'DELIVERY', 2, 2, 'x', 'DOOR_TO_DOOR', now())`,
        [roundId, family.id, OEBOBO],
      ),
    ).rejects.toThrow(/withdrew its consent/);
    const twice = (await staff.ok<any>(WITHDRAW, { i: { familyId: family.id, confirmRegistryNumber: family.registryNumber } })).withdrawFamilyConsent;
    expect(twice.userErrors[0].code).toBe('FAMILY_CONSENT_ALREADY_WITHDRAWN');
    // Nothing is written to it again: no new name, member, KK or return to the program.
    const before = await t.fingerprint();
    const changes = [
      [`mutation($i: UpdateFamilyInput!) { updateFamily(input: $i) { userErrors { code } } }`, { familyId: family.id, headName: 'Nama Baru' }, 'updateFamily'],
      [`mutation($i: AddFamilyMemberInput!) { addFamilyMember(input: $i) { userErrors { code } } }`, { familyId: family.id, name: 'Anggota Baru', birthDate: '2001-01-01', sex: 'FEMALE' }, 'addFamilyMember'],
      [`mutation($i: ChangeFamilyKkInput!) { changeFamilyKk(input: $i) { userErrors { code } } }`, { familyId: family.id, kk: testKk(9105), reason: 'baru' }, 'changeFamilyKk'],
      [`mutation($i: SetFamilyStatusInput!) { setFamilyStatus(input: $i) { userErrors { code } } }`, { familyId: family.id, status: 'ACTIVE' }, 'setFamilyStatus'],
    ] as const;
    for (const [q, i, name] of changes) expect((await staff.ok<any>(q, { i }))[name].userErrors, name).toEqual([{ code: 'FAMILY_CONSENT_ALREADY_WITHDRAWN' }]);
    expect(await t.fingerprint()).toEqual(before);
    const neighbourDelivery = await scoped.ok<any>(RECORD, { i: { idempotencyKey: 'consent-deliver-0003', roundId, familyId: neighbour, proxyName: 'Ibu RT', place: 'DOOR_TO_DOOR' } });
    expect(neighbourDelivery.recordDistribution.userErrors).toEqual([]);
  });

  it('lets only city-wide staff open or close a round, and audits who read a kelurahan’s list', async () => {
    const [{ program_id: programId }] = await t.sql(`select program_id from ina_distribution_round where id = ?`, [roundId]);
    const before = await t.fingerprint();
    const open = await scoped.ok<any>(OPEN_ROUND, { i: { programId, month: '2026-11' } });
    expect(open.openRound.userErrors[0]).toMatchObject({ code: 'ROUND_CITY_WIDE_ONLY', field: ['input', 'programId'] });
    const close = await scoped.ok<any>(CLOSE_ROUND, { i: { roundId } });
    expect(close.closeRound.userErrors[0]).toMatchObject({ code: 'ROUND_CITY_WIDE_ONLY', field: ['input', 'roundId'] });
    expect(await t.fingerprint()).toEqual(before);

    const plan = await scoped.ok<any>(PLAN, { r: roundId, k: OEBOBO, first: 10 });
    expect(plan.roundPlan.nodes.length).toBeGreaterThan(0);
    const [read] = await t.sql(`select actor_role, after from audit_entry where action = 'ina.round.plan_read' and entity_id = ? order by id desc limit 1`, [roundId]);
    expect(read.actor_role).toBe('PROGRAM_STAFF');
    expect(read.after).toMatchObject({ kelurahanCode: OEBOBO, families: plan.roundPlan.nodes.map((n: any) => n.family.id) });

    const admin = await t.as('admin@kupang.demo');
    expect((await admin.ok<any>(CLOSE_ROUND, { i: { roundId } })).closeRound.round.status).toBe('CLOSED');
  });
});
