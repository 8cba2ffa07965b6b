import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app';
import type { GraphqlClient } from '../../test/graphql-client';

describe('abusive queries are refused before they reach the database', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin@kupang.demo');
  });
  afterAll(() => t?.close());

  const deep = '{ regions(level: KELURAHAN) { parent { parent { parent { children { children { children { children { name } } } } } } } } }';
  const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
  const costly = `{ ${Array.from({ length: 15 }, (_, i) => `u${i}: users(first: 100) { nodes { id fullName email phone role } }`).join(' ')} }`;
  const tokens = `{ me { ${Array.from({ length: 2100 }, () => 'id').join(' ')} } }`;

  it.each([
    ['too deep', deep, /nested 9 levels deep; at most 7/],
    ['too many aliases', aliases, /16 aliases; at most 15/],
    ['too costly', costly, /would cost \d+; at most 5000/],
    ['too many tokens', tokens, /more that 2000 tokens/],
  ])('refuses a query that is %s, running no SQL beyond the session look-up', async (_, query, message) => {
    const r = await admin.request(query);
    expect(r.data).toBeFalsy();
    expect(r.errors?.[0].message).toMatch(message);
    expect(r.sqlStatements).toBeLessThanOrEqual(1);
  });

  // Every option GraphiQL, Apollo Sandbox and graphql-codegen may ask for: the deepest standard query.
  const introspection = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });

  it('answers the standard introspection query in development, whole enough to rebuild the schema', async () => {
    const r = await t.client().request(introspection);
    expect(r.errors).toBeUndefined();
    const schema = buildClientSchema(r.data as unknown as IntrospectionQuery);
    expect(printSchema(schema)).toContain('type MarketDay');
    expect(r.sqlStatements).toBe(0);
  });

  it('still bounds a data query that carries an introspection field beside it', async () => {
    const r = await admin.request(`{ __schema { queryType { name } } ${deep.slice(1, -1)} }`);
    expect(r.data).toBeFalsy();
    expect(r.errors?.[0].message).toMatch(/nested 9 levels deep; at most 7/);
  });

  it('gives no field suggestions that would reveal the schema', async () => {
    const r = await t.client().request('{ mee { id } }');
    expect(r.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('refuses batched requests', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('refuses a cross-site simple request (CSRF prevention)', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
  });

  it('never shows SQL or internals: a database constraint violation is a clean CONFLICT', async () => {
    await admin.ok('mutation { createPartner(input: { name: "Mitra Uji" }) { partner { id } } }');
    // Bypass the service check to reach the unique index, as a race between two servers would.
    const r = await admin.request('mutation { a: createPartner(input: { name: "Mitra Uji" }) { userErrors { code } } }');
    expect(JSON.stringify(r)).not.toMatch(/insert into|violates|duplicate key|partner_name_unique/i);
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t?.close());

  it.each([
    ['a short', '{ __schema { types { name } } }'],
    ['the standard', getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true })],
  ])('turns introspection off: %s introspection query is refused', async (_, query) => {
    const r = await t.client().request(query);
    expect(r.errors?.some((e) => /introspection/i.test(e.message))).toBe(true);
    expect(r.data).toBeFalsy();
  });

  it('sends Strict-Transport-Security when cookies are Secure (HTTPS deployments)', async () => {
    expect((await fetch(`${t.url}/healthz`)).headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('marks the session cookie Secure', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { signIn(input: { login: "admin@kupang.demo", password: "kupang2026" }) { userErrors { code } } }' }),
    });
    expect(res.headers.getSetCookie()[0]).toMatch(/; Secure/);
  });
});
