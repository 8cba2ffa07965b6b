import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphqlClient } from '../../test/graphql-client';
import { startTestApp, type TestApp } from '../../test/test-app';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from '../../test/test-database';
import { RATE_LIMIT_WINDOW_SECONDS } from '../graphql/rate-limit';
import { MAX_BODY_BYTES } from './graphql-handler';

const NO_OP = 'mutation { setUserActive(input: { userId: "00000000-0000-4000-8000-000000000000", active: true }) { userErrors { code } } }';

async function raw(url: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const res = await fetch(url, { method: 'POST', ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body };
}

describe('the HTTP edge: headers and body size', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it.each(['/graphql', '/healthz', '/nothing-here'])('sends the security headers on %s', async (p) => {
    const res = await fetch(`${t.url}${p}`, p === '/graphql' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' } : {});
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security')).toBeNull(); // only with COOKIE_SECURE (HTTPS)
    if (p === '/graphql') expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a body over 1 MB with 413 and a clear message in Bahasa Indonesia (English on request), changing nothing', async () => {
    const before = await t.fingerprint();
    const body = JSON.stringify({ query: NO_OP, variables: { pad: 'x'.repeat(MAX_BODY_BYTES) } });
    const id = await raw(`${t.url}/graphql`, { body });
    expect(id.status).toBe(413);
    expect(id.body.errors[0]).toEqual({ message: expect.stringContaining('Permintaan terlalu besar'), extensions: { code: 'REQUEST_TOO_LARGE' } });
    const en = await raw(`${t.url}/graphql`, { body, headers: { 'accept-language': 'en-US' } });
    expect(en.body.errors[0].message).toMatch(/^Request too large/);
    expect(await t.fingerprint()).toEqual(before);
  });

  it('refuses a body that is not JSON with 400 and a clear message', async () => {
    const r = await raw(`${t.url}/graphql`, { body: '{"query": ' });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].message).toMatch(/JSON tidak valid/);
  });

  it('refuses a mutation sent by GET (no writes through links or image tags)', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent(NO_OP)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(405);
  });
});

describe.runIf(requireRealPostgres('rate limits shared by two server processes'))('rate limits per address and per account, shared by two processes (real PostgreSQL)', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  const env = { RATE_LIMIT_ACCOUNT_PER_MINUTE: '6', RATE_LIMIT_ADDRESS_PER_MINUTE: '10' };
  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestApp(env, { database: { url: db.url, drop: async () => undefined } });
    b = await startTestApp(env, { database: { url: db.url, drop: async () => undefined } });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('counts writes from one address over both processes and refuses the 11th with 429, Retry-After and a clear message', async () => {
    const from = { 'x-forwarded-for': '203.0.113.7' }; // the loopback is a trusted proxy, as the portal is
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await (i % 2 ? a : b).client(from).request('mutation { signOut { signedOut } }');
      statuses.push(r.status);
    }
    expect(statuses).toEqual(Array(10).fill(200));
    const refused = await a.client(from).request('mutation { signOut { signedOut } }');
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('Terlalu banyak perubahan'), extensions: { code: 'RATE_LIMITED' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(RATE_LIMIT_WINDOW_SECONDS);
    expect(refused.sqlStatements).toBeLessThanOrEqual(2); // session look-up and the counter: no resolver ran
    const english = await b.client({ ...from, 'accept-language': 'en' }).request('mutation { signOut { signedOut } }');
    expect(english.errors?.[0].message).toMatch(/^Too many changes/);
    // Reads are not counted; another address is not affected.
    expect((await a.client(from).request('{ __typename }')).status).toBe(200);
    expect((await a.client({ 'x-forwarded-for': '203.0.113.8' }).request('mutation { signOut { signedOut } }')).status).toBe(200);
  });

  it('limits one account whatever address it comes from, counting each aliased write, and a new window lets it write again', async () => {
    const admin = await a.as('admin@kupang.demo');
    const twoWrites = `mutation { x: setUserActive(input: { userId: "00000000-0000-4000-8000-000000000000", active: true }) { userErrors { code } } y: setUserActive(input: { userId: "00000000-0000-4000-8000-000000000000", active: true }) { userErrors { code } } }`;
    // The sign-in itself counted for its address, not for the account (nobody was signed in yet).
    const from = (url: string, i: number) => {
      const c = new GraphqlClient(url, { 'x-forwarded-for': `198.51.100.${i}` });
      c.setCookie('kp_session', admin.cookie('kp_session')!);
      return c;
    };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await from(i % 2 ? a.url : b.url, 10 + i).request(twoWrites)).status);
    expect(statuses).toEqual([200, 200, 200]); // 6 writes from three addresses over two processes
    const seventh = await from(a.url, 20).request(NO_OP);
    expect(seventh.status).toBe(429);
    expect(seventh.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect((await from(b.url, 21).ok<{ me: { role: string } }>('{ me { role } }')).me.role).toBe('ADMIN'); // reads still work
    await a.sql(`update api_edge.rate_limit set window_start = now() - interval '61 seconds'`);
    expect((await from(a.url, 22).request(NO_OP)).status).toBe(200);
  });
});
