import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hydrated, newPhonePage, queryDatabase, signInWithForm, unlabelledControls, usePortalAndBrowser } from './harness';

// Saturday 5 December 2026, 09.00 WITA: next Saturday's window is open for stall requests.
const SATURDAY_9_WITA = '2026-12-05T01:00:00Z';
const app = usePortalAndBrowser({ marketClock: SATURDAY_9_WITA });

const PHONE = '081299990077';
const PASSWORD = 'hapus-data-2026';
const BUSINESS = 'Se’i Babi Mama Orpa';

/** One GraphQL call to the running portal, with a session cookie when given; returns data and the cookie it set. */
async function api(query: string, variables: Record<string, unknown> = {}, cookie?: string): Promise<{ data: any; cookie?: string }> {
  const res = await fetch(`${app.portal.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const set = res.headers.getSetCookie().find((c) => c.startsWith('kp_session='));
  const body = (await res.json()) as { data: any; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { data: body.data, cookie: set?.split(';')[0] };
}

/** Reads a download's text. */
async function text(download: import('playwright-core').Download): Promise<string> {
  return (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
}

/** No sideways scrolling at 360 px, read in one evaluate. */
const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('a person’s own data in the browser: staff download theirs; a vendor downloads hers and erases it', () => {
  let vendor: Page;
  let vendorId: string;

  it('a staff member downloads her account data from “Data saya”, in English too', async () => {
    const page = await app.signedIn('program@kupang.demo');
    await page.goto('/program');
    await hydrated(page);
    await page.locator('nav.section-nav').getByRole('link', { name: 'Data saya' }).click();
    await page.waitForURL('**/akun/data');
    await page.getByRole('heading', { name: 'Data saya', level: 1 }).waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
    expect(await fits(page)).toBe(true);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh data saya (CSV)' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^data-saya-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await text(csv)).toContain('akun,1,email,program@kupang.demo');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My data', level: 1 }).waitFor();
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my data (JSON)' }).click()]);
    expect(JSON.parse(await text(json)).account[0]).toMatchObject({ email: 'program@kupang.demo', role: 'PROGRAM_STAFF' });
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'id');
    const [{ n }] = await queryDatabase<{ n: number }>(app.portal, `select count(*)::int as n from audit_entry where action = 'account.export' and actor_role = 'PROGRAM_STAFF'`);
    expect(n).toBe(2);
    await page.context().close();
  });

  it('a vendor downloads her data: business, bookings and turnover with her account', async () => {
    await api(`mutation($i: RegisterVendorInput!) { registerVendor(input: $i) { vendorCode } }`, {
      i: { businessName: BUSINESS, ownerName: 'Orpa Lenggu', phone: PHONE, password: PASSWORD, category: 'KULINER', products: "Se'i babi", kelurahanCode: '53.71.02.1004' },
    });
    const staff = (await api(`mutation { signIn(input: { login: "pasar@kupang.demo", password: "kupang2026" }) { user { id } } }`)).cookie;
    [{ id: vendorId }] = await queryDatabase<{ id: string }>(app.portal, `select id from market_vendor where phone = '+6281299990077'`);
    await api(`mutation($i: DecideVendorInput!) { decideVendor(input: $i) { vendor { status } } }`, { i: { vendorId, decision: 'APPROVE' } }, staff);

    vendor = await newPhonePage(app.browser, app.portal);
    await vendor.goto('/masuk');
    await signInWithForm(vendor, PHONE, PASSWORD);
    await vendor.waitForURL('**/usaha');
    await hydrated(vendor);
    await vendor.locator('nav.section-nav').getByRole('link', { name: 'Data saya' }).click();
    await vendor.waitForURL('**/usaha/data');
    await vendor.getByRole('heading', { name: 'Hapus data saya' }).waitFor();
    expect(await unlabelledControls(vendor)).toEqual([]);
    expect(await fits(vendor)).toBe(true);
    const [json] = await Promise.all([vendor.waitForEvent('download'), vendor.getByRole('button', { name: 'Unduh data saya (JSON)' }).click()]);
    const doc = JSON.parse(await text(json));
    expect(doc.business[0]).toMatchObject({ businessName: BUSINESS, ownerName: 'Orpa Lenggu', phone: '+6281299990077' });
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['account', 'business', 'bookings', 'consents', 'turnover', 'trainings', 'mentoring']));
  });

  it('asks her to cancel a coming booking first, then erases her data; she is told what is kept and cannot sign in again', async () => {
    // A stall requested for next Saturday stops the erasure until she cancels it.
    const [{ id: dayId }] = await queryDatabase<{ id: string }>(app.portal, `select id from market_day where date = '2026-12-12'`);
    const request = await vendor.request.post('/graphql', { data: { query: `mutation($i: RequestStallInput!) { requestStall(input: $i) { booking { id } } }`, variables: { i: { marketDayId: dayId } } } });
    const bookingId = ((await request.json()) as any).data.requestStall.booking.id;

    await vendor.getByLabel('Kata sandi Anda').fill(PASSWORD);
    await vendor.getByLabel(/Saya sudah membaca apa yang dihapus/).check();
    await vendor.getByRole('button', { name: 'Hapus data saya sekarang' }).click();
    await vendor.getByText(/Anda masih terdaftar di pasar pada Sabtu, 12 Desember 2026/).waitFor();
    expect(await fits(vendor)).toBe(true);
    expect(await queryDatabase(app.portal, `select erased_at from market_vendor where id = $1`, [vendorId])).toEqual([{ erased_at: null }]);

    await vendor.request.post('/graphql', { data: { query: `mutation($i: BookingRefInput!) { cancelBooking(input: $i) { booking { id } } }`, variables: { i: { bookingId } } } });
    await vendor.goto('/usaha/data');
    await vendor.getByLabel('Kata sandi Anda').fill(PASSWORD);
    await vendor.getByLabel(/Saya sudah membaca apa yang dihapus/).check();
    await vendor.getByRole('button', { name: 'Hapus data saya sekarang' }).click();
    await vendor.waitForURL('**/data-dihapus');
    await vendor.getByRole('heading', { name: 'Data Anda sudah dihapus' }).waitFor();
    await vendor.getByText('Yang disimpan, tanpa nama Anda, dan mengapa').waitFor();
    await vendor.getByRole('link', { name: 'Masuk' }).waitFor(); // signed out: the header offers sign-in
    expect(await fits(vendor)).toBe(true);
    expect(await queryDatabase(app.portal, `select business_name, owner_name, phone, erased_at is not null as erased from market_vendor where id = $1`, [vendorId])).toEqual([
      { business_name: '—', owner_name: '—', phone: null, erased: true },
    ]);

    await vendor.goto('/masuk');
    await signInWithForm(vendor, PHONE, PASSWORD);
    await vendor.getByText(/salah/).first().waitFor();
    expect(new URL(vendor.url()).pathname).toBe('/masuk');
    await vendor.context().close();
  });

  it('shows the demo vendor the same page in English, with what is erased and what is kept', async () => {
    const page = await app.signedIn('081234560001');
    await page.goto('/usaha/data');
    await hydrated(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Erase my data' }).waitFor();
    await page.getByText('What is kept, without your name, and why').waitFor();
    await page.getByRole('button', { name: 'Erase my data now' }).waitFor();
    expect(await fits(page)).toBe(true);
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'id');
    await page.context().close();
  });
});
