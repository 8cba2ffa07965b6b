import type { GraphqlClient } from './graphql-client';
import type { TestApp } from './test-app';

/** Test helpers for the market: registering and approving vendors through the real API. */
export const REGISTER = `mutation($i: RegisterVendorInput!) { registerVendor(input: $i) { received vendorId vendorCode status userErrors { code field message } } }`;
export const DECIDE = `mutation($i: DecideVendorInput!) { decideVendor(input: $i) { vendor { id code status } userErrors { code field message } } }`;
export const REQUEST = `mutation($i: RequestStallInput!) { requestStall(input: $i) { booking { id status stall { code prime } explanation waitlistPosition } userErrors { code field message } } }`;
export const CANCEL = `mutation($i: BookingRefInput!) { cancelBooking(input: $i) { booking { id status } userErrors { code field message } } }`;
export const CLOSE = `mutation($i: MarketDayRefInput!) { closeBookingWindow(input: $i) { marketDay { id status } userErrors { code message } } }`;
export const ADD_DAY = `mutation($i: AddMarketDayInput!) { addMarketDay(input: $i) { marketDay { id date status } userErrors { code field message } } }`;

export const PASSWORD = 'mama-pasar-2026';

export const phoneOf = (n: number) => `0813${String(70000000 + n).padStart(8, '0')}`;
/** A phone as stored (+628…), from 08… with or without spaces. */
export const e164 = (phone: string) => `+62${phone.replace(/\s/g, '').slice(1)}`;

/** Registers and approves `count` vendors (numbers from `start`); returns their ids and phones. */
export async function approvedVendors(t: TestApp, staff: GraphqlClient, start: number, count: number, category = 'KULINER'): Promise<{ id: string; phone: string }[]> {
  const out: { id: string; phone: string }[] = [];
  for (let n = start; n < start + count; n++) {
    const phone = phoneOf(n);
    const r = await t.client().ok<any>(REGISTER, {
      i: { businessName: `Usaha Mama ${n}`, ownerName: `Mama ${n}`, phone, password: PASSWORD, category, products: "Se'i sapi", kelurahanCode: '53.71.02.1004', publicConsent: n % 2 === 0 },
    });
    if (r.registerVendor.userErrors.length) throw new Error(JSON.stringify(r.registerVendor.userErrors));
    const [{ id }] = await t.sql(`select id from market_vendor where phone = ?`, [e164(phone)]);
    const d = await staff.ok<any>(DECIDE, { i: { vendorId: id, decision: 'APPROVE' } });
    if (d.decideVendor.userErrors.length) throw new Error(JSON.stringify(d.decideVendor.userErrors));
    out.push({ id, phone });
  }
  return out;
}

export async function signedIn(t: TestApp, phone: string): Promise<GraphqlClient> {
  const c = t.client();
  await c.signIn(phone, PASSWORD);
  return c;
}

/** Makes sure stalls A-01…A-0n exist (the demo layout already has them). */
export async function ensureStalls(staff: GraphqlClient, n: number): Promise<void> {
  const { marketStalls } = await staff.ok<any>('{ marketStalls { code } }');
  const have = new Set(marketStalls.map((s: { code: string }) => s.code));
  for (let p = 1; p <= n; p++) {
    if (have.has(`A-${String(p).padStart(2, '0')}`)) continue;
    const r = await staff.ok<any>('mutation($i: SaveStallInput!) { saveStall(input: $i) { userErrors { code } } }', { i: { zone: 'A', position: p, prime: p === 1 } });
    if (r.saveStall.userErrors.length) throw new Error(JSON.stringify(r.saveStall.userErrors));
  }
}

/**
 * Many approved vendors at once, straight into the database, each with an open session: signing
 * in 600 accounts through argon2 would take minutes and test nothing of the market.
 */
export async function bulkVendors(t: Pick<TestApp, 'sql'>, start: number, count: number): Promise<{ vendorId: string; userId: string; token: string }[]> {
  const { createHash, randomBytes, randomUUID } = await import('node:crypto');
  const rows = Array.from({ length: count }, (_, i) => {
    const token = randomBytes(24).toString('base64url');
    return { n: start + i, vendorId: randomUUID(), userId: randomUUID(), token, tokenHash: createHash('sha256').update(token).digest('hex') };
  });
  const json = JSON.stringify(rows.map((r) => ({ ...r, phone: `+62${phoneOf(r.n).slice(1)}` })));
  await t.sql(
    `insert into app_user (id, created_at, updated_at, full_name, phone, password_hash, role)
     select (x->>'userId')::uuid, now(), now(), 'Mama ' || (x->>'n'), x->>'phone', 'x', 'VENDOR' from jsonb_array_elements(?::jsonb) x`,
    [json],
  );
  await t.sql(
    `insert into market_vendor (id, created_at, updated_at, user_id, business_name, owner_name, phone, category, products, kelurahan_code, status)
     select (x->>'vendorId')::uuid, now(), now(), (x->>'userId')::uuid, 'Usaha ' || (x->>'n'), 'Mama ' || (x->>'n'), x->>'phone',
            (array['KULINER','MINUMAN','OLEH_OLEH','TENUN_FESYEN','KRIYA','HERBAL','RUMAH_TANGGA','JASA'])[1 + (x->>'n')::int % 8], 'Kue', '53.71.02.1004', 'APPROVED'
       from jsonb_array_elements(?::jsonb) x`,
    [json],
  );
  await t.sql(
    `insert into session (token_hash, user_id, created_at, expires_at) select x->>'tokenHash', (x->>'userId')::uuid, now(), now() + interval '1 day' from jsonb_array_elements(?::jsonb) x`,
    [json],
  );
  return rows.map((r) => ({ vendorId: r.vendorId, userId: r.userId, token: r.token }));
}
