import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlClient } from '../../../test/graphql-client';
import { approvedVendors, bulkVendors, phoneOf, signedIn } from '../../../test/market.fixtures';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { CONFIRM, CORRECT, DISPUTE, marketDayWith, RECORD, RECORD_DAY, RESOLVE } from '../../../test/turnover.fixtures';

const key = (s: string) => `test-${s}-${Math.random().toString(36).slice(2, 10)}`;

describe('turnover reports: logging, retries, corrections, confirm/dispute/resolve (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let staff: GraphqlClient;
  let v: { id: string; phone: string }[];
  let day: string;
  const count = async (where = 'true', params: unknown[] = []) => (await t.sql(`select count(*)::int as n from turnover_report where ${where}`, params))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('pasar@kupang.demo');
    v = await approvedVendors(t, staff, 700, 6);
    // 7 March 2026: vendors 0–3 checked in, 4 held a stall but did not come, 5 only asked.
    day = await marketDayWith(t, '2024-03-07', [{ id: v[0].id }, { id: v[1].id }, { id: v[2].id }, { id: v[3].id }, { id: v[4].id, status: 'NO_SHOW' }, { id: v[5].id, status: 'REQUESTED' }]);
  });
  afterAll(() => t?.close());

  describe('only for a vendor checked in that day', () => {
    it.each([
      ['a no-show', 4],
      ['a vendor who only requested a stall', 5],
    ])('refuses %s with TURNOVER_NOT_CHECKED_IN and stores nothing', async (_, n) => {
      const before = await t.fingerprint();
      const r = await staff.ok<any>(RECORD, { i: { idempotencyKey: key('nc'), vendorId: v[n].id, marketDayId: day, amount: 500_000 } });
      expect(r.recordTurnover.report).toBeNull();
      expect(r.recordTurnover.userErrors[0]).toMatchObject({ code: 'TURNOVER_NOT_CHECKED_IN', field: ['input', 'vendorId'], message: expect.stringMatching(/^Omzet hanya bisa dicatat/) });
      expect(await t.fingerprint()).toEqual(before);
    });

    it('the database itself refuses a report without a CHECKED_IN booking, and a check-in with a report cannot be undone', async () => {
      const [noShow] = await t.sql(`select id from market_booking where vendor_id = ? and market_day_id = ?`, [v[4].id, day]);
      const insert = (bookingId: string, vendorId: string) =>
        t.sql(
          `insert into turnover_report (id, created_at, updated_at, booking_id, vendor_id, market_day_id, version, amount, status, recorded_at)
           values (gen_random_uuid(), now(), now(), ?, ?, ?, 1, 1000, 'RECORDED', now())`,
          [bookingId, vendorId, day],
        );
      await expect(insert(noShow.id, v[4].id)).rejects.toThrow(/turnover_report_checked_in|CHECKED_IN booking/);
      // A checked-in booking of another vendor does not do either.
      const [other] = await t.sql(`select id from market_booking where vendor_id = ? and market_day_id = ?`, [v[3].id, day]);
      await expect(insert(other.id, v[4].id)).rejects.toThrow(/CHECKED_IN booking/);

      const r = await staff.ok<any>(RECORD, { i: { idempotencyKey: key('ok'), vendorId: v[3].id, marketDayId: day, amount: 750_000, transactions: 41 } });
      expect(r.recordTurnover.report).toMatchObject({ version: 1, amount: 750_000, transactions: 41, status: 'RECORDED', current: true });
      await expect(t.sql(`update market_booking set status = 'NO_SHOW', checked_in_at = null where id = ?`, [other.id])).rejects.toThrow(/cannot be undone/);
    });
  });

  describe('retries and duplicates', () => {
    it('a retry with the same idempotency key (also at the same moment) returns the first report and stores one', async () => {
      const input = { idempotencyKey: key('retry'), vendorId: v[0].id, marketDayId: day, amount: 1_200_000, transactions: 64 };
      const [a, b] = await Promise.all([staff.ok<any>(RECORD, { i: input }), staff.ok<any>(RECORD, { i: input })]);
      const c = await staff.ok<any>(RECORD, { i: input });
      expect(a.recordTurnover.userErrors).toEqual([]);
      expect(b.recordTurnover.report.id).toBe(a.recordTurnover.report.id);
      expect(c.recordTurnover.report.id).toBe(a.recordTurnover.report.id);
      expect(await count('vendor_id = ? and market_day_id = ?', [v[0].id, day])).toBe(1);
    });

    it('a second figure with another key is refused: changes go through a correction', async () => {
      const r = await staff.ok<any>(RECORD, { i: { idempotencyKey: key('dup'), vendorId: v[0].id, marketDayId: day, amount: 900_000 } });
      expect(r.recordTurnover.userErrors[0]).toMatchObject({ code: 'TURNOVER_ALREADY_RECORDED', message: expect.stringContaining('koreksi') });
      expect(await count('vendor_id = ? and market_day_id = ?', [v[0].id, day])).toBe(1);
    });

    it.each([
      [-1, 'TURNOVER_AMOUNT_INVALID'],
      [1.5, null],
    ])('refuses the amount %s', async (amount, code) => {
      const r = await staff.request<any>(RECORD, { i: { idempotencyKey: key('amt'), vendorId: v[1].id, marketDayId: day, amount } });
      if (code) expect(r.data!.recordTurnover.userErrors[0].code).toBe(code);
      else expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('as the staff portal logs it (one recordTurnover per vendor)', () => {
    const PORTAL = `mutation($input: RecordTurnoverInput!) { recordTurnover(input: $input) { report { id vendor { businessName } } userErrors { code field message } } }`;

    it('a fresh figure costs 3 SQL statements (session, what the database knows, one write), a replay 2; the key, the audit entry and the vendor are there', async () => {
      const vs = await approvedVendors(t, staff, 740, 2);
      const d = await marketDayWith(t, '2024-03-28', vs.map((x) => ({ id: x.id })));
      const input = { idempotencyKey: key('portal'), vendorId: vs[0].id, marketDayId: d, amount: 640_000, transactions: 22 };
      const fresh = await staff.ok<any>(PORTAL, { input });
      expect(fresh.recordTurnover).toMatchObject({ report: { id: expect.any(String), vendor: { businessName: expect.any(String) } }, userErrors: [] });
      const id = fresh.recordTurnover.report.id;
      const replay = await staff.ok<any>(PORTAL, { input });
      expect(replay.recordTurnover.report).toEqual(fresh.recordTurnover.report);
      expect([fresh.sqlStatements, replay.sqlStatements]).toEqual([3, 2]);
      expect(await t.sql(`select amount::int, transactions, version, current, status, recorded_by_id is not null as by from turnover_report where vendor_id = ? and market_day_id = ?`, [vs[0].id, d])).toEqual([
        { amount: 640_000, transactions: 22, version: 1, current: true, status: 'RECORDED', by: true },
      ]);
      expect(await t.sql(`select after from audit_entry where action = 'turnover.record' and entity_id = ?`, [id])).toEqual([{ after: { vendorId: vs[0].id, marketDayId: d, amount: 640_000, transactions: 22 } }]);
      expect(await t.sql(`select response->>'id' as id from idempotency_key where operation = 'turnover.record' and key = ?`, [input.idempotencyKey])).toEqual([{ id }]);
      // A refusal costs no write: nothing stored, no key kept (the same key works once the figure is right).
      const refused = await staff.ok<any>(PORTAL, { input: { ...input, idempotencyKey: key('portal'), vendorId: vs[1].id, amount: 90_000_000 } });
      expect(refused.recordTurnover.userErrors[0]).toMatchObject({ code: 'TURNOVER_IMPLAUSIBLE', field: ['input', 'amount'] });
      expect(refused.sqlStatements).toBe(2);
    });

    it('the answer, fresh or replayed, carries every field of the report: its day, its vendor, its history and who logged it', async () => {
      const FULL = `mutation($input: RecordTurnoverInput!) { recordTurnover(input: $input) { report { id createdAt recordedAt version current status amount transactions confirmedImplausible correctionReason vendor { id } marketDay { id date } history { version amount current } recordedByName } userErrors { code } } }`;
      const vs = await approvedVendors(t, staff, 747, 1);
      const d = await marketDayWith(t, '2024-03-30', [{ id: vs[0].id }]);
      const input = { idempotencyKey: key('full'), vendorId: vs[0].id.toUpperCase(), marketDayId: d, amount: 60_000_000, confirmImplausible: true };
      const fresh = (await staff.ok<any>(FULL, { input })).recordTurnover.report;
      expect(fresh).toMatchObject({
        version: 1, current: true, status: 'RECORDED', amount: 60_000_000, transactions: null, confirmedImplausible: true, correctionReason: null,
        vendor: { id: vs[0].id }, marketDay: { id: d, date: '2024-03-30' }, history: [{ version: 1, amount: 60_000_000, current: true }], recordedByName: 'Agustina Lay',
      });
      const [stored] = await t.sql(`select created_at, recorded_at from turnover_report where id = ?`, [fresh.id]);
      expect([fresh.createdAt, fresh.recordedAt]).toEqual([new Date(stored.created_at).toISOString(), new Date(stored.recorded_at).toISOString()]);
      expect((await staff.ok<any>(FULL, { input })).recordTurnover.report).toEqual(fresh);
    });

    it('answers in English with the same field paths; a key of another account is refused', async () => {
      const vs = await approvedVendors(t, staff, 745, 1);
      const d = await marketDayWith(t, '2024-03-29', [{ id: vs[0].id, status: 'NO_SHOW' }]);
      const en = t.client({ 'accept-language': 'en' });
      en.setCookie('kp_session', staff.cookie('kp_session')!);
      const r = await en.request<any>(PORTAL, { input: { idempotencyKey: key('en'), vendorId: vs[0].id, marketDayId: d, amount: 1 } });
      expect(r.data!.recordTurnover.userErrors).toEqual([{ code: 'TURNOVER_NOT_CHECKED_IN', field: ['input', 'vendorId'], message: 'Turnover can only be recorded for a vendor checked in on that market day.' }]);
      const [{ key: taken }] = await t.sql(`select key from idempotency_key where operation = 'turnover.record' and response is not null limit 1`);
      const other = await t.as('admin@kupang.demo');
      const reused = await other.request<any>(PORTAL, { input: { idempotencyKey: taken, vendorId: vs[0].id, marketDayId: d, amount: 1 } });
      expect(reused.errors?.[0].extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });

  describe('implausible figures ask for confirmation', () => {
    it('above the ceiling (Rp 50.000.000 by default): a clear refusal, nothing stored; confirmed, it is stored and marked', async () => {
      const input = { idempotencyKey: key('big'), vendorId: v[1].id, marketDayId: day, amount: 60_000_000 };
      const r = await staff.ok<any>(RECORD, { i: input });
      expect(r.recordTurnover.userErrors[0]).toMatchObject({ code: 'TURNOVER_IMPLAUSIBLE', field: ['input', 'amount'] });
      expect(r.recordTurnover.userErrors[0].message).toContain('Rp 60.000.000');
      expect(r.recordTurnover.userErrors[0].message).toContain('Rp 50.000.000');
      expect(await count('vendor_id = ?', [v[1].id])).toBe(0);
      // The same key works once the figure is confirmed (the refusal did not keep it).
      const ok = await staff.ok<any>(RECORD, { i: { ...input, confirmImplausible: true } });
      expect(ok.recordTurnover.report).toMatchObject({ amount: 60_000_000, confirmedImplausible: true });
    });

    it('more than 5× her median of earlier days', async () => {
      const days = [];
      for (const d of ['2024-03-14', '2024-03-15', '2024-03-21', '2024-03-22']) days.push(await marketDayWith(t, d, [{ id: v[2].id }]));
      for (const d of days.slice(0, 3)) await staff.ok(RECORD, { i: { idempotencyKey: key('m'), vendorId: v[2].id, marketDayId: d, amount: 1_000_000 } });
      const r = await staff.ok<any>(RECORD, { i: { idempotencyKey: key('m'), vendorId: v[2].id, marketDayId: days[3], amount: 6_000_000 } });
      expect(r.recordTurnover.userErrors[0].code).toBe('TURNOVER_IMPLAUSIBLE');
      expect(r.recordTurnover.userErrors[0].message).toContain('median Rp 1.000.000');
      const fine = await staff.ok<any>(RECORD, { i: { idempotencyKey: key('m'), vendorId: v[2].id, marketDayId: days[3], amount: 4_900_000 } });
      expect(fine.recordTurnover.report.amount).toBe(4_900_000);
    });
  });

  describe('corrections keep the history', () => {
    it('a correction is a new version with a reason; the old figure stays, unchangeable, and the audit trail has both', async () => {
      const [{ id }] = await t.sql(`select id from turnover_report where vendor_id = ? and market_day_id = ? and current`, [v[0].id, day]);
      const noReason = await staff.ok<any>(CORRECT, { i: { reportId: id, amount: 1_250_000, reason: '  ' } });
      expect(noReason.correctTurnover.userErrors[0].code).toBe('TURNOVER_REASON_REQUIRED');
      const r = await staff.ok<any>(CORRECT, { i: { reportId: id, amount: 1_250_000, reason: 'Salah ketik, seharusnya Rp 1.250.000' } });
      expect(r.correctTurnover.report).toMatchObject({ version: 2, amount: 1_250_000, status: 'RECORDED', correctionReason: 'Salah ketik, seharusnya Rp 1.250.000' });
      expect(r.correctTurnover.report.history).toEqual([
        { version: 2, amount: 1_250_000, current: true, correctionReason: 'Salah ketik, seharusnya Rp 1.250.000' },
        { version: 1, amount: 1_200_000, current: false, correctionReason: null },
      ]);
      const again = await staff.ok<any>(CORRECT, { i: { reportId: id, amount: 1_300_000, reason: 'lagi' } });
      expect(again.correctTurnover.userErrors[0].code).toBe('TURNOVER_REPORT_NOT_CURRENT');
      // Append-only: the database refuses to change or delete an old version, or to change a figure in place.
      await expect(t.sql(`update turnover_report set amount = 1 where id = ?`, [id])).rejects.toThrow(/never changes/);
      await expect(t.sql(`delete from turnover_report where id = ?`, [id])).rejects.toThrow(/never deleted/);
      await expect(t.sql(`update turnover_report set amount = 1 where id = ?`, [r.correctTurnover.report.id])).rejects.toThrow(/new version/);
      const audit = await t.sql(`select before, after from audit_entry where action = 'turnover.correct' and entity_id = ?`, [r.correctTurnover.report.id]);
      expect(audit).toEqual([{ before: expect.objectContaining({ version: 1, amount: 1_200_000 }), after: expect.objectContaining({ version: 2, amount: 1_250_000 }) }]);
    });
  });

  describe('the vendor confirms or disputes; staff resolve', () => {
    it('confirm, dispute with a comment, resolve with a corrected figure (a new version)', async () => {
      const mama = await signedIn(t, phoneOf(703));
      const [{ id }] = await t.sql(`select id from turnover_report where vendor_id = ? and current`, [v[3].id]);
      expect((await mama.ok<any>(CONFIRM, { i: { reportId: id } })).confirmTurnover.report.status).toBe('CONFIRMED');
      expect((await mama.ok<any>(CONFIRM, { i: { reportId: id } })).confirmTurnover.userErrors[0].code).toBe('TURNOVER_NOT_AWAITING_VENDOR');
      const empty = await mama.ok<any>(DISPUTE, { i: { reportId: id, comment: ' ' } });
      expect(empty.disputeTurnover.userErrors[0].code).toBe('TURNOVER_COMMENT_REQUIRED');
      const d = await mama.ok<any>(DISPUTE, { i: { reportId: id, comment: 'Omzet saya Rp 850.000, bukan Rp 750.000' } });
      expect(d.disputeTurnover.report).toMatchObject({ status: 'DISPUTED', disputeComment: 'Omzet saya Rp 850.000, bukan Rp 750.000' });
      const noNote = await staff.ok<any>(RESOLVE, { i: { reportId: id, note: '' } });
      expect(noNote.resolveTurnoverDispute.userErrors[0].code).toBe('TURNOVER_NOTE_REQUIRED');
      const r = await staff.ok<any>(RESOLVE, { i: { reportId: id, note: 'Dicek dengan buku kas: Rp 850.000', correctedAmount: 850_000 } });
      expect(r.resolveTurnoverDispute.report).toMatchObject({ version: 2, amount: 850_000, status: 'RESOLVED', resolutionNote: 'Dicek dengan buku kas: Rp 850.000', disputeComment: 'Omzet saya Rp 850.000, bukan Rp 750.000' });
      expect(await t.sql(`select version, amount::int, status, current from turnover_report where vendor_id = ? order by version`, [v[3].id])).toEqual([
        { version: 1, amount: 750_000, status: 'DISPUTED', current: false },
        { version: 2, amount: 850_000, status: 'RESOLVED', current: true },
      ]);
    });

    it('a dispute settled without a change keeps the figure', async () => {
      const mama = await signedIn(t, phoneOf(701));
      const [{ id }] = await t.sql(`select id from turnover_report where vendor_id = ? and current`, [v[1].id]);
      await mama.ok(DISPUTE, { i: { reportId: id, comment: 'Terlalu besar?' } });
      const r = await staff.ok<any>(RESOLVE, { i: { reportId: id, note: 'Benar: satu pesanan tenun besar untuk hotel.' } });
      expect(r.resolveTurnoverDispute.report).toMatchObject({ id, version: 1, amount: 60_000_000, status: 'RESOLVED' });
    });

    it("a vendor never reaches another vendor's figure: not found, nothing returned, nothing changed; staff operations are forbidden", async () => {
      const mama = await signedIn(t, phoneOf(702));
      const [{ id }] = await t.sql(`select id from turnover_report where vendor_id = ? and current`, [v[0].id]);
      const before = await t.fingerprint();
      for (const [q, i] of [[CONFIRM, { reportId: id }], [DISPUTE, { reportId: id, comment: 'x' }]] as const) {
        const r = await mama.ok<any>(q, { i });
        const p = r.confirmTurnover ?? r.disputeTurnover;
        expect(p.report).toBeNull();
        expect(p.userErrors[0].code).toBe('TURNOVER_REPORT_NOT_FOUND');
      }
      for (const [q, i] of [
        [RECORD, { idempotencyKey: key('x'), vendorId: v[2].id, marketDayId: day, amount: 1 }],
        [RECORD_DAY, { marketDayId: day, rows: [] }],
        [CORRECT, { reportId: id, amount: 1, reason: 'x' }],
        [RESOLVE, { reportId: id, note: 'x' }],
      ] as const) {
        const r = await mama.request(q, { i });
        expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(JSON.stringify(r.data ?? null)).not.toContain('1200000');
      }
      expect(await t.fingerprint()).toEqual(before);
    });
  });

  describe('the day grid', () => {
    it('stores each row on its own with per-row results; a replay of the whole grid stores nothing twice', async () => {
      const vs = await approvedVendors(t, staff, 720, 4);
      const gridDay = await marketDayWith(t, '2024-04-04', [...vs.slice(0, 3).map((x) => ({ id: x.id })), { id: vs[3].id, status: 'NO_SHOW' }]);
      const rows = [
        { idempotencyKey: key('g0'), vendorId: vs[0].id, amount: 450_000, transactions: 30 },
        { idempotencyKey: key('g1'), vendorId: vs[1].id, amount: 75_000_000 },
        { idempotencyKey: key('g2'), vendorId: vs[2].id, amount: 0 },
        { idempotencyKey: key('g3'), vendorId: vs[3].id, amount: 300_000 },
      ];
      const r = await staff.ok<any>(RECORD_DAY, { i: { marketDayId: gridDay, rows } });
      expect(r.recordTurnoverDay.saved).toBe(2);
      expect(r.recordTurnoverDay.rows.map((x: any) => x.userErrors[0]?.code ?? 'OK')).toEqual(['OK', 'TURNOVER_IMPLAUSIBLE', 'OK', 'TURNOVER_NOT_CHECKED_IN']);
      expect(r.recordTurnoverDay.rows[1].userErrors[0].field).toEqual(['input', 'rows', '1', 'amount']);
      const replay = await staff.ok<any>(RECORD_DAY, { i: { marketDayId: gridDay, rows: [rows[0], { ...rows[1], confirmImplausible: true }, rows[2]] } });
      expect(replay.recordTurnoverDay.saved).toBe(3);
      expect(replay.recordTurnoverDay.rows[0].report.id).toBe(r.recordTurnoverDay.rows[0].report.id);
      expect(await count('market_day_id = ?', [gridDay])).toBe(3);
    });

    it('costs the same number of SQL statements for 2 rows as for 30, and so does the replay; each row keeps its key and audit entry', async () => {
      const vs = (await bulkVendors(t, 9400, 32)).map((x) => x.vendorId);
      const small = await marketDayWith(t, '2024-04-11', vs.slice(0, 2).map((id) => ({ id })));
      const large = await marketDayWith(t, '2024-04-12', vs.slice(2).map((id) => ({ id })));
      const grid = (ids: string[], tag: string) => ids.map((vendorId, n) => ({ idempotencyKey: `${tag}-${n}`, vendorId, amount: 100_000 + n, transactions: n }));
      const smallRows = grid(vs.slice(0, 2), key('s'));
      const largeRows = grid(vs.slice(2), key('l'));
      const a = await staff.ok<any>(RECORD_DAY, { i: { marketDayId: small, rows: smallRows } });
      const b = await staff.ok<any>(RECORD_DAY, { i: { marketDayId: large, rows: largeRows } });
      expect([a.recordTurnoverDay.saved, b.recordTurnoverDay.saved]).toEqual([2, 30]);
      expect(b.recordTurnoverDay.rows.map((r: any) => r.report.amount)).toEqual(largeRows.map((r) => r.amount));
      expect(b.sqlStatements).toBe(a.sqlStatements);
      expect(b.sqlStatements).toBeLessThan(15);
      const ids = b.recordTurnoverDay.rows.map((r: any) => r.report.id);
      const [audit] = await t.sql(`select count(*)::int as n from audit_entry where action = 'turnover.record' and entity_id = any(?::text[])`, [`{${ids.join(',')}}`]);
      const [keys] = await t.sql(`select count(*)::int as n from idempotency_key where operation = 'turnover.record' and response->>'id' = any(?::text[])`, [`{${ids.join(',')}}`]);
      expect([audit.n, keys.n]).toEqual([30, 30]);

      const a2 = await staff.ok<any>(RECORD_DAY, { i: { marketDayId: small, rows: smallRows } });
      const b2 = await staff.ok<any>(RECORD_DAY, { i: { marketDayId: large, rows: largeRows } });
      expect(b2.recordTurnoverDay.rows.map((r: any) => r.report.id)).toEqual(ids);
      expect(b2.sqlStatements).toBe(a2.sqlStatements);
      expect(await count('market_day_id = ?', [large])).toBe(30);
    });

    it('a vendor twice in one grid: the first row is stored, the second told it is recorded; a key twice names one report', async () => {
      const vs = (await bulkVendors(t, 9440, 2)).map((x) => x.vendorId);
      const gridDay = await marketDayWith(t, '2024-04-13', vs.map((id) => ({ id })));
      const same = key('same');
      const r = await staff.ok<any>(RECORD_DAY, {
        i: {
          marketDayId: gridDay,
          rows: [
            { idempotencyKey: key('t0'), vendorId: vs[0], amount: 10_000 },
            { idempotencyKey: key('t1'), vendorId: vs[0], amount: 20_000 },
            { idempotencyKey: same, vendorId: vs[1], amount: 30_000 },
            { idempotencyKey: same, vendorId: vs[1], amount: 30_000 },
          ],
        },
      });
      expect(r.recordTurnoverDay.rows.map((x: any) => x.userErrors[0]?.code ?? x.report.amount)).toEqual([10_000, 'TURNOVER_ALREADY_RECORDED', 30_000, 30_000]);
      expect(r.recordTurnoverDay.rows[1].userErrors[0].field).toEqual(['input', 'rows', '1', 'vendorId']);
      expect(r.recordTurnoverDay.rows[3].report.id).toBe(r.recordTurnoverDay.rows[2].report.id);
      expect(await count('market_day_id = ?', [gridDay])).toBe(2);
    });
  });
});
