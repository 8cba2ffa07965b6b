import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkVendors } from '../../../test/market.fixtures';
import { fireAtOnce } from '../../../test/race';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from '../../../test/test-database';
import type { GraphqlClient } from '../../../test/graphql-client';
import { CREATE_SOURCE, RECORD, REVERSE } from './funding.fixtures';

/** Two app instances (two connection pools, as two server processes) on one PostgreSQL. */
describe.runIf(requireRealPostgres('funding ledger races'))('funding ledger under concurrent admins in two server processes (real PostgreSQL)', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let admins: GraphqlClient[];
  let sourceId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    b = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    admins = [await a.as('admin@kupang.demo'), await b.as('admin@kupang.demo')];
    const r = await admins[0].ok<any>(CREATE_SOURCE, { i: { kind: 'APBD', name: 'APBD race', fiscalYear: 2032 } });
    sourceId = r.createFundingSource.fundingSource.id;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('reverses a line exactly once when 20 reversals race from two processes', async () => {
    const r = await admins[0].ok<any>(RECORD, { i: { sourceId, type: 'DISBURSEMENT', program: 'INA_KASIH', purpose: 'OTHER', amount: 5_000_000, valueDate: '2032-03-01' } });
    const id = r.recordFundingTransaction.fundingTransaction.id;
    const results = await fireAtOnce(20, (i) => admins[i % 2].ok<any>(REVERSE, { i: { transactionId: id, reason: `race ${i}` } }));
    const ok = results.filter((x) => x.status === 'fulfilled' && x.value.reverseFundingTransaction.userErrors.length === 0);
    const refused = results.filter((x) => x.status === 'fulfilled' && x.value.reverseFundingTransaction.userErrors[0]?.code === 'FUNDING_ALREADY_REVERSED');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    const [{ n }] = await a.sql(`select count(*)::int n from funding_transaction where reverses_id = ?`, [id]);
    expect(n).toBe(1);
  });

  it('creates a source once when 10 admins submit the same name and year from two processes', async () => {
    const results = await fireAtOnce(10, (k) => admins[k % 2].ok<any>(CREATE_SOURCE, { i: { kind: 'DAK', name: 'DAK race', fiscalYear: 2032 } }));
    const codes = results.map((x) => (x.status === 'fulfilled' ? (x.value.createFundingSource.userErrors[0]?.code ?? 'OK') : 'FAILED'));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'FUNDING_SOURCE_EXISTS')).toHaveLength(9);
  });

  it('records one line when the same idempotency key arrives 10 times from two processes', async () => {
    const i = { sourceId, type: 'COMMITMENT', program: 'SABOAK_KOEPAN', purpose: 'TRAINING', amount: 9_000_000, valueDate: '2032-04-01', idempotencyKey: 'race-commit-0001' };
    const results = await fireAtOnce(10, (k) => admins[k % 2].ok<any>(RECORD, { i }));
    const ids = new Set(results.map((x) => (x.status === 'fulfilled' ? x.value.recordFundingTransaction.fundingTransaction?.id : 'failed')));
    expect(ids.size).toBe(1);
    const [{ n }] = await a.sql(`select count(*)::int n from funding_transaction where amount = 9000000`);
    expect(n).toBe(1);
  });

  it('keeps the market rollups exact when 100 check-ins and 40 undos race from two processes', async () => {
    const vendors = (await bulkVendors(a, 7000, 100)).map((v) => v.vendorId);
    await a.sql(`insert into market_stall (id, created_at, updated_at, code, zone, position)
                 select gen_random_uuid(), now(), now(), 'R-' || p, 'R', p from generate_series(1, 100) p on conflict do nothing`);
    const [{ id: day }] = await a.sql<{ id: string }>(
      `insert into market_day (id, created_at, updated_at, date, status, booking_opens_at, booking_closes_at, cancel_deadline, check_in_cutoff, allocated_at)
       values (gen_random_uuid(), now(), now(), '2033-05-07', 'ALLOCATED', '2033-05-01', '2033-05-05', '2033-05-06', '2033-05-07 10:00', '2033-05-05') returning id`,
    );
    await a.sql(
      `insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at)
       select gen_random_uuid(), now(), now(), ?, v, s.id, 'CONFIRMED', now()
         from unnest(?::uuid[]) with ordinality as x(v, n) join (select id, row_number() over (order by code) n from market_stall where zone = 'R') s using (n)`,
      [day, `{${vendors.join(',')}}`],
    );
    const ids = (await a.sql<{ id: string }>(`select id from market_booking where market_day_id = ? order by id`, [day])).map((r) => r.id);
    const checkIn = (id: string, i: number) => (i % 2 ? a : b).sql(`update market_booking set status = 'CHECKED_IN', checked_in_at = now() where id = ?`, [id]);
    const undo = (id: string, i: number) => (i % 2 ? b : a).sql(`update market_booking set status = 'NO_SHOW', checked_in_at = null where id = ?`, [id]);
    const first = await fireAtOnce(100, (i) => checkIn(ids[i], i));
    expect(first.every((r) => r.status === 'fulfilled')).toBe(true);
    const second = await fireAtOnce(40, (i) => undo(ids[i], i));
    expect(second.every((r) => r.status === 'fulfilled')).toBe(true);
    const [m] = await a.sql(`select stall_days, vendors, days_held from impact.impact_market_month where month = '2033-05-01'`);
    expect(m).toEqual({ stall_days: 60, vendors: 60, days_held: 1 });
    const [cells] = await a.sql(`select sum(stall_days)::int n from impact.impact_market_cell where month = '2033-05-01'`);
    expect(cells.n).toBe(60);
    const [y] = await a.sql(`select vendors from impact.impact_market_year where year = 2033`);
    expect(y.vendors).toBe(60);
  });
});
