import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import type { GraphqlClient } from '../../../test/graphql-client';

const CREATE = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id fullName phone role kelurahanScope { code } partner { name } } userErrors { code field message } } }';
const LIST = '{ users(first: 100) { totalCount nodes { fullName role partner { name } kelurahanScope { name } } } }';

describe('account administration', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin@kupang.demo');
  });
  afterAll(() => t?.close());

  it('creates a program staff account limited to two kelurahan, who can then sign in', async () => {
    const r = await admin.ok<any>(CREATE, {
      i: { fullName: 'Fransiska Lerik', phone: '0813-3900-1122', role: 'PROGRAM_STAFF', password: 'rahasia123', kelurahanCodes: ['53.71.02.1004', '53.71.02.1005'] },
    });
    expect(r.createUser.userErrors).toEqual([]);
    expect(r.createUser.user).toMatchObject({ phone: '+6281339001122', kelurahanScope: [{ code: '53.71.02.1004' }, { code: '53.71.02.1005' }] });
    const staff = t.client();
    await staff.signIn('081339001122', 'rahasia123');
    expect((await staff.ok<any>('{ me { fullName } }')).me.fullName).toBe('Fransiska Lerik');
  });

  it.each([
    [{ fullName: 'X', phone: '12345', role: 'VENDOR', password: 'rahasia123' }, 'INVALID_PHONE', 'phone'],
    [{ fullName: 'X', email: 'bukan-email', role: 'VENDOR', password: 'rahasia123' }, 'INVALID_EMAIL', 'email'],
    [{ fullName: 'X', role: 'VENDOR', password: 'rahasia123' }, 'LOGIN_MISSING', 'phone'],
    [{ fullName: 'X', email: 'x@kupang.demo', role: 'VENDOR', password: 'pendek' }, 'PASSWORD_TOO_SHORT', 'password'],
    [{ fullName: 'X', email: 'x@kupang.demo', role: 'PARTNER', password: 'rahasia123' }, 'PARTNER_REQUIRED', 'partnerId'],
    [{ fullName: 'X', email: 'x@kupang.demo', role: 'MARKET_STAFF', password: 'rahasia123', kelurahanCodes: ['53.71.02.1004'] }, 'SCOPE_ONLY_FOR_PROGRAM_STAFF', 'kelurahanCodes'],
    [{ fullName: 'X', email: 'x@kupang.demo', role: 'PROGRAM_STAFF', password: 'rahasia123', kelurahanCodes: ['53.71.99.9999'] }, 'UNKNOWN_KELURAHAN', 'kelurahanCodes'],
    [{ fullName: 'X', email: 'ADMIN@kupang.demo', role: 'VENDOR', password: 'rahasia123' }, 'LOGIN_TAKEN', 'email'],
  ])('refuses %j with %s and changes nothing', async (input, code, field) => {
    const before = await t.sql('select count(*)::int as n from app_user');
    const r = await admin.ok<any>(CREATE, { i: input });
    expect(r.createUser.user).toBeNull();
    expect(r.createUser.userErrors).toContainEqual(expect.objectContaining({ code, field: ['input', field] }));
    expect(r.createUser.userErrors[0].message).not.toMatch(/^[A-Z_]+$/);
    expect(await t.sql('select count(*)::int as n from app_user')).toEqual(before);
  });

  it('resets a password and ends that account’s sessions', async () => {
    const vendor = await t.as('081234560001');
    const { users } = await admin.ok<any>('{ users(first: 5, role: VENDOR, search: "6281234560001") { nodes { id } } }');
    const r = await admin.ok<any>('mutation($i: ResetUserPasswordInput!) { resetUserPassword(input: $i) { userErrors { code } } }', {
      i: { userId: users.nodes[0].id, newPassword: 'mama-baru-2026' },
    });
    expect(r.resetUserPassword.userErrors).toEqual([]);
    expect((await vendor.request('{ me { id } }')).errors?.[0].extensions?.code).toBe('SESSION_EXPIRED');
    await t.client().signIn('081234560001', 'mama-baru-2026');
  });

  it('audits account changes with before and after', async () => {
    const r = await admin.ok<any>('{ auditEntries(first: 100, entityType: "User") { nodes { action after } } }');
    const created = r.auditEntries.nodes.find((n: any) => n.action === 'user.create');
    expect(created.after).toMatchObject({ fullName: 'Fransiska Lerik', role: 'PROGRAM_STAFF' });
    expect(r.auditEntries.nodes.map((n: any) => n.action)).toContain('user.reset_password');
  });

  it('lists accounts with their partner and kelurahan in a number of statements that does not grow with the accounts', async () => {
    const small = await admin.ok<any>(LIST);
    for (let i = 0; i < 30; i++) {
      await admin.ok(CREATE, { i: { fullName: `Staf ${i}`, email: `staf${i}@kupang.demo`, role: 'PROGRAM_STAFF', password: 'rahasia123', kelurahanCodes: ['53.71.01.1001'] } });
    }
    const big = await admin.ok<any>(LIST);
    expect(big.users.totalCount).toBe(small.users.totalCount + 30);
    expect(big.sqlStatements).toBe(small.sqlStatements);
    expect(big.sqlStatements).toBeLessThanOrEqual(6);
  });

  it('pages through accounts and refuses a page size over 100', async () => {
    const first = await admin.ok<any>('{ users(first: 2) { pageInfo { hasNextPage endCursor } nodes { fullName } } }');
    const next = await admin.ok<any>('query($a: String) { users(first: 2, after: $a) { nodes { fullName } } }', { a: first.users.pageInfo.endCursor });
    expect(first.users.pageInfo.hasNextPage).toBe(true);
    expect(next.users.nodes[0].fullName).not.toBe(first.users.nodes[0].fullName);
    const big = await admin.request('{ users(first: 1000) { totalCount } }');
    expect(big.errors?.[0].extensions?.code).toBe('PAGE_SIZE_OUT_OF_RANGE');
  });
});
