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
    const r = await admin.ok<any>('{ auditEntries(first: 100, entityType: "User") { nodes { action after actor { fullName role } } } }');
    const created = r.auditEntries.nodes.find((n: any) => n.action === 'user.create');
    expect(created.after).toMatchObject({ fullName: 'Fransiska Lerik', role: 'PROGRAM_STAFF' });
    expect(created.actor).toEqual({ fullName: 'Admin Kota Kupang', role: 'ADMIN' });
    expect(r.auditEntries.nodes).toContainEqual(expect.objectContaining({ action: 'auth.sign_in', actor: { fullName: 'Fransiska Lerik', role: 'PROGRAM_STAFF' } }));
    // Session, page, count, the other actors in one, and the audit INSERT of this read (it shows names and before/after values).
    expect(r.sqlStatements).toBeLessThanOrEqual(5);
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

  it("answers an account's partner with the same fields as the partner list, contacts included (admin)", async () => {
    await t.sql(`update partner set contact_name = 'Yohana Sine', contact_email = 'csr@flobamora.demo', contact_phone = '+6281100001111' where name = 'Bank Flobamora (demo)'`);
    const FIELDS = 'name sector contactName contactEmail contactPhone';
    const listed = (await admin.ok<any>(`{ partners { ${FIELDS} } }`)).partners.find((p: any) => p.name === 'Bank Flobamora (demo)');
    expect(listed).toMatchObject({ contactName: 'Yohana Sine', contactEmail: 'csr@flobamora.demo', contactPhone: '+6281100001111' });
    const accounts = (await admin.ok<any>(`{ users(first: 100, role: PARTNER) { nodes { email partner { ${FIELDS} } } } }`)).users.nodes;
    expect(accounts.find((u: any) => u.email === 'mitra@kupang.demo').partner).toEqual(listed);
  });

  it('lists 50 accounts with partner and kelurahan as plain rows in 5 statements however many there are (session, page with count, partners, kelurahan, audit)', async () => {
    const LIST50 = '{ users(first: 50) { totalCount nodes { fullName email partner { name } kelurahanScope { name } } } }';
    const partner = (name: string) =>
      admin.ok<any>('mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id } } }', { i: { name } }).then((r) => r.createPartner.partner.id);
    const addPartnerAccount = (i: number, partnerId: string) =>
      admin.ok<any>(CREATE, { i: { fullName: `Abigail Ndun ${i}`, email: `abigail${i}@kupang.demo`, role: 'PARTNER', password: 'rahasia123', partnerId } });
    const [bankA, bankB] = [await partner('Bank Sasando (uji)'), await partner('Koperasi Timor (uji)')];
    const made = await addPartnerAccount(0, bankA);
    expect(made.createUser.user.partner).toEqual({ name: 'Bank Sasando (uji)' }); // an entity answers the same field
    await admin.ok(LIST50); // reads the region snapshot once per process
    const small = await admin.ok<any>(LIST50);
    for (let i = 1; i < 4; i++) await addPartnerAccount(i, i % 2 ? bankB : bankA);
    const big = await admin.ok<any>(LIST50);
    expect(big.users.nodes.slice(0, 4)).toEqual([0, 1, 2, 3].map((i) => ({ fullName: `Abigail Ndun ${i}`, email: `abigail${i}@kupang.demo`, partner: { name: i % 2 ? 'Koperasi Timor (uji)' : 'Bank Sasando (uji)' }, kelurahanScope: [] })));
    expect(big.users.nodes).toContainEqual(expect.objectContaining({ fullName: 'Fransiska Lerik', partner: null, kelurahanScope: [{ name: expect.any(String) }, { name: expect.any(String) }] }));
    expect(big.users.totalCount).toBe(small.users.totalCount + 3);
    expect(big.sqlStatements).toBe(small.sqlStatements);
    // The four reads, and one INSERT that audits every account's name and e-mail shown, however many.
    expect(big.sqlStatements).toBeLessThanOrEqual(5);
  });

  it('filters by role and search with the total of the filter, and pages past the end without losing it', async () => {
    const { users } = await admin.ok<any>('{ users(first: 2, role: PARTNER, search: "abigail") { totalCount nodes { fullName role } pageInfo { hasNextPage endCursor } } }');
    expect(users).toMatchObject({ totalCount: 4, nodes: [{ fullName: 'Abigail Ndun 0', role: 'PARTNER' }, { fullName: 'Abigail Ndun 1', role: 'PARTNER' }], pageInfo: { hasNextPage: true } });
    const past = await admin.ok<any>('query($a: String) { users(first: 2, after: $a, search: "abigail") { totalCount nodes { fullName } } }', {
      a: Buffer.from('o:9', 'utf8').toString('base64url'),
    });
    expect(past.users).toEqual({ totalCount: 4, nodes: [] });
    expect((await admin.ok<any>('{ users(first: 5, search: "100%_\\\\") { totalCount } }')).users.totalCount).toBe(0);
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
