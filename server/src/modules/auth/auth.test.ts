import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seeders/demo-accounts';
import { startTestApp, type TestApp } from '../../../test/test-app';

const ME = '{ me { fullName role } }';
const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { user { fullName role } userErrors { code field message } } }';

describe('sign-in, sessions and permissions over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('answers the smoke query', async () => {
    const r = await t.client().request('{ __typename }');
    expect(r.data).toEqual({ __typename: 'Query' });
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.role, a.login, a.fullName]))('signs in the demo %s account (%s) and knows who it is', async (role, login, fullName) => {
    const c = t.client();
    const r = await c.ok<any>(SIGN_IN, { i: { login, password: DEMO_PASSWORD } });
    expect(r.signIn.userErrors).toEqual([]);
    expect(c.cookie('kp_session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await c.ok<any>(ME)).me).toEqual({ fullName, role });
  });

  it('answers `me` from the session lookup in one statement, with the account as stored', async () => {
    const c = await t.as('mitra@kupang.demo');
    expect((await c.ok<any>('{ me { id fullName role } }')).sqlStatements).toBe(1);
    const r = await c.ok<any>('{ me { id fullName email phone role locale active lastSignInAt createdAt } }');
    expect(r.sqlStatements).toBe(1);
    const [row] = await t.sql(
      `select id, full_name as "fullName", email, phone, role, locale, active, last_sign_in_at as "lastSignInAt", created_at as "createdAt" from app_user where email = 'mitra@kupang.demo'`,
    );
    const iso = (text: string) => new Date(text).toISOString();
    expect(r.me).toEqual({ ...row, lastSignInAt: iso(row.lastSignInAt), createdAt: iso(row.createdAt) });
    expect((await c.ok<any>('{ me { partner { name } } }')).me.partner).toEqual({ name: 'Bank Flobamora (demo)' });
  });

  it("answers a scoped account's kelurahan from its session, with no statement of its own", async () => {
    const c = await t.as('oebobo@kupang.demo');
    await c.ok('{ regions(level: CITY) { code } }'); // reads the region snapshot once per process
    const r = await c.ok<any>('{ me { kelurahanScope { code } } }');
    expect(r.me.kelurahanScope).toEqual(['53.71.04.1001', '53.71.04.1008', '53.71.04.1009'].map((code) => ({ code })));
    expect(r.sqlStatements).toBe(1);
  });

  it('accepts a phone number in any local notation', async () => {
    for (const login of ['0812 3456 0001', '+62 812-3456-0001', '6281234560001']) {
      const r = await t.client().ok<any>(SIGN_IN, { i: { login, password: DEMO_PASSWORD } });
      expect(r.signIn.user.role).toBe('VENDOR');
    }
  });

  it('refuses a wrong password and an unknown account with the same typed error, in Bahasa Indonesia', async () => {
    const wrong = await t.client().ok<any>(SIGN_IN, { i: { login: 'admin@kupang.demo', password: 'salah-sekali' } });
    const unknown = await t.client().ok<any>(SIGN_IN, { i: { login: 'tidakada@kupang.demo', password: 'salah-sekali' } });
    expect(wrong.signIn.user).toBeNull();
    expect(wrong.signIn.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS', field: ['input', 'password'], message: 'Nomor HP/e-mail atau kata sandi salah.' }]);
    expect(unknown.signIn.userErrors).toEqual(wrong.signIn.userErrors);
  });

  it('answers in English when the user chose English', async () => {
    const c = t.client();
    c.setCookie('kp_lang', 'en');
    const r = await c.ok<any>(SIGN_IN, { i: { login: 'admin@kupang.demo', password: 'wrong-password' } });
    expect(r.signIn.userErrors[0].message).toBe('Wrong phone number/e-mail or password.');
    const denied = await c.request(ME);
    expect(denied.errors?.[0]).toMatchObject({ message: 'Please sign in first.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('tells a signed-out caller to sign in', async () => {
    const r = await t.client().request(ME);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.data).toBeFalsy();
  });

  it('ends the session on the server at sign-out, even if the cookie is replayed', async () => {
    const c = await t.as('pasar@kupang.demo');
    const token = c.cookie('kp_session')!;
    await c.ok('mutation { signOut { signedOut } }');
    expect(c.cookie('kp_session')).toBeUndefined();
    const replay = t.client();
    replay.setCookie('kp_session', token);
    const r = await replay.request(ME);
    expect(r.errors?.[0].extensions?.code).toBe('SESSION_EXPIRED');
  });

  it('treats an expired session as expired', async () => {
    const c = await t.as('program@kupang.demo');
    await t.sql(`update session set expires_at = now() - interval '1 minute' where revoked_at is null and user_id = (select id from app_user where email = 'program@kupang.demo')`);
    const r = await c.request(ME);
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'SESSION_EXPIRED' }, message: 'Sesi Anda telah berakhir. Silakan masuk kembali.' });
  });

  it.each(['081234560001', 'mitra@kupang.demo', 'pasar@kupang.demo', 'program@kupang.demo'])('forbids %s from administering accounts', async (login) => {
    const c = await t.as(login);
    const r = await c.request('{ users(first: 5) { totalCount } }');
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: 'Anda tidak memiliki izin untuk tindakan ini.' });
    expect(r.data).toBeFalsy();
  });

  it('stores only a hash of the session token', async () => {
    const c = await t.as('admin@kupang.demo');
    const token = c.cookie('kp_session')!;
    const rows = await t.sql(`select token_hash from session where token_hash = $1 or token_hash = $2`.replace('$1', '?').replace('$2', '?'), [token, token]);
    expect(rows).toEqual([]);
  });

  it('writes sign-ins to the audit trail', async () => {
    await t.as('mitra@kupang.demo');
    const admin = await t.as('admin@kupang.demo');
    const r = await admin.ok<any>('{ auditEntries(first: 50, entityType: "User") { nodes { action actor { fullName } } } }');
    expect(r.auditEntries.nodes).toContainEqual({ action: 'auth.sign_in', actor: { fullName: 'Daniel Riwu' } });
  });
});

describe('sign-in throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const attempt = (login: string, password: string, ip = '10.1.1.1') =>
    t.client({ 'x-forwarded-for': ip }).ok<any>(SIGN_IN, { i: { login, password } }).then((r) => r.signIn.userErrors[0]?.code ?? 'OK');

  it('locks an account after 5 failures, with the same answer for an account that does not exist', async () => {
    for (let i = 0; i < 5; i++) expect(await attempt('pasar@kupang.demo', 'salah')).toBe('INVALID_CREDENTIALS');
    expect(await attempt('pasar@kupang.demo', DEMO_PASSWORD)).toBe('TOO_MANY_ATTEMPTS');
    for (let i = 0; i < 5; i++) await attempt('hantu@kupang.demo', 'salah');
    expect(await attempt('hantu@kupang.demo', 'salah')).toBe('TOO_MANY_ATTEMPTS');
    // Another account from another address is unaffected; the lock lifts when the window passes.
    expect(await attempt('mitra@kupang.demo', DEMO_PASSWORD, '10.2.2.2')).toBe('OK');
    await t.sql(`update sign_in_failure set window_start = now() - interval '16 minutes'`);
    expect(await attempt('pasar@kupang.demo', DEMO_PASSWORD)).toBe('OK');
  });

  it('limits one address trying many accounts', async () => {
    for (let i = 0; i < 30; i++) await attempt(`orang${i}@kupang.demo`, 'salah', '10.9.9.9');
    expect(await attempt('admin@kupang.demo', DEMO_PASSWORD, '10.9.9.9')).toBe('TOO_MANY_ATTEMPTS');
    expect(await attempt('admin@kupang.demo', DEMO_PASSWORD, '10.3.3.3')).toBe('OK');
  });

  it('keeps no phone number or e-mail in the counters', async () => {
    const rows = await t.sql<{ bucket: string }>('select bucket from sign_in_failure');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => !r.bucket.includes('@') && !r.bucket.includes('0812'))).toBe(true);
  });
});
