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

describe('sign-in throttling: growing delays that slow only the attacker', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  /** One attempt from `ip`, as one browser (`client` keeps its cookies, e.g. the device cookie). */
  const attempt = async (login: string, password: string, ip = '10.1.1.1', client = t.client({ 'x-forwarded-for': ip })) => {
    const r = await client.ok<any>(SIGN_IN, { i: { login, password } });
    const e = r.signIn.userErrors[0];
    return e ? (e.code as string) : 'OK';
  };
  /** As if the current delay had passed, without waiting for it. */
  const waitOut = () => t.sql(`update sign_in_failure set blocked_until = now() - interval '1 second', last_failure_at = last_failure_at - interval '1 second'`);
  /** `n` wrong passwords for `login` from addresses `prefix`.0, .1, …, each after the wait the one before brought; the last one's wait runs. */
  const failRepeatedly = async (login: string, n: number, prefix: string) => {
    for (let i = 0; i < n; i++) {
      if (i) await waitOut();
      expect(await attempt(login, `tebakan-${i}`, `${prefix}.${i}`)).toBe('INVALID_CREDENTIALS');
    }
  };
  /** Seconds the bucket touched last must wait after its latest failure. */
  const lastDelay = async () => {
    const [row] = await t.sql<{ s: number }>(`select round(extract(epoch from blocked_until - last_failure_at))::int as s from sign_in_failure order by last_failure_at desc, failures desc limit 1`);
    return row.s;
  };

  it('lets everyone in an office behind one address sign in at the same moment (each try is counted up front)', async () => {
    const logins = DEMO_ACCOUNTS.map((a) => a.login);
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all([...logins, ...logins].map((login) => attempt(login, DEMO_PASSWORD, '10.80.0.1')));
      expect(answers).toEqual(answers.map(() => 'OK'));
    }
  });

  it('counts every spelling of a phone number as one login (45 wrong passwords over 9 spellings used to pass)', async () => {
    const spellings = ['0812-3456-0009', '+6281234560009', '081234560009', '6281234560009', '0812 3456 0009', '+62 812 3456 0009', '(0812) 34560009', '0812.3456.0009', '+62-812-3456-0009'];
    const answers: string[] = [];
    for (let i = 0; i < 45; i++) answers.push(await attempt(spellings[i % 9], 'salah-terus', `10.20.${Math.floor(i / 9)}.${i % 9}`));
    expect(answers.slice(0, 6)).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'TOO_MANY_ATTEMPTS']);
    // Refusals are quick, so a delay of 1 or 2 s may pass during the 45: a guess or two more, never 45.
    const tried = answers.filter((a) => a === 'INVALID_CREDENTIALS').length;
    expect(tried).toBeLessThanOrEqual(7);
    expect(await t.sql(`select failures from sign_in_failure where bucket like 'login:%' and failures > 0`)).toEqual([{ failures: tried }]);
  });

  it('makes each failure after the first five wait twice as long as the one before, up to 15 minutes', async () => {
    const login = 'pasar@kupang.demo';
    for (let i = 0; i < 4; i++) expect(await attempt(login, 'salah', `10.30.0.${i}`)).toBe('INVALID_CREDENTIALS');
    expect(await lastDelay()).toBe(0);
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      expect(await attempt(login, 'salah', `10.31.0.${i}`)).toBe('INVALID_CREDENTIALS');
      delays.push(await lastDelay());
      // Before the delay is over the next try is refused without looking at the password, and says how long to wait.
      const early = await t.client({ 'x-forwarded-for': `10.32.0.${i}`, 'accept-language': 'en' }).ok<any>(SIGN_IN, { i: { login, password: DEMO_PASSWORD } });
      expect(early.signIn.userErrors[0]).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', field: ['input', 'login'], message: expect.stringMatching(/^Too many failed sign-in attempts\. Try again in \d+ (second|minute)s?\./) });
      await waitOut();
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    // Once the delay has passed the right password gets in, and that try costs nothing.
    expect(await attempt(login, DEMO_PASSWORD, '10.33.0.1')).toBe('OK');
  });

  it('lets the owner in on her usual phone while an attacker elsewhere keeps failing on her account', async () => {
    const owner = '081234560001';
    const herPhone = t.client({ 'x-forwarded-for': '10.40.0.1' });
    expect(await attempt(owner, DEMO_PASSWORD, '10.40.0.1', herPhone)).toBe('OK');
    expect(herPhone.cookie('kp_device')).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    await herPhone.ok('mutation { signOut { signedOut } }');
    expect(herPhone.cookie('kp_device')).toBeDefined(); // the device stays known after signing out

    // Someone elsewhere guesses ten times (each after the wait), and goes on guessing: every guess is refused now.
    await failRepeatedly(owner, 10, '203.0.113');
    expect(await attempt(owner, 'tebakan-lagi', '203.0.113.66')).toBe('TOO_MANY_ATTEMPTS');
    // A phone of hers the platform has not seen waits too ...
    expect(await attempt(owner, DEMO_PASSWORD, '10.40.0.2')).toBe('TOO_MANY_ATTEMPTS');
    // ... but her usual phone gets in at once, even from the attacker's address.
    expect(await attempt(owner, DEMO_PASSWORD, '10.40.0.1', herPhone)).toBe('OK');
    const fromThere = t.client({ 'x-forwarded-for': '203.0.113.3' });
    fromThere.setCookie('kp_device', herPhone.cookie('kp_device')!);
    expect(await attempt(owner, DEMO_PASSWORD, '203.0.113.3', fromThere)).toBe('OK');
    // Her own typing mistakes on her phone count for her phone only: the attacker gains nothing from them.
    const [{ failures: before }] = await t.sql<{ failures: number }>(`select failures from sign_in_failure where bucket like 'login:%' order by last_failure_at desc limit 1`);
    for (let i = 0; i < 3; i++) expect(await attempt(owner, 'salah-ketik', '10.40.0.1', herPhone)).toBe('INVALID_CREDENTIALS');
    expect(await t.sql(`select failures from sign_in_failure where bucket like 'login:%' order by last_failure_at desc limit 1`)).toEqual([{ failures: before }]);
    expect(await attempt(owner, DEMO_PASSWORD, '10.40.0.1', herPhone)).toBe('OK');
  });

  it('treats a device cookie of another account, a forged one or a tampered one as no device cookie', async () => {
    const owner = 'program@kupang.demo';
    const other = t.client({ 'x-forwarded-for': '10.50.0.1' });
    expect(await attempt('mitra@kupang.demo', DEMO_PASSWORD, '10.50.0.1', other)).toBe('OK');
    await failRepeatedly(owner, 9, '203.0.114');
    const cookie = other.cookie('kp_device')!;
    const [v, nonce, mac] = cookie.split('.');
    for (const forged of [cookie, `${v}.${nonce}.${mac.slice(0, -2)}AA`, `${v}.AAAAAAAAAAAAAAAAAAAAAA.${mac}`, 'v1.x.y', 'rubbish']) {
      const c = t.client({ 'x-forwarded-for': '10.50.0.2' });
      c.setCookie('kp_device', forged);
      expect(await attempt(owner, DEMO_PASSWORD, '10.50.0.2', c)).toBe('TOO_MANY_ATTEMPTS');
    }
  });

  it('slows one address trying many accounts, not the accounts from elsewhere, and gives the same answer for an account that does not exist', async () => {
    for (let i = 0; i < 30; i++) expect(await attempt(`orang${i}@kupang.demo`, 'salah', '10.9.9.9')).toBe('INVALID_CREDENTIALS');
    expect(await attempt('admin@kupang.demo', DEMO_PASSWORD, '10.9.9.9')).toBe('TOO_MANY_ATTEMPTS');
    expect(await attempt('admin@kupang.demo', DEMO_PASSWORD, '10.3.3.3')).toBe('OK');
    for (let i = 0; i < 5; i++) expect(await attempt('hantu@kupang.demo', 'salah', `10.60.0.${i}`)).toBe('INVALID_CREDENTIALS');
    expect(await attempt('hantu@kupang.demo', 'salah', '10.60.0.9')).toBe('TOO_MANY_ATTEMPTS');
  });

  it('keeps no phone number, e-mail or address in the counters', async () => {
    const rows = await t.sql<{ bucket: string }>('select bucket from sign_in_failure');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => !/^(login|ip|device):[0-9a-f]{64}$/.test(r.bucket))).toEqual([]);
  });

  it('lets only one guess through when many arrive at the same moment after the delay', async () => {
    const login = 'oebobo@kupang.demo';
    await failRepeatedly(login, 5, '10.70.0');
    await waitOut();
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => attempt(login, `tebakan-${i}`, `10.71.0.${i}`)));
    expect(answers.filter((a) => a === 'INVALID_CREDENTIALS')).toHaveLength(1);
    expect(answers.filter((a) => a === 'TOO_MANY_ATTEMPTS')).toHaveLength(7);
  });
});
