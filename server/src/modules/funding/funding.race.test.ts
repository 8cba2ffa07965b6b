import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('records one line when the same idempotency key arrives 10 times from two processes', async () => {
    const i = { sourceId, type: 'COMMITMENT', program: 'SABOAK_KOEPAN', purpose: 'TRAINING', amount: 9_000_000, valueDate: '2032-04-01', idempotencyKey: 'race-commit-0001' };
    const results = await fireAtOnce(10, (k) => admins[k % 2].ok<any>(RECORD, { i }));
    const ids = new Set(results.map((x) => (x.status === 'fulfilled' ? x.value.recordFundingTransaction.fundingTransaction?.id : 'failed')));
    expect(ids.size).toBe(1);
    const [{ n }] = await a.sql(`select count(*)::int n from funding_transaction where amount = 9000000`);
    expect(n).toBe(1);
  });
});
