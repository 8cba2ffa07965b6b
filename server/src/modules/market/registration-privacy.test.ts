import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import type { GraphqlClient } from '../../../test/graphql-client';
import { DECIDE, e164, PASSWORD, REGISTER } from '../../../test/market.fixtures';

const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { user { id } userErrors { code field message } } }';
const form = (phone: string, n: number) => ({
  businessName: `Dapur Rahasia ${n}`,
  ownerName: `Mama Rahasia ${n}`,
  phone,
  password: PASSWORD,
  category: 'KULINER',
  products: "Se'i sapi",
  kelurahanCode: '53.71.02.1004',
  idempotencyKey: `rahasia-${n}-${Math.random().toString(36).slice(2, 10)}`,
});

/** The whole HTTP answer an anonymous caller gets: status, headers (but the date) and the body, byte for byte. */
async function rawRegister(t: TestApp, input: Record<string, unknown>): Promise<{ status: number; headers: [string, string][]; body: string }> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: REGISTER, variables: { i: input } }),
  });
  const headers = [...res.headers].filter(([name]) => !['date', 'x-request-id'].includes(name)).sort();
  return { status: res.status, headers, body: await res.text() };
}

/**
 * Public registration does not tell a stranger whether a phone number is registered, on a server
 * configured as in production (where no statement count is sent).
 */
describe('registerVendor reveals nothing about who is registered (production configuration, real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let staff: GraphqlClient;
  beforeAll(async () => {
    // Production as deployed: no demo data; the first administrator (who manages the market too).
    t = await startTestApp({ NODE_ENV: 'production', COOKIE_SECURE: 'false', SEED_DEMO: 'never', ADMIN_EMAIL: 'admin@kota.test', ADMIN_PASSWORD: 'rahasia-admin-2026' });
    staff = t.client();
    await staff.signIn('admin@kota.test', 'rahasia-admin-2026');
  });
  afterAll(() => t?.close());

  it('answers an anonymous caller byte for byte the same for a new number, a pending one, an approved vendor’s and a staff account’s number', async () => {
    const pending = '0813 5550 0001';
    await t.client().ok(REGISTER, { i: form(pending, 1) });
    const approved = '0813 5550 0002';
    await t.client().ok(REGISTER, { i: form(approved, 2) });
    const [{ id }] = await t.sql(`select id from market_vendor where phone = ?`, [e164(approved)]);
    await staff.ok(DECIDE, { i: { vendorId: id, decision: 'APPROVE' } });
    await t.sql(`update app_user set phone = '+6281355500077' where email = 'admin@kota.test'`);

    const same = { ...form('', 9), idempotencyKey: undefined };
    const fresh = await rawRegister(t, { ...same, phone: '0813 5550 0003' });
    expect(fresh.status).toBe(200);
    expect(JSON.parse(fresh.body)).toEqual({ data: { registerVendor: { received: true, vendorId: null, vendorCode: null, status: 'PENDING', userErrors: [] } } });
    expect(fresh.headers.map(([name]) => name)).not.toContain('x-sql-statements');
    for (const known of [pending, approved, '081355500077']) {
      expect(await rawRegister(t, { ...same, phone: known })).toEqual(fresh);
    }
    // The new number was stored; the known ones were not touched.
    expect(await t.sql(`select count(*)::int as n from market_vendor where business_name = 'Dapur Rahasia 9'`)).toEqual([{ n: 1 }]);
    // Staff see in the trail that someone tried a known number, and no value of the form.
    const tries = await t.sql(`select after from audit_entry where action = 'market.vendor.register_known_phone'`);
    expect(tries).toHaveLength(3);
    expect(JSON.stringify(tries)).not.toMatch(/Rahasia|5550/);
  });

  it('gives market staff (here the administrator) the vendor’s id and number', async () => {
    const r = await staff.ok<any>(REGISTER, { i: form('0813 5550 0004', 4) });
    const [row] = await t.sql(`select id, code from market_vendor where phone = ?`, [e164('0813 5550 0004')]);
    expect(r.registerVendor).toEqual({ received: true, vendorId: row.id, vendorCode: row.code, status: 'PENDING', userErrors: [] });
    expect(row.code).toMatch(/^UMKM-\d{5}$/);
  });

  it('tells a vendor awaiting approval so when she signs in with her own password, and nobody else', async () => {
    const phone = '0813 5550 0005';
    await t.client().ok(REGISTER, { i: form(phone, 5) });
    const right = await t.client().ok<any>(SIGN_IN, { i: { login: phone, password: PASSWORD } });
    expect(right.signIn).toEqual({
      user: null,
      userErrors: [{ code: 'REGISTRATION_PENDING', field: ['input', 'login'], message: expect.stringContaining('menunggu persetujuan') }],
    });
    const wrong = await t.client().ok<any>(SIGN_IN, { i: { login: phone, password: 'bukan-sandinya' } });
    const unknown = await t.client().ok<any>(SIGN_IN, { i: { login: '0813 5550 0999', password: 'bukan-sandinya' } });
    expect(wrong.signIn).toEqual(unknown.signIn);
    expect(wrong.signIn.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    // Once approved she simply signs in.
    const [{ id }] = await t.sql(`select id from market_vendor where phone = ?`, [e164(phone)]);
    await staff.ok(DECIDE, { i: { vendorId: id, decision: 'APPROVE' } });
    expect((await t.client().ok<any>(SIGN_IN, { i: { login: phone, password: PASSWORD } })).signIn.userErrors).toEqual([]);
  });
});
