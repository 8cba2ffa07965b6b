import { CREATE_PROGRAM, OPEN_ROUND, RECEIVE, RECORD } from './distribution.fixtures';
import type { GraphqlClient } from './graphql-client';
import { ADD_DAY, approvedVendors, e164, REGISTER, REQUEST } from './market.fixtures';
import type { TestApp } from './test-app';
import { ATTEND, createTraining, ENROL, JOIN } from './training.fixtures';
import { DISPUTE, marketDayWith, RECORD as RECORD_TURNOVER } from './turnover.fixtures';
import { familyInput, REGISTER_FAMILY, testKk, testNik } from '../src/modules/ina-kasih/family.fixtures';

/**
 * A small world in which every personal field the API has can be read, and for each root
 * operation a way to call it successfully (its variables, made fresh where a call uses them up).
 * personal-data.test.ts reads every path the schema walk finds through these calls.
 */

export const CLOCK = '2027-03-06T02:00:00Z'; // Saturday 6 March 2027, 10.00 WITA: a market day
export const OEBOBO = '53.71.04.1001';

export interface World {
  t: TestApp;
  program: GraphqlClient;
  market: GraphqlClient;
  admin: GraphqlClient;
  vendor: GraphqlClient;
  /** A staff account with both an e-mail and a phone number, for the account's own operations. */
  account: GraphqlClient;
  accountLogin: string;
  vendorId: string;
  programId: string;
  roundId: string;
  /** Registered and planned, with deliveries (one received by a member, one by a proxy), a changed KK and a NIK shared with `twin`. */
  familyId: string;
  memberId: string;
  /** Planned in the round and not yet served, for deliveries made by fixtures. */
  spare: string[];
  importJobId: string;
  pastDayId: string;
  reportId: string;
  trainingId: string;
  attendedEnrolmentId: string;
}

let n = 0;
let days = 0;
/** A market day date of its own, long before the demo's weekends. */
const pastDate = () => new Date(Date.UTC(2024, 0, 1 + ++days)).toISOString().slice(0, 10);
export const fresh = (s: string) => `pd-${s}-${++n}-${Math.random().toString(36).slice(2, 8)}`;

export async function registerFamily(program: GraphqlClient, overrides: Record<string, unknown> = {}): Promise<{ id: string; registryNumber: string; members: { id: string }[] }> {
  const k = ++n + 500;
  const r = await program.ok<any>(REGISTER_FAMILY, { i: familyInput(testKk(), k, { kelurahanCode: OEBOBO, enrolledAt: '2027-01-04', ...overrides }) });
  if (r.registerFamily.userErrors.length) throw new Error(JSON.stringify(r.registerFamily.userErrors));
  const f = r.registerFamily.family;
  return { id: f.id, registryNumber: (await program.ok<any>(`query($id: ID!) { family(id: $id) { registryNumber } }`, { id: f.id })).family.registryNumber, members: f.members };
}

/** Two families sharing a NIK; returns the open flag's id. */
export async function duplicatePair(program: GraphqlClient): Promise<{ flagId: string; familyId: string }> {
  const nik = testNik('1990-05-05', 'F', 7000 + ++n);
  const member = { name: 'Ana Kembar', nik, birthDate: '1990-05-05', sex: 'FEMALE', relation: 'SPOUSE' };
  const a = await registerFamily(program, { members: [member] });
  await registerFamily(program, { members: [member] });
  const flags = await program.ok<any>(`query($id: ID!) { family(id: $id) { openDuplicateFlags { id } } }`, { id: a.id });
  return { flagId: flags.family.openDuplicateFlags[0].id, familyId: a.id };
}

export async function buildWorld(t: TestApp): Promise<World> {
  const [program, market, admin, vendor] = await Promise.all(['program@kupang.demo', 'pasar@kupang.demo', 'admin@kupang.demo', '081234560001'].map((l) => t.as(l)));
  const accountLogin = 'petugas.lengkap@kupang.demo';
  const created = await admin.ok<any>(`mutation($i: CreateUserInput!) { createUser(input: $i) { userErrors { code } } }`, {
    i: { fullName: 'Petugas Lengkap', email: accountLogin, phone: '081298765432', password: 'rahasia-lengkap-2027', role: 'PROGRAM_STAFF' },
  });
  if (created.createUser.userErrors.length) throw new Error(JSON.stringify(created.createUser.userErrors));
  const account = t.client();
  await account.signIn(accountLogin, 'rahasia-lengkap-2027');
  const [{ id: vendorId }] = await t.sql(`select v.id from market_vendor v join app_user u on u.id = v.user_id where u.phone = '+6281234560001'`);
  await t.sql(`update market_vendor set nib = '9120300000001' where id = ?`, [vendorId]);

  // Ina Kasih: a program with stock, families (one duplicate NIK), a changed KK, a round with deliveries.
  const programId = (await program.ok<any>(CREATE_PROGRAM, { i: { name: 'Ina Kasih Uji Audit', effectiveMonth: '2027-01' } })).createProgram.program.id;
  const [source] = await t.sql(`select id from funding_source where kind = 'APBD' limit 1`);
  await program.ok(RECEIVE, { i: { programId, fundingSourceId: source.id, receivedOn: '2027-03-01', packs: 500, unitCost: 26_000 } });
  const family = await registerFamily(program, { desil: 1 });
  const twinNik = (await program.ok<any>(`mutation($i: RevealFamilyIdentityInput!) { revealFamilyIdentity(input: $i) { identity { members { name nik } } } }`, { i: { familyId: family.id } }))
    .revealFamilyIdentity.identity.members.find((m: any) => m.nik).nik;
  await registerFamily(program, { members: [{ name: 'Kembar NIK', nik: twinNik, birthDate: '1980-06-10', sex: 'MALE', relation: 'HEAD' }] });
  await program.ok(`mutation($i: ChangeFamilyKkInput!) { changeFamilyKk(input: $i) { userErrors { code } } }`, { i: { familyId: family.id, kk: testKk(), reason: 'Pindah alamat' } });
  const proxyFamily = await registerFamily(program);
  const spare = [];
  for (let i = 0; i < 4; i++) spare.push((await registerFamily(program)).id);
  const roundId = (await program.ok<any>(OPEN_ROUND, { i: { programId, month: '2027-03', idempotencyKey: fresh('round') } })).openRound.round.id;
  const mother = family.members[1].id;
  for (const [familyId, extra] of [
    [family.id, { proxyName: 'Ibu RT Saksi' }],
    [proxyFamily.id, { receivedByMemberId: proxyFamily.members[1].id }],
  ] as const) {
    const r = await program.ok<any>(RECORD, { i: { idempotencyKey: fresh('deliver'), roundId, familyId, place: 'DOOR_TO_DOOR', ...extra } });
    if (r.recordDistribution.userErrors.length) throw new Error(JSON.stringify(r.recordDistribution.userErrors));
  }

  // An import whose report has a line.
  const csv = [
    'no_kk;kepala_keluarga;alamat;kelurahan;desil;sumber_data;tanggal_verval;nomor_sk;tahap;nama;nik;tanggal_lahir;jenis_kelamin;hubungan;sekolah;disabilitas',
    `5371040105249901;Simon Impor;Jl. Frans Seda 1;Oebobo;2;DTSEN;;;1;Simon Impor;${testNik('1979-04-01', 'M', 9901)};01-04-1979;L;Kepala Keluarga;Tidak;Tidak`,
    `5371040105249902;Ester Impor;Jl. Frans Seda 2;Oebobo;2;DTSEN;;;1;Ester Impor;12345;24-12-1985;P;Kepala Keluarga;Tidak;Tidak`,
  ].join('\r\n');
  const res = await fetch(`${t.url}/api/ina-kasih/imports?mode=VALID_ROWS&name=audit.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', cookie: `kp_session=${program.cookie('kp_session')}` },
    body: csv,
  });
  const importJobId = ((await res.json()) as { jobId: string }).jobId;
  for (let i = 0; i < 200; i++) {
    const job = await program.ok<any>(`query($id: ID!) { familyImportJob(id: $id) { status } }`, { id: importJobId });
    if (job.familyImportJob.status !== 'RUNNING') break;
    await new Promise((r) => setTimeout(r, 50));
  }

  // The market: a past day where the demo vendor and another sold, a turnover figure of hers, a training she attended.
  const [other] = await approvedVendors(t, market, 9100, 1);
  const pastDayId = await marketDayWith(t, '2027-02-27', [{ id: vendorId }, { id: other.id }]);
  const report = await market.ok<any>(RECORD_TURNOVER, { i: { idempotencyKey: fresh('omzet'), vendorId, marketDayId: pastDayId, amount: 750_000 } });
  const reportId = report.recordTurnover.report.id;
  const trainingId = await createTraining(market, '2027-03-06T03:00:00Z', 10);
  const enrolled = await market.ok<any>(ENROL, { i: { trainingId, vendorId, idempotencyKey: fresh('enrol') } });
  const attendedEnrolmentId = enrolled.enrolVendor.enrolment.id;
  await market.ok(ATTEND, { i: { enrolmentId: attendedEnrolmentId, present: true } });
  await market.ok(`mutation($i: RecordMentoringVisitInput!) { recordMentoringVisit(input: $i) { userErrors { code } } }`, {
    i: { vendorId, topic: 'BOOKKEEPING', visitDate: '2027-03-01', notes: 'Catat penjualan harian.', staffNotes: 'Perlu kunjungan lagi.', idempotencyKey: fresh('visit') },
  });

  return {
    t, program, market, admin, vendor, account, accountLogin, vendorId, programId, roundId,
    familyId: family.id, memberId: mother, spare, importJobId, pastDayId, reportId, trainingId, attendedEnrolmentId,
  };
}

type Call = { variables: Record<string, unknown>; as?: GraphqlClient };

/** A checked-in vendor on a new past market day: what staff log turnover for. */
async function checkedIn(w: World): Promise<{ vendorId: string; dayId: string }> {
  const v = await vendorWithNib(w);
  const dayId = await marketDayWith(w.t, pastDate(), [{ id: v.id }]);
  return { vendorId: v.id, dayId };
}

/** A planned family served through a proxy; returns the family and the delivery. */
async function deliveryOf(w: World): Promise<{ familyId: string; distributionId: string }> {
  const familyId = w.spare.pop()!;
  const r = await w.program.ok<any>(RECORD, { i: { idempotencyKey: fresh('deliver'), roundId: w.roundId, familyId, proxyName: 'Bapak Kader', place: 'KELURAHAN_OFFICE' } });
  return { familyId, distributionId: r.recordDistribution.distribution.id };
}

async function vendorReport(w: World): Promise<string> {
  const dayId = await marketDayWith(w.t, pastDate(), [{ id: w.vendorId }]);
  return (await w.market.ok<any>(RECORD_TURNOVER, { i: { idempotencyKey: fresh('omzet'), vendorId: w.vendorId, marketDayId: dayId, amount: 500_000 } })).recordTurnover.report.id;
}

/**
 * How to call each root operation that reaches personal data, keyed `Query.x` / `Mutation.x`.
 * A root the walk finds without an entry here fails the test: add one.
 */
export const CALLS: Record<string, (w: World) => Promise<Call>> = {
  'Query.auditEntries': async (w) => {
    await w.vendor.ok(`mutation { updateMyBusiness(input: { publicConsent: true }) { userErrors { code } } }`);
    return { variables: { first: 40 } };
  },
  'Query.me': async (w) => ({ variables: {}, as: w.account }),
  'Query.familyImportJob': async (w) => ({ variables: { id: w.importJobId } }),
  'Query.familyImportJobs': async () => ({ variables: {} }),
  'Query.families': async () => ({ variables: { first: 20 } }),
  'Query.family': async (w) => ({ variables: { id: w.familyId } }),
  'Query.duplicateFlags': async () => ({ variables: { first: 20 } }),
  'Query.roundPlan': async (w) => ({ variables: { roundId: w.roundId, kelurahanCode: OEBOBO, first: 20 } }),
  'Query.vendors': async () => ({ variables: { first: 60 } }),
  'Query.myVendor': async () => ({ variables: {} }),
  'Query.marketDayBoard': async (w) => ({ variables: { marketDayId: w.pastDayId } }),
  'Query.myBookings': async () => ({ variables: { first: 10 } }),
  'Query.mentoringVisits': async (w) => ({ variables: { vendorId: w.vendorId } }),
  'Query.mentoredVendor': async (w) => ({ variables: { vendorId: w.vendorId } }),
  'Query.myMentoringVisits': async () => ({ variables: {} }),
  'Query.trainings': async () => ({ variables: { from: '2027-03-01', to: '2027-03-31' } }),
  'Query.training': async (w) => ({ variables: { id: w.trainingId } }),
  'Query.openTrainings': async (w) => {
    const trainingId = await createTraining(w.market, '2027-03-27T01:00:00Z', 5);
    await w.vendor.ok(JOIN, { i: { trainingId, idempotencyKey: fresh('join') } });
    return { variables: { from: '2027-03-27', to: '2027-03-27' } };
  },
  'Query.myTrainings': async () => ({ variables: {} }),
  'Query.myCertificates': async () => ({ variables: {} }),
  'Query.trainingCertificate': async (w) => ({ variables: { enrolmentId: w.attendedEnrolmentId } }),
  'Query.turnoverDayGrid': async (w) => ({ variables: { marketDayId: w.pastDayId } }),
  'Query.turnoverReport': async (w) => ({ variables: { id: w.reportId } }),
  'Query.turnoverReports': async () => ({ variables: { first: 10, from: '2027-02-27', to: '2027-02-27' } }),
  'Query.myTurnover': async () => ({ variables: { from: '2027-02-01', to: '2027-02-28' } }),
  'Query.users': async () => ({ variables: { first: 20 } }),

  'Mutation.signIn': async (w) => ({ variables: { input: { login: w.accountLogin, password: 'rahasia-lengkap-2027' } }, as: w.t.client() }),
  'Mutation.setMyLocale': async (w) => ({ variables: { input: { locale: 'id' } }, as: w.account }),
  'Mutation.exportMyData': async () => ({ variables: {} }),
  'Mutation.createUser': async () => ({ variables: { input: { fullName: 'Akun Baru', email: `${fresh('akun')}@kupang.demo`, phone: `0812${String(10000000 + ++n).slice(-8)}`, password: 'rahasia-baru-2027', role: 'MARKET_STAFF' } } }),
  'Mutation.resetUserPassword': async (w) => ({ variables: { input: { userId: (await userOf(w)).id, newPassword: 'rahasia-lagi-2027' } } }),
  // Market staff (the first role allowed) reset vendors' accounts.
  'Mutation.resetPassword': async (w) => ({ variables: { input: { userId: (await userOf(w, 'VENDOR')).id } } }),
  'Mutation.changeMyPassword': async (w) => ({
    variables: { input: { currentPassword: 'rahasia-baru-2027', newPassword: 'rahasia-ganti-2027' } },
    as: await signedInAs(w, (await userOf(w)).email, 'rahasia-baru-2027'),
  }),
  'Mutation.setUserActive': async (w) => ({ variables: { input: { userId: (await userOf(w)).id, active: false } } }),

  'Mutation.registerFamily': async () => ({ variables: { input: familyInput(testKk(), ++n + 800, { kelurahanCode: OEBOBO }) } }),
  'Mutation.updateFamily': async (w) => ({ variables: { input: { familyId: w.familyId, address: `Jl. El Tari No. ${++n}` } } }),
  'Mutation.changeFamilyKk': async (w) => ({ variables: { input: { familyId: w.familyId, kk: testKk(), reason: 'Pisah KK' } } }),
  'Mutation.setFamilyStatus': async (w) => ({ variables: { input: { familyId: (await deliveryOf(w)).familyId, status: 'PAUSED', reason: 'Pindah sementara' } } }),
  'Mutation.addFamilyMember': async (w) => ({ variables: { input: { familyId: w.familyId, name: `Anak Baru ${++n}`, nik: testNik('2020-02-02', 'F', 8000 + n), birthDate: '2020-02-02', sex: 'FEMALE', disability: false } } }),
  'Mutation.updateFamilyMember': async (w) => ({ variables: { input: { memberId: w.memberId, inSchool: false } } }),
  'Mutation.revealFamilyIdentity': async (w) => ({ variables: { input: { familyId: w.familyId } } }),
  'Mutation.exportFamilyData': async (w) => ({ variables: { input: { familyId: w.familyId } } }),
  'Mutation.withdrawFamilyConsent': async (w) => {
    const { familyId } = await deliveryOf(w);
    const { family } = await w.program.ok<any>(`query($id: ID!) { family(id: $id) { registryNumber } }`, { id: familyId });
    return { variables: { input: { familyId, confirmRegistryNumber: family.registryNumber } } };
  },
  'Mutation.resolveDuplicateFlag': async (w) => {
    // The world's own flag first: its family has a delivery, so the answer reaches a proxy's name too.
    const { family } = await w.program.ok<any>(`query($id: ID!) { family(id: $id) { openDuplicateFlags { id } } }`, { id: w.familyId });
    const flagId = family.openDuplicateFlags[0]?.id ?? (await duplicatePair(w.program)).flagId;
    return { variables: { input: { flagId, resolution: 'NOT_DUPLICATE', note: 'Orang berbeda' } } };
  },
  'Mutation.recordDistribution': async (w) => ({
    variables: { input: { idempotencyKey: fresh('deliver'), roundId: w.roundId, familyId: w.spare.pop(), proxyName: 'Ibu Kader', place: 'DOOR_TO_DOOR' } },
  }),
  'Mutation.reverseDistribution': async (w) => ({ variables: { input: { distributionId: (await deliveryOf(w)).distributionId, reason: 'Salah catat' } } }),

  'Mutation.decideVendor': async (w) => {
    const phone = `0813${String(80000000 + ++n)}`;
    await w.t.client().ok<any>(REGISTER, {
      i: { businessName: 'Kue Baru', ownerName: 'Mama Baru', phone, password: 'mama-pasar-2026', category: 'KULINER', products: 'Kue', kelurahanCode: OEBOBO, nib: '9120300000002' },
    });
    const [{ id }] = await w.t.sql(`select id from market_vendor where phone = ?`, [e164(phone)]);
    return { variables: { input: { vendorId: id, decision: 'APPROVE' } } };
  },
  'Mutation.updateMyBusiness': async () => ({ variables: { input: { products: "Se'i babi, se'i sapi" } } }),
  'Mutation.requestStall': async (w) => ({ variables: { input: { marketDayId: await comingDay(w, '2027-03-13'), idempotencyKey: fresh('stall') } } }),
  'Mutation.cancelBooking': async (w) => {
    const r = await w.vendor.ok<any>(REQUEST, { i: { marketDayId: await comingDay(w, '2027-03-14'), idempotencyKey: fresh('stall') } });
    return { variables: { input: { bookingId: r.requestStall.booking.id } } };
  },
  'Mutation.checkInBooking': async (w) => {
    const v = await vendorWithNib(w);
    const [day] = await w.t.sql(`select id from market_day where date = '2027-03-06'`);
    const dayId = day?.id ?? (await marketDayWith(w.t, '2027-03-06', []));
    const [stall] = await w.t.sql(`select id from market_stall s where not exists (select 1 from market_booking b where b.stall_id = s.id and b.market_day_id = ?) order by code limit 1`, [dayId]);
    const [{ id }] = await w.t.sql(
      `insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at) values (gen_random_uuid(), now(), now(), ?, ?, ?, 'CONFIRMED', now()) returning id`,
      [dayId, v.id, stall.id],
    );
    return { variables: { input: { bookingId: id, idempotencyKey: fresh('checkin') } } };
  },
  'Mutation.recordMentoringVisit': async (w) => ({ variables: { input: { vendorId: w.vendorId, topic: 'PACKAGING', visitDate: '2027-03-02', notes: 'Kemasan baru.', idempotencyKey: fresh('visit') } } }),
  'Mutation.createTraining': async () => ({
    variables: { input: { title: 'Pemasaran daring', topic: 'DIGITAL_SELLING', startsAt: '2027-04-03T01:00:00Z', endsAt: '2027-04-03T03:00:00Z', place: 'Aula', trainer: 'Ibu Merry', capacity: 5 } },
  }),
  'Mutation.cancelTraining': async (w) => {
    const trainingId = await createTraining(w.market, '2027-04-10T01:00:00Z', 5);
    await w.market.ok(ENROL, { i: { trainingId, vendorId: w.vendorId, idempotencyKey: fresh('enrol') } });
    return { variables: { input: { trainingId, reason: 'Pelatih sakit' } } };
  },
  'Mutation.enrolVendor': async (w) => ({ variables: { input: { trainingId: await createTraining(w.market, '2027-04-17T01:00:00Z', 5), vendorId: w.vendorId, idempotencyKey: fresh('enrol') } } }),
  'Mutation.cancelEnrolment': async (w) => {
    const r = await w.market.ok<any>(ENROL, { i: { trainingId: await createTraining(w.market, '2027-04-24T01:00:00Z', 5), vendorId: w.vendorId, idempotencyKey: fresh('enrol') } });
    return { variables: { input: { enrolmentId: r.enrolVendor.enrolment.id } } };
  },
  'Mutation.recordAttendance': async (w) => {
    const r = await w.market.ok<any>(ENROL, { i: { trainingId: await createTraining(w.market, '2027-03-06T04:00:00Z', 5), vendorId: w.vendorId, idempotencyKey: fresh('enrol') } });
    return { variables: { input: { enrolmentId: r.enrolVendor.enrolment.id, present: true } } };
  },
  'Mutation.joinTraining': async (w) => ({ variables: { input: { trainingId: await createTraining(w.market, '2027-05-01T01:00:00Z', 5), idempotencyKey: fresh('join') } } }),
  'Mutation.leaveTraining': async (w) => {
    const r = await w.vendor.ok<any>(JOIN, { i: { trainingId: await createTraining(w.market, '2027-05-08T01:00:00Z', 5), idempotencyKey: fresh('join') } });
    return { variables: { input: { enrolmentId: r.joinTraining.enrolment.id } } };
  },
  'Mutation.recordTurnover': async (w) => {
    const { vendorId, dayId } = await checkedIn(w);
    return { variables: { input: { idempotencyKey: fresh('omzet'), vendorId, marketDayId: dayId, amount: 400_000 } } };
  },
  'Mutation.recordTurnoverDay': async (w) => {
    const { vendorId, dayId } = await checkedIn(w);
    return { variables: { input: { marketDayId: dayId, rows: [{ vendorId, amount: 300_000, idempotencyKey: fresh('omzet') }] } } };
  },
  'Mutation.correctTurnover': async (w) => ({ variables: { input: { reportId: await vendorReport(w), amount: 520_000, reason: 'Salah ketik', idempotencyKey: fresh('koreksi') } } }),
  'Mutation.confirmTurnover': async (w) => ({ variables: { input: { reportId: await vendorReport(w) } } }),
  'Mutation.disputeTurnover': async (w) => ({ variables: { input: { reportId: await vendorReport(w), comment: 'Kurang' } } }),
  'Mutation.resolveTurnoverDispute': async (w) => {
    const reportId = await vendorReport(w);
    await w.vendor.ok(DISPUTE, { i: { reportId, comment: 'Kurang' } });
    return { variables: { input: { reportId, note: 'Sudah dicek' } } };
  },
};

/** An approved vendor with every personal field filled in (a NIB too). */
async function vendorWithNib(w: World): Promise<{ id: string }> {
  const [v] = await approvedVendors(w.t, w.market, 9200 + ++n, 1);
  await w.t.sql(`update market_vendor set nib = '9120300000003' where id = ?`, [v.id]);
  return v;
}

async function userOf(w: World, role = 'MARKET_STAFF'): Promise<{ id: string; email: string }> {
  const r = await w.admin.ok<any>(`mutation($i: CreateUserInput!) { createUser(input: $i) { user { id email } userErrors { code } } }`, {
    i: { fullName: 'Akun Sementara', email: `${fresh('akun')}@kupang.demo`, phone: `0812${String(20000000 + ++n).slice(-8)}`, password: 'rahasia-baru-2027', role },
  });
  return r.createUser.user;
}

async function signedInAs(w: World, login: string, password: string) {
  const client = w.t.client();
  await client.signIn(login, password);
  return client;
}

/** A market day of the coming weekend, open for requests at the test's clock. */
async function comingDay(w: World, date: string): Promise<string> {
  const [day] = await w.t.sql(`select id from market_day where date = ?`, [date]);
  if (day) return day.id;
  return (await w.market.ok<any>(ADD_DAY, { i: { date } })).addMarketDay.marketDay.id;
}

