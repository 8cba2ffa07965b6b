import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import type { GraphqlClient } from '../../../test/graphql-client';
import { approvedVendors, signedIn } from '../../../test/market.fixtures';
import { ATTEND, CANCEL_ENROLMENT, CREATE_TRAINING, createTraining, ENROL, JOIN, LEAVE } from '../../../test/training.fixtures';
import { cityClock } from '../../platform/wita-clock';

const at = (iso: string) => cityClock.setNow(new Date(iso));
const DETAIL = `query($id: ID!) { training(id: $id) { title seats { enrolled waitlisted left attended }
  enrolments(first: 100) { totalCount nodes { id status waitlistPosition attended certificateNumber vendor { businessName } } } } }`;

describe('trainings: capacity, waitlist, attendance and certificates (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let staff: GraphqlClient;
  let vendors: { id: string; phone: string }[];
  let mamas: GraphqlClient[];
  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('pasar@kupang.demo');
    vendors = await approvedVendors(t, staff, 700, 5);
    mamas = await Promise.all(vendors.map((v) => signedIn(t, v.phone)));
  });
  afterEach(() => cityClock.setNow(undefined));
  afterAll(() => t?.close());

  it.each([
    [{ title: '  ' }, 'REQUIRED', 'title'],
    [{ capacity: 0 }, 'TRAINING_CAPACITY_INVALID', 'capacity'],
    [{ endsAt: '2027-06-01T01:00:00Z' }, 'TRAINING_TIME_INVALID', 'endsAt'],
    [{ partnerId: '00000000-0000-4000-8000-000000000000' }, 'TRAINING_PARTNER_NOT_FOUND', 'partnerId'],
  ])('refuses %j with %s and changes nothing', async (patch, code, field) => {
    const before = await t.fingerprint();
    const r = await staff.ok<any>(CREATE_TRAINING, {
      i: { title: 'Kemasan produk', topic: 'PACKAGING', startsAt: '2027-06-01T01:00:00Z', endsAt: '2027-06-01T04:00:00Z', place: 'Tamnos', trainer: 'Pak Roby', capacity: 20, ...patch },
    });
    expect(r.createTraining.training).toBeNull();
    expect(r.createTraining.userErrors).toContainEqual(expect.objectContaining({ code, field: ['input', field] }));
    expect(await t.fingerprint()).toEqual(before);
  });

  it('creates a training once per idempotency key, with its sponsoring partner', async () => {
    const [{ id: partnerId }] = await t.sql(`select id from partner order by name limit 1`);
    const i = { title: 'Jualan online lewat WhatsApp', topic: 'DIGITAL_SELLING', startsAt: '2027-06-05T01:00:00Z', endsAt: '2027-06-05T05:00:00Z', place: 'Tamnos', trainer: 'Kak Ferdy', capacity: 30, partnerId, idempotencyKey: 'training-digital-1' };
    const [a, b] = await Promise.all([staff.ok<any>(CREATE_TRAINING, { i }), staff.ok<any>(CREATE_TRAINING, { i })]);
    expect(a.createTraining.training.id).toBe(b.createTraining.training.id);
    expect(a.createTraining.training.sponsor.name).toBeTruthy();
    expect(await t.sql(`select count(*)::int as n from training where title = 'Jualan online lewat WhatsApp'`)).toEqual([{ n: 1 }]);
  });

  it('seats two, waitlists the rest in order, and a cancellation promotes the first waitlisted', async () => {
    at('2027-05-01T00:00:00Z');
    const id = await createTraining(staff, '2027-05-10T01:00:00Z', 2);
    const r0 = await mamas[0].ok<any>(JOIN, { i: { trainingId: id, idempotencyKey: 'join-0-a' } });
    const replay = await mamas[0].ok<any>(JOIN, { i: { trainingId: id, idempotencyKey: 'join-0-a' } });
    expect(replay.joinTraining.enrolment.id).toBe(r0.joinTraining.enrolment.id);
    const again = await mamas[0].ok<any>(JOIN, { i: { trainingId: id, idempotencyKey: 'join-0-b' } });
    expect(again.joinTraining.userErrors[0]).toMatchObject({ code: 'TRAINING_ALREADY_ENROLLED', message: expect.stringContaining('sudah terdaftar') });
    await mamas[1].ok(JOIN, { i: { trainingId: id } });
    const w1 = await mamas[2].ok<any>(JOIN, { i: { trainingId: id } });
    const w2 = (await staff.ok<any>(ENROL, { i: { trainingId: id, vendorId: vendors[3].id, idempotencyKey: 'enrol-3-x' } })).enrolVendor.enrolment;
    expect(w1.joinTraining.enrolment).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1, selfEnrolled: true });
    expect(w2).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2, selfEnrolled: false });

    const left = await mamas[0].ok<any>(LEAVE, { i: { enrolmentId: r0.joinTraining.enrolment.id } });
    expect(left.leaveTraining.enrolment.status).toBe('CANCELLED');
    const d = await staff.ok<any>(DETAIL, { id });
    expect(d.training.seats).toEqual({ enrolled: 2, waitlisted: 1, left: 0, attended: 0 });
    expect(d.training.enrolments.nodes.map((e: any) => [e.vendor.businessName, e.status, e.waitlistPosition])).toEqual([
      ['Usaha Mama 701', 'ENROLLED', null],
      ['Usaha Mama 702', 'ENROLLED', null],
      ['Usaha Mama 703', 'WAITLISTED', 1],
    ]);
    // Another vendor cannot cancel her enrolment; staff can, and the waitlist empties into the seat.
    const foreign = await mamas[4].ok<any>(LEAVE, { i: { enrolmentId: w1.joinTraining.enrolment.id } });
    expect(foreign.leaveTraining.userErrors[0].code).toBe('TRAINING_ENROLMENT_NOT_FOUND');
    await staff.ok(CANCEL_ENROLMENT, { i: { enrolmentId: w1.joinTraining.enrolment.id } });
    const after = await staff.ok<any>(DETAIL, { id });
    expect(after.training.seats).toEqual({ enrolled: 2, waitlisted: 0, left: 0, attended: 0 });

    at('2027-05-10T02:00:00Z');
    const late = await mamas[4].ok<any>(JOIN, { i: { trainingId: id } });
    expect(late.joinTraining.userErrors[0].code).toBe('TRAINING_ALREADY_STARTED');
  });

  it('the database itself refuses a seat beyond the capacity', async () => {
    const id = await createTraining(staff, '2027-07-01T01:00:00Z', 1);
    await staff.ok(ENROL, { i: { trainingId: id, vendorId: vendors[0].id } });
    const waiting = (await staff.ok<any>(ENROL, { i: { trainingId: id, vendorId: vendors[1].id } })).enrolVendor.enrolment;
    await expect(t.sql(`update training_enrolment set status = 'ENROLLED', waitlist_position = null where id = ?`, [waiting.id])).rejects.toThrow(/full/);
  });

  it('records attendance from the day (WITA) only, idempotently, and issues one certificate number per attendee', async () => {
    at('2027-08-01T00:00:00Z');
    const id = await createTraining(staff, '2027-08-14T01:00:00Z', 3);
    const ids: string[] = [];
    for (const m of mamas.slice(0, 3)) ids.push((await m.ok<any>(JOIN, { i: { trainingId: id } })).joinTraining.enrolment.id);
    at('2027-08-13T15:00:00Z'); // 23.00 WITA the day before
    const early = await staff.ok<any>(ATTEND, { i: { enrolmentId: ids[0], present: true } });
    expect(early.recordAttendance.userErrors[0]).toMatchObject({ code: 'TRAINING_ATTENDANCE_TOO_EARLY', message: expect.stringContaining('2027-08-14') });
    at('2027-08-13T16:30:00Z'); // 00.30 WITA on the day
    const [a, b] = await Promise.all([
      staff.ok<any>(ATTEND, { i: { enrolmentId: ids[0], present: true, idempotencyKey: 'att-0-present' } }),
      staff.ok<any>(ATTEND, { i: { enrolmentId: ids[0], present: true, idempotencyKey: 'att-0-present' } }),
    ]);
    expect(a.recordAttendance.enrolment.certificateNumber).toMatch(/^SERT-2027-\d{6}$/);
    expect(b.recordAttendance.enrolment.certificateNumber).toBe(a.recordAttendance.enrolment.certificateNumber);
    const twice = await staff.ok<any>(ATTEND, { i: { enrolmentId: ids[0], present: true } });
    expect(twice.recordAttendance.enrolment.certificateNumber).toBe(a.recordAttendance.enrolment.certificateNumber);
    await staff.ok(ATTEND, { i: { enrolmentId: ids[1], present: true } });
    const absent = await staff.ok<any>(ATTEND, { i: { enrolmentId: ids[2], present: false } });
    expect(absent.recordAttendance.enrolment).toMatchObject({ attended: false, certificateNumber: null });
    expect(await t.sql(`select count(*)::int as n from audit_entry where action = 'training.attendance' and entity_id = ?`, [ids[0]])).toEqual([{ n: 1 }]);

    const mine = await mamas[0].ok<any>('{ myCertificates { number trainingTitle businessName } myTrainings(first: 10) { nodes { status attended certificateNumber training { id } } } }');
    expect(mine.myCertificates).toEqual([{ number: a.recordAttendance.enrolment.certificateNumber, trainingTitle: expect.stringContaining('Pembukuan'), businessName: 'Usaha Mama 700' }]);
    expect((await mamas[2].ok<any>('{ myCertificates { number } }')).myCertificates).toEqual([]);

    // Public check, by the verification code only: Mama 700 agreed to be shown (even numbers do), Mama 701 did not.
    const V = 'query($c: String!) { verifyCertificate(code: $c) { code valid businessName trainingTitle date } }';
    const [own] = await t.sql(`select certificate_code as code from training_enrolment where id = ?`, [ids[0]]);
    expect(own.code).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    const printed = `${own.code.slice(0, 4)}-${own.code.slice(4, 8)}-${own.code.slice(8)}`.toLowerCase();
    const shown = await t.client().ok<any>(V, { c: printed });
    expect(shown.verifyCertificate).toEqual({ code: own.code, valid: true, businessName: 'Usaha Mama 700', trainingTitle: expect.stringContaining('Pembukuan'), date: '2027-08-14' });
    const [{ certificate_code: hidden }] = await t.sql(`select certificate_code from training_enrolment where id = ?`, [ids[1]]);
    expect((await t.client().ok<any>(V, { c: hidden })).verifyCertificate).toMatchObject({ valid: true, businessName: null });
    expect((await t.client().request(`{ verifyCertificate(code: "x") { ownerName } }`)).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('the public check cannot be walked: sequential numbers and wrong codes give one and the same empty answer, in as many statements as a right code', async () => {
    const V = 'query($c: String!) { verifyCertificate(code: $c) { code valid businessName trainingTitle date } }';
    const raw = async (c: string) => {
      const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: V, variables: { c } }) });
      return { status: res.status, body: await res.text(), statements: Number(res.headers.get('x-sql-statements')) };
    };
    const numbers = await t.sql<{ certificate_number: string; certificate_code: string }>(`select certificate_number, certificate_code from training_enrolment where certificate_number is not null order by certificate_number`);
    expect(numbers.length).toBeGreaterThan(1);
    const empty = { status: 200, body: '{"data":{"verifyCertificate":null}}\n' };
    // Every number issued, and the numbers around them, as an attacker would walk them.
    const [, year, last] = /^SERT-(\d{4})-(\d{6})$/.exec(numbers.at(-1)!.certificate_number)!;
    const walk = [...numbers.map((n) => n.certificate_number), ...Array.from({ length: Number(last) + 5 }, (_, i) => `SERT-${year}-${String(i + 1).padStart(6, '0')}`)];
    for (const n of walk) expect(await raw(n)).toMatchObject(empty);
    // A well-formed wrong code: the same answer, and the same single lookup as a right one.
    const right = await raw(numbers[0].certificate_code);
    expect(JSON.parse(right.body).data.verifyCertificate).not.toBeNull();
    for (const wrong of ['ABCDEFGHJKLM', numbers[0].certificate_code.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'))]) {
      expect(await raw(wrong)).toEqual({ ...empty, statements: right.statements });
    }
    // Codes are drawn at random: no two alike, nothing in common with the numbers' order.
    expect(new Set(numbers.map((n) => n.certificate_code)).size).toBe(numbers.length);
    const sorted = [...numbers].sort((a, b) => a.certificate_code.localeCompare(b.certificate_code));
    expect(numbers.length < 4 || sorted.some((n, i) => n !== numbers[i])).toBe(true);
  });

  it('a training with its enrolments, and the list, cost the same number of SQL statements however many participants', async () => {
    const small = await createTraining(staff, '2027-09-01T01:00:00Z', 10);
    const big = await createTraining(staff, '2027-09-02T01:00:00Z', 3);
    await staff.ok(ENROL, { i: { trainingId: small, vendorId: vendors[0].id } });
    for (const v of vendors) await staff.ok(ENROL, { i: { trainingId: big, vendorId: v.id } });
    const s = await staff.ok<any>(DETAIL, { id: small });
    const b = await staff.ok<any>(DETAIL, { id: big });
    expect(b.training.enrolments.totalCount).toBe(5);
    expect(b.sqlStatements).toBe(s.sqlStatements);
    expect(b.sqlStatements).toBeLessThanOrEqual(6);
    const LIST = '{ trainings(first: 20) { totalCount nodes { title seats { enrolled } sponsor { name } enrolments(first: 20) { nodes { vendor { businessName } } } } } }';
    const list1 = await staff.ok<any>(LIST);
    await createTraining(staff, '2027-09-03T01:00:00Z', 3);
    const list2 = await staff.ok<any>(LIST);
    expect(list2.trainings.totalCount).toBe(list1.trainings.totalCount + 1);
    expect(list2.sqlStatements).toBe(list1.sqlStatements);
  });

  it('a vendor sees open trainings with her own enrolment, never the participant list', async () => {
    at('2027-08-30T00:00:00Z');
    const r = await mamas[0].ok<any>('{ openTrainings(first: 20) { nodes { id title seats { left } myEnrolment { status } } } }');
    expect(r.openTrainings.nodes.length).toBeGreaterThan(0);
    expect(r.openTrainings.nodes.some((x: any) => x.myEnrolment?.status === 'ENROLLED')).toBe(true);
    const denied = await mamas[0].request('{ openTrainings(first: 5) { nodes { enrolments(first: 5) { totalCount } } } }');
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const partner = await t.as('mitra@kupang.demo');
    expect((await partner.request('{ openTrainings(first: 5) { totalCount } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
