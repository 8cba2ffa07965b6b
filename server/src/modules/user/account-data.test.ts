import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlClient } from '../../../test/graphql-client';
import { CANCEL, DECIDE, PASSWORD, REGISTER, REQUEST, ADD_DAY } from '../../../test/market.fixtures';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { ATTEND, createTraining, ENROL, JOIN, LEAVE } from '../../../test/training.fixtures';
import { DISPUTE, marketDayWith, RECORD } from '../../../test/turnover.fixtures';
import { cityClock } from '../../platform/wita-clock';

const EXPORT = `mutation { exportMyData { export { fileName json csv } userErrors { code message } } }`;
const ERASE = `mutation($i: EraseMyDataInput!) { eraseMyData(input: $i) { erased userErrors { code field message } } }`;
const CLOCK = '2027-03-06T02:00:00Z'; // Saturday 6 March 2027, 10.00 WITA

/** What the vendor of these tests typed or was given: none of it may remain anywhere after her erasure. */
const HER = {
  businessName: 'Warung Hapus Data Oesapa',
  ownerName: 'Mama Erasa Nubatonis',
  phone: '081377770101',
  e164: '+6281377770101',
  nib: '9120377770101',
  products: 'Kue rambut khas Erasa',
  dispute: 'Saya menjual lebih, Erasa',
  notes: 'Catatan pendampingan untuk Erasa',
  staffNotes: 'Catatan internal tentang Erasa',
  followUp: 'Erasa membuat buku kas',
};

describe('an account holder’s own data: export for everyone, erasure for a vendor (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let market: GraphqlClient;
  let vendor: GraphqlClient;
  let vendorId: string;
  let userId: string;
  let trainingId: string;
  let comingTraining: string;
  let booking: string;
  let enrolment: string;
  let vendorCode: string;

  beforeAll(async () => {
    t = await startTestApp();
    cityClock.setNow(new Date(CLOCK));
    market = await t.as('pasar@kupang.demo');
    const r = await t.client().ok<any>(REGISTER, {
      i: { businessName: HER.businessName, ownerName: HER.ownerName, phone: HER.phone, password: PASSWORD, category: 'KULINER', products: HER.products, kelurahanCode: '53.71.05.1006', nib: HER.nib, publicConsent: true },
    });
    expect(r.registerVendor.received).toBe(true);
    [{ id: vendorId, code: vendorCode }] = await t.sql(`select id, code from market_vendor where phone = ?`, [HER.e164]);
    await market.ok(DECIDE, { i: { vendorId, decision: 'APPROVE' } });
    [{ id: userId }] = await t.sql(`select user_id as id from market_vendor where id = ?`, [vendorId]);
    vendor = t.client();
    await vendor.signIn(HER.phone, PASSWORD);
    await vendor.ok(`mutation { updateMyBusiness(input: { publicConsent: false }) { userErrors { code } } }`);
    // Her history: two market days sold (with another vendor), a figure she disputed, a training attended, a mentoring visit.
    const [other] = await t.sql(`select id from market_vendor where status = 'APPROVED' and id <> ? order by code limit 1`, [vendorId]);
    for (const [date, amount] of [['2024-05-04', 850_000], ['2024-05-11', 910_000]] as const) {
      const day = await marketDayWith(t, date, [{ id: vendorId }, { id: other.id }]);
      const rec = await market.ok<any>(RECORD, { i: { idempotencyKey: `hapus-${date}`, vendorId, marketDayId: day, amount } });
      await market.ok(RECORD, { i: { idempotencyKey: `hapus-lain-${date}`, vendorId: other.id, marketDayId: day, amount: 400_000 } });
      if (date === '2024-05-11') await vendor.ok(DISPUTE, { i: { reportId: rec.recordTurnover.report.id, comment: HER.dispute } });
    }
    trainingId = await createTraining(market, '2027-03-06T03:00:00Z', 10);
    const enrolled = await market.ok<any>(ENROL, { i: { trainingId, vendorId, idempotencyKey: 'hapus-latih' } });
    await market.ok(ATTEND, { i: { enrolmentId: enrolled.enrolVendor.enrolment.id, present: true } });
    await market.ok(`mutation($i: RecordMentoringVisitInput!) { recordMentoringVisit(input: $i) { userErrors { code } } }`, {
      i: { vendorId, topic: 'BOOKKEEPING', visitDate: '2027-03-01', notes: HER.notes, staffNotes: HER.staffNotes, followUps: [HER.followUp], idempotencyKey: 'hapus-kunjungan' },
    });
    // Still taking part: a stall requested for next Saturday and a training to come.
    const day = (await market.ok<any>(ADD_DAY, { i: { date: '2027-03-13' } })).addMarketDay.marketDay.id;
    booking = (await vendor.ok<any>(REQUEST, { i: { marketDayId: day, idempotencyKey: 'hapus-lapak' } })).requestStall.booking.id;
    comingTraining = await createTraining(market, '2027-03-20T01:00:00Z', 10);
    enrolment = (await vendor.ok<any>(JOIN, { i: { trainingId: comingTraining, idempotencyKey: 'hapus-ikut' } })).joinTraining.enrolment.id;
  }, 120_000);
  afterAll(async () => {
    cityClock.setNow(undefined);
    await t?.close();
  });

  it('gives a staff member a copy of her account, sessions and activity, as JSON and CSV, and audits it', async () => {
    const staff = await t.as('program@kupang.demo');
    const r = (await staff.ok<any>(EXPORT)).exportMyData;
    expect(r.userErrors).toEqual([]);
    const doc = JSON.parse(r.export.json);
    expect(Object.keys(doc)).toEqual(['exportedAt', 'account', 'sessions', 'activity']);
    expect(doc.account).toEqual([expect.objectContaining({ fullName: 'Maria Ndolu', email: 'program@kupang.demo', role: 'PROGRAM_STAFF' })]);
    expect(doc.sessions.length).toBeGreaterThanOrEqual(1);
    expect(doc.activity).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'auth.sign_in' })]));
    expect(r.export.csv.split('\r\n')).toEqual(expect.arrayContaining(['bagian,nomor,kolom,nilai', 'akun,1,email,program@kupang.demo']));
    expect(r.export.fileName).toMatch(/^data-saya-\d{4}-\d{2}-\d{2}$/);
    const [entry] = await t.sql(`select actor_role, after from audit_entry where action = 'account.export' order by id desc limit 1`);
    expect(entry).toMatchObject({ actor_role: 'PROGRAM_STAFF', after: { sections: { account: 1, activity: expect.any(Number) } } });
  });

  it('gives a vendor her business, bookings, consents, turnover, trainings and mentoring with her account', async () => {
    const r = (await vendor.ok<any>(EXPORT)).exportMyData;
    const doc = JSON.parse(r.export.json);
    expect(Object.keys(doc)).toEqual(['exportedAt', 'account', 'sessions', 'activity', 'business', 'bookings', 'consents', 'turnover', 'trainings', 'mentoring']);
    expect(doc.business).toEqual([expect.objectContaining({ code: vendorCode, businessName: HER.businessName, ownerName: HER.ownerName, phone: HER.e164, nib: HER.nib, publicConsent: false })]);
    expect(doc.bookings.map((b: any) => [b.date, b.status])).toEqual([['2024-05-04', 'CHECKED_IN'], ['2024-05-11', 'CHECKED_IN'], ['2027-03-13', 'REQUESTED']]);
    expect(doc.consents.map((c: any) => [c.given, c.current])).toEqual([[false, true], [false, false]]);
    expect(doc.turnover.map((x: any) => [x.date, x.amount, x.status])).toEqual([['2024-05-04', '850000', 'RECORDED'], ['2024-05-11', '910000', 'DISPUTED']]);
    expect(doc.turnover[1].disputeComment).toBe(HER.dispute);
    expect(doc.trainings.map((x: any) => [x.status, x.attended, !!x.certificateNumber])).toEqual([['ENROLLED', true, true], ['ENROLLED', null, false]]);
    expect(doc.mentoring).toEqual([expect.objectContaining({ visitDate: '2027-03-01', notes: HER.notes, followUps: [expect.objectContaining({ description: HER.followUp })] })]);
    // Staff's internal notes are the office's working notes, as on her mentoring page.
    expect(r.export.json).not.toContain(HER.staffNotes);
    expect(r.export.csv).toContain(`usaha,1,ownerName,${HER.ownerName}`);
  });

  it('refuses an erasure that is not confirmed, has a wrong password, or comes from staff, and changes nothing', async () => {
    const staff = await t.as('admin@kupang.demo');
    const others = await Promise.all(['program@kupang.demo', 'mitra@kupang.demo'].map((login) => t.as(login)));
    const before = await t.fingerprint();
    expect((await vendor.ok<any>(ERASE, { i: { password: PASSWORD, confirm: false } })).eraseMyData.userErrors[0]).toMatchObject({ code: 'ERASURE_NOT_CONFIRMED', field: ['input', 'confirm'] });
    expect((await vendor.ok<any>(ERASE, { i: { password: 'bukan-sandinya', confirm: true } })).eraseMyData.userErrors[0]).toMatchObject({ code: 'ERASURE_WRONG_PASSWORD', field: ['input', 'password'] });
    expect((await staff.ok<any>(ERASE, { i: { password: 'kupang2026', confirm: true } })).eraseMyData).toMatchObject({ erased: false, userErrors: [{ code: 'ERASURE_ONLY_VENDORS' }] });
    for (const other of others) expect((await other.request(ERASE, { i: { password: 'kupang2026', confirm: true } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await t.fingerprint()).toEqual(before);
  });

  it('waits while she is booked for a market day or signed up for a training to come, and says which', async () => {
    const before = await t.fingerprint();
    const r = (await vendor.ok<any>(ERASE, { i: { password: PASSWORD, confirm: true } })).eraseMyData;
    expect(r.erased).toBe(false);
    expect(r.userErrors.map((e: any) => e.code)).toEqual(['VENDOR_ERASURE_BOOKED', 'VENDOR_ERASURE_ENROLLED']);
    expect(r.userErrors[0].message).toContain('Sabtu, 13 Maret 2027');
    expect(r.userErrors[1].message).toContain('Sabtu, 20 Maret 2027');
    expect(await t.fingerprint()).toEqual(before);
  });

  it('erases her personal data everywhere in one step; figures, published totals and the trail stay; she can no longer sign in', async () => {
    await vendor.ok(CANCEL, { i: { bookingId: booking } });
    await vendor.ok(LEAVE, { i: { enrolmentId: enrolment } });
    const partner = await t.as('mitra@kupang.demo');
    const figures = async () => ({
      staff: (await market.ok<any>(`{ saboakKoepanImpact(year: 2024) { vendorsServedInYear { value } months { stallDays { value } vendorsServed { value } turnover } stallDaysByCategory { total { value } } stallDaysByKelurahan { rows { key value { value suppressed } } } } }`)).saboakKoepanImpact,
      partner: (await partner.ok<any>(`{ saboakKoepanImpact(year: 2024) { vendorsServedInYear { value suppressed } months { stallDays { value suppressed } turnover } } }`)).saboakKoepanImpact,
      totals: await Promise.all(['NONE', 'CATEGORY', 'KELURAHAN', 'VENDOR'].map(async (g) =>
        (await market.ok<any>(`query($g: TurnoverGroupBy) { turnoverTotals(period: MONTH, groupBy: $g, from: "2024-05-01", to: "2024-05-31") { total rows { groupKey amount vendors marketDays } } }`, { g })).turnoverTotals)),
      outcome: (await market.ok<any>(`query($ids: [ID!]!) { trainingOutcome(trainingIds: $ids, days: 366) { attendees attended { before { total vendors } } } }`, { ids: [trainingId] })).trainingOutcome,
      rows: await t.sql(`select (select count(*) from market_booking where vendor_id = ?)::int as bookings, (select count(*) from turnover_report where vendor_id = ?)::int as reports,
                                (select count(*) from training_enrolment where vendor_id = ? and attended)::int as attended`, [vendorId, vendorId, vendorId]),
    });
    const kept = await figures();
    const leftovers = async () => {
      const tables = await t.sql<{ s: string; t: string }>(`select table_schema as s, table_name as t from information_schema.tables where table_schema in ('public', 'impact') and table_type = 'BASE TABLE'`);
      const found: string[] = [];
      for (const { s, t: table } of tables) {
        const [{ text }] = await t.sql(`select coalesce(string_agg(x::text, '|'), '') as text from "${s}"."${table}" x`);
        for (const value of Object.values(HER)) if ((text as string).includes(value)) found.push(`${table}: ${value}`);
      }
      return found;
    };
    expect((await leftovers()).length).toBeGreaterThan(8); // the scan sees them before

    const r = await vendor.request<any>(ERASE, { i: { password: PASSWORD, confirm: true } });
    expect(r.data!.eraseMyData).toEqual({ erased: true, userErrors: [] });
    expect(r.headers.getSetCookie().some((c) => c.startsWith('kp_session=;') && /max-age=0/i.test(c))).toBe(true);

    expect(await leftovers()).toEqual([]);
    expect(await figures()).toEqual(kept);
    const [row] = await t.sql(`select code, business_name, owner_name, phone, nib, products, category, kelurahan_code, status, public_consent, erased_at is not null as erased from market_vendor where id = ?`, [vendorId]);
    expect(row).toEqual({ code: vendorCode, business_name: '—', owner_name: '—', phone: null, nib: null, products: '—', category: 'KULINER', kelurahan_code: '53.71.05.1006', status: 'APPROVED', public_consent: false, erased: true });
    const [account] = await t.sql(`select full_name, email, phone, active, erased_at is not null as erased, (select count(*)::int from session where user_id = u.id) as sessions from app_user u where id = ?`, [userId]);
    expect(account).toEqual({ full_name: '—', email: null, phone: null, active: false, erased: true, sessions: 0 });

    // She can no longer sign in, and her old cookie is worthless.
    const again = await t.client().ok<any>(`mutation($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }`, { i: { login: HER.phone, password: PASSWORD } });
    expect(again.signIn.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    const stale = t.client();
    stale.setCookie('kp_session', vendor.cookie('kp_session') ?? 'gone');
    expect((await stale.request('{ me { id } }')).errors?.[0].extensions?.code).toMatch(/UNAUTHENTICATED|SESSION_EXPIRED/);

    // The trail keeps who did what and when, without her values; the erasure itself is in it.
    const trail = await t.sql(
      `select action, before, after from audit_entry where (entity_type = 'Vendor' and entity_id = ?) or (entity_type = 'User' and entity_id = ?) order by id`,
      [vendorId, userId],
    );
    expect(trail.map((a: any) => a.action)).toEqual(expect.arrayContaining(['market.vendor.register', 'market.vendor.approve', 'market.vendor.update_own', 'account.erase']));
    expect(trail.find((a: any) => a.action === 'market.vendor.register')!.after).toEqual({ category: 'KULINER', erased: true });
    expect(trail.at(-1)).toMatchObject({ action: 'account.erase', after: { role: 'VENDOR', kept: expect.arrayContaining(['turnover', 'auditTrail']) } });
    // Her certificate still checks, without a name.
    const [{ certificate_code: code }] = await t.sql(`select certificate_code from training_enrolment where vendor_id = ? and attended`, [vendorId]);
    expect((await t.client().ok<any>(`query($c: String!) { verifyCertificate(code: $c) { valid businessName } }`, { c: code })).verifyCertificate).toEqual({ valid: true, businessName: null });
  });

  it('writes nothing more for an erased vendor: staff are told, the database refuses, and her number is free again', async () => {
    expect((await market.ok<any>(DECIDE, { i: { vendorId, decision: 'SUSPEND', reason: 'Uji' } })).decideVendor.userErrors[0].code).toBe('VENDOR_ERASED');
    expect((await market.ok<any>(ENROL, { i: { trainingId: comingTraining, vendorId, idempotencyKey: 'hapus-lagi' } })).enrolVendor.userErrors[0].code).toBe('VENDOR_ERASED');
    const visit = await market.ok<any>(`mutation($i: RecordMentoringVisitInput!) { recordMentoringVisit(input: $i) { userErrors { code } } }`, {
      i: { vendorId, topic: 'OTHER', visitDate: '2027-03-02', idempotencyKey: 'hapus-kunjungan-2' },
    });
    expect(visit.recordMentoringVisit.userErrors[0].code).toBe('VENDOR_ERASED');
    await expect(t.sql(`update market_vendor set owner_name = 'Kembali' where id = ?`, [vendorId])).rejects.toThrow(/erased/);
    const [day] = await t.sql(`select id from market_day where date = '2027-03-13'`);
    await expect(t.sql(`insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, status, requested_at) values (gen_random_uuid(), now(), now(), ?, ?, 'REQUESTED', now())`, [day.id, vendorId])).rejects.toThrow(/erased/);
    const fresh = await t.client().ok<any>(REGISTER, {
      i: { businessName: 'Usaha Baru', ownerName: 'Mama Baru', phone: HER.phone, password: PASSWORD, category: 'KULINER', products: 'Kue', kelurahanCode: '53.71.05.1006' },
    });
    expect(fresh.registerVendor.userErrors).toEqual([]);
  });
});
