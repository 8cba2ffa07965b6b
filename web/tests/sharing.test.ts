import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPhonePage, queryDatabase, usePortalAndBrowser } from './harness';
import { signInAs } from './pages';

// Saturday 5 December 2026, 09.00 WITA: today's market has booked vendors; next weekend is open for requests.
const SATURDAY_9_WITA = '2026-12-05T01:00:00Z';

const app = usePortalAndBrowser({ marketClock: SATURDAY_9_WITA });

/** The text a wa.me link would put in the message box, and the number it goes to ('' = person chooses). */
function waMessage(href: string | null): { number: string; text: string } {
  const url = new URL(href!);
  expect(url.origin).toBe('https://wa.me');
  return { number: url.pathname.slice(1), text: url.searchParams.get('text') ?? '' };
}

async function shareHref(page: Page, scope = page.locator('main')): Promise<string | null> {
  return scope.getByRole('link', { name: /WhatsApp/ }).first().getAttribute('href');
}

describe('sharing on WhatsApp', () => {
  it('the public market page has a share link with the coming market day and the page address', async () => {
    const page = await newPhonePage(app.browser, app.portal, { javaScriptEnabled: false });
    await page.goto('/pasar-akhir-pekan');
    const link = page.getByRole('link', { name: 'Bagikan lewat WhatsApp' });
    expect(await link.getAttribute('target')).toBe('_blank');
    const { number, text } = waMessage(await link.getAttribute('href'));
    expect(number).toBe('');
    expect(text).toMatch(/^Pasar SABOAK KOEPAN di Taman Nostalgia, Sabtu, 5 Desember 2026\. Info dan daftar lapak: http:\/\/127\.0\.0\.1:\d+\/pasar-akhir-pekan$/);
    await page.context().close();
  });

  it('a vendor sends her booking on WhatsApp from the booking page and from her history', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await signInAs(page, '081234560001');
    await page.goto('/usaha/pasar');
    const day = page.locator('li[data-date="2026-12-12"]');
    await day.getByRole('button', { name: 'Minta lapak' }).click();
    const link = day.getByRole('link', { name: 'Bagikan lewat WhatsApp: info lapak Sabtu, 12 Desember 2026' });
    await link.waitFor();
    const booking = waMessage(await link.getAttribute('href'));
    expect(booking.number).toBe('');
    expect(booking.text).toMatch(/^Lapak saya di pasar SABOAK KOEPAN: Sabtu, 12 Desember 2026, Menunggu pembagian.*\/pasar-akhir-pekan$/);

    await page.goto('/usaha/riwayat');
    const fromHistory = waMessage(await page.getByRole('link', { name: 'Bagikan lewat WhatsApp: info lapak Sabtu, 12 Desember 2026' }).getAttribute('href'));
    expect(fromHistory.text).toBe(booking.text);
    await page.context().close();
  });

  it('staff send a booked vendor a reminder to her own number; the board holds no phone numbers and each use is audited', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await signInAs(page, 'pasar@kupang.demo');
    await page.goto('/pasar/hari');
    await page.getByRole('link', { name: 'Sabtu, 5 Desember 2026' }).click();
    await page.waitForURL(/\/pasar\/hari\/[0-9a-f-]+$/);
    expect(await page.locator('main').innerHTML()).not.toMatch(/\+628\d{8,}|wa\.me\/62/);

    const remind = page.getByRole('link', { name: /^Ingatkan \(WhatsApp\): pengingat ke / }).first();
    const name = (await remind.getAttribute('aria-label'))!.replace('Ingatkan (WhatsApp): pengingat ke ', '');
    const card = page.locator('li.card', { has: remind });
    const stall = (await card.locator('strong').first().textContent())!.replace(' ★', '').trim();
    const href = await remind.getAttribute('href');
    const before = await queryDatabase<{ n: string }>(app.portal, "select count(*) as n from audit_entry where action = 'market.vendor.list'");

    const response = await page.request.get(href!, { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    const { number, text } = waMessage(response.headers()['location']);
    const [vendor] = await queryDatabase<{ phone: string; owner_name: string }>(app.portal, 'select phone, owner_name from market_vendor where business_name = $1', [name]);
    expect(number).toBe(vendor.phone.slice(1));
    expect(text).toBe(
      `Halo ${vendor.owner_name}, pengingat dari pasar SABOAK KOEPAN: Anda berjualan di lapak ${stall}, Taman Nostalgia, Sabtu, 5 Desember 2026. Mohon lapor hadir (check-in) ke petugas sebelum 16.00 WITA. Terima kasih!`,
    );
    const after = await queryDatabase<{ n: string }>(app.portal, "select count(*) as n from audit_entry where action = 'market.vendor.list'");
    expect(Number(after[0].n)).toBe(Number(before[0].n) + 1);

    // A vendor cannot use the reminder address.
    const vendorPage = await newPhonePage(app.browser, app.portal);
    await signInAs(vendorPage, '081234560001');
    expect((await vendorPage.request.get(href!, { maxRedirects: 0 })).status()).toBe(403);
    await vendorPage.context().close();
    await page.context().close();
  });
});
