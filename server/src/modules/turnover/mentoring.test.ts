import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import type { GraphqlClient } from '../../../test/graphql-client';
import { approvedVendors, signedIn } from '../../../test/market.fixtures';
import { cityClock } from '../../platform/wita-clock';

const RECORD = `mutation($i: RecordMentoringVisitInput!) { recordMentoringVisit(input: $i) { visit { id visitDate topic notes staffNotes mentorName followUps { id position description done doneOn } } userErrors { code field message } } }`;
const DONE = `mutation($i: SetFollowUpDoneInput!) { setFollowUpDone(input: $i) { followUp { id done doneOn } userErrors { code field message } } }`;
const LIST = `query($v: ID!) { mentoringVisits(vendorId: $v, first: 20) { totalCount nodes { visitDate notes staffNotes mentorName vendor { businessName } followUps { description done doneOn } } } }`;

describe('mentoring visits (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let staff: GraphqlClient;
  let vendors: { id: string; phone: string }[];
  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('pasar@kupang.demo');
    vendors = await approvedVendors(t, staff, 800, 2);
    cityClock.setNow(new Date('2027-03-10T02:00:00Z'));
  });
  afterEach(() => cityClock.setNow(new Date('2027-03-10T02:00:00Z')));
  afterAll(async () => {
    cityClock.setNow(undefined);
    await t?.close();
  });

  it.each([
    [{ visitDate: '2027-03-11' }, 'MENTORING_DATE_IN_FUTURE', 'visitDate'],
    [{ vendorId: '00000000-0000-4000-8000-000000000000' }, 'MENTORING_VENDOR_NOT_FOUND', 'vendorId'],
    [{ followUps: ['Catat penjualan harian', '  '] }, 'MENTORING_FOLLOW_UP_EMPTY', 'followUps'],
    [{ followUps: Array.from({ length: 21 }, (_, i) => `Langkah ${i}`) }, 'MENTORING_TOO_MANY_FOLLOW_UPS', 'followUps'],
  ])('refuses %j with %s and changes nothing', async (patch, code, field) => {
    const before = await t.fingerprint();
    const r = await staff.ok<any>(RECORD, { i: { vendorId: vendors[0].id, visitDate: '2027-03-09', topic: 'BOOKKEEPING', ...patch } });
    expect(r.recordMentoringVisit.userErrors).toContainEqual(expect.objectContaining({ code, field: ['input', field] }));
    expect(await t.fingerprint()).toEqual(before);
  });

  it('refuses a mentor who is not market staff', async () => {
    const [{ id }] = await t.sql(`select id from app_user where role = 'PARTNER' limit 1`);
    const r = await staff.ok<any>(RECORD, { i: { vendorId: vendors[0].id, visitDate: '2027-03-09', topic: 'BOOKKEEPING', mentorId: id } });
    expect(r.recordMentoringVisit.userErrors[0].code).toBe('MENTORING_MENTOR_NOT_STAFF');
  });

  it('records a visit once per key, with follow-ups in order; a follow-up is marked done with its date', async () => {
    // 23.30 UTC on 9 March is already 10 March in Kupang: a visit dated today (WITA) is not "in the future".
    cityClock.setNow(new Date('2027-03-09T23:30:00Z'));
    const i = {
      vendorId: vendors[0].id,
      visitDate: '2027-03-10',
      topic: 'PACKAGING',
      notes: 'Label kemasan sambal lu’at sudah bagus; tambahkan tanggal kedaluwarsa.',
      staffNotes: 'Masih ragu daftar PIRT karena biaya; dorong pelan-pelan.',
      followUps: ['Cetak label baru dengan tanggal kedaluwarsa', 'Daftar PIRT di Dinas Kesehatan'],
      idempotencyKey: 'visit-800-20270310',
    };
    const [a, b] = await Promise.all([staff.ok<any>(RECORD, { i }), staff.ok<any>(RECORD, { i })]);
    const visit = a.recordMentoringVisit.visit;
    expect(b.recordMentoringVisit.visit.id).toBe(visit.id);
    expect(visit).toMatchObject({ visitDate: '2027-03-10', mentorName: 'Agustina Lay', staffNotes: expect.stringContaining('PIRT') });
    expect(visit.followUps.map((f: any) => [f.position, f.done])).toEqual([[1, false], [2, false]]);
    expect(await t.sql(`select count(*)::int as n from mentoring_visit where vendor_id = ?`, [vendors[0].id])).toEqual([{ n: 1 }]);

    const early = await staff.ok<any>(DONE, { i: { followUpId: visit.followUps[0].id, done: true, doneOn: '2027-03-01' } });
    expect(early.setFollowUpDone.userErrors[0].code).toBe('MENTORING_DONE_DATE_INVALID');
    const done = await staff.ok<any>(DONE, { i: { followUpId: visit.followUps[0].id, done: true } });
    expect(done.setFollowUpDone.followUp).toMatchObject({ done: true, doneOn: '2027-03-10' });
    const again = await staff.ok<any>(DONE, { i: { followUpId: visit.followUps[0].id, done: true } });
    expect(again.setFollowUpDone.followUp.doneOn).toBe('2027-03-10');
    expect(await t.sql(`select count(*)::int as n from audit_entry where action = 'mentoring.follow_up.set_done'`)).toEqual([{ n: 1 }]);
  });

  it('the vendor reads her own visits and follow-ups but never the internal notes; another vendor and a partner see nothing', async () => {
    const mama = await signedIn(t, vendors[0].phone);
    const mine = await mama.ok<any>('{ myMentoringVisits(first: 10) { totalCount nodes { notes mentorName followUps { description done } } } }');
    expect(mine.myMentoringVisits.totalCount).toBe(1);
    expect(mine.myMentoringVisits.nodes[0].followUps[0]).toEqual({ description: 'Cetak label baru dengan tanggal kedaluwarsa', done: true });
    const hidden = await mama.request<any>('{ myMentoringVisits(first: 10) { nodes { staffNotes } } }');
    expect(hidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(hidden.data ?? {})).not.toContain('PIRT karena biaya');
    const forbidden = await mama.request(LIST, { v: vendors[0].id });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const other = await signedIn(t, vendors[1].phone);
    expect((await other.ok<any>('{ myMentoringVisits(first: 10) { totalCount } }')).myMentoringVisits.totalCount).toBe(0);
    const partner = await t.as('mitra@kupang.demo');
    for (const q of ['{ myMentoringVisits(first: 1) { totalCount } }', `{ mentoringVisits(vendorId: "${vendors[0].id}", first: 1) { totalCount } }`]) {
      expect((await partner.request(q)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('lists a vendor’s visits for staff in a constant number of SQL statements', async () => {
    const small = await staff.ok<any>(LIST, { v: vendors[0].id });
    for (let d = 1; d <= 4; d++) {
      await staff.ok(RECORD, { i: { vendorId: vendors[0].id, visitDate: `2027-02-0${d}`, topic: 'DIGITAL_SELLING', followUps: ['Buka akun WhatsApp Business', 'Foto produk'] } });
    }
    const big = await staff.ok<any>(LIST, { v: vendors[0].id });
    expect(big.mentoringVisits.totalCount).toBe(5);
    expect(big.mentoringVisits.nodes.map((n: any) => n.visitDate)).toEqual(['2027-03-10', '2027-02-04', '2027-02-03', '2027-02-02', '2027-02-01']);
    expect(big.sqlStatements).toBe(small.sqlStatements);
  });
});
