import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireAtOnce } from '../../../test/race';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from '../../../test/test-database';

const CREATE = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id fullName } userErrors { code field } } }';
const input = (key: string, phone: string) => ({ fullName: 'Petugas Pasar Oebobo', phone, role: 'MARKET_STAFF', password: 'rahasia-petugas-1', idempotencyKey: key });

/** createUser with an idempotency key, retried in parallel from two server processes. */
describe.runIf(requireRealPostgres('createUser idempotency from two processes'))('createUser with an idempotency key (real PostgreSQL)', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    b = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('makes one account for 12 parallel retries over two processes, and every retry gets that account', async () => {
    const admins = [await a.as('admin@kupang.demo'), await b.as('admin@kupang.demo')];
    const results = await fireAtOnce(12, (i) => admins[i % 2].ok<any>(CREATE, { i: input('create-user-0001', '081337700001') }));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const ids = results.map((r) => (r as PromiseFulfilledResult<any>).value.createUser.user?.id);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBeTruthy();
    expect(await a.sql(`select count(*)::int as n from app_user where phone = '+6281337700001'`)).toEqual([{ n: 1 }]);
    expect(await a.sql(`select count(*)::int as n from audit_entry where action = 'user.create' and entity_id = ?`, [ids[0]])).toEqual([{ n: 1 }]);
  });

  it('createPartner: parallel retries with one key over two processes make one partner', async () => {
    const admins = [await a.as('admin@kupang.demo'), await b.as('admin@kupang.demo')];
    const q = 'mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id name } userErrors { code } } }';
    const results = await fireAtOnce(8, (i) => admins[i % 2].ok<any>(q, { i: { name: 'Bank NTT Peduli', sector: 'Perbankan', idempotencyKey: 'create-partner-0001' } }));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const ids = results.map((r) => (r as PromiseFulfilledResult<any>).value.createPartner.partner?.id);
    expect(ids[0]).toBeTruthy();
    expect(new Set(ids).size).toBe(1);
    expect(await a.sql(`select count(*)::int as n from partner where name = 'Bank NTT Peduli'`)).toEqual([{ n: 1 }]);
  });

  it('does not keep a refused attempt: the same key works once the input is corrected', async () => {
    const admin = await a.as('admin@kupang.demo');
    const bad = await admin.ok<any>(CREATE, { i: input('create-user-0002', 'nomor salah') });
    expect(bad.createUser.userErrors[0]).toMatchObject({ code: 'INVALID_PHONE' });
    const good = await admin.ok<any>(CREATE, { i: input('create-user-0002', '081337700002') });
    expect(good.createUser.user.id).toBeTruthy();
    const again = await admin.ok<any>(CREATE, { i: input('create-user-0002', '081337700002') });
    expect(again.createUser.user.id).toBe(good.createUser.user.id);
  });
});
