import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { hydrated, queryDatabase, usePortalAndBrowser } from './harness';

/**
 * Market staff at closing time and at the gate (issue #18): a checked-in vendor's turnover in at
 * most 3 taps from the staff home, on a 360 × 740 phone in both languages; check-in by scanning
 * the code on the vendor's booking (the camera and BarcodeDetector are stood in for: headless
 * Chromium has neither).
 */
// Saturday 5 December 2026, 15.00 WITA.
const SATURDAY_15_WITA = '2026-12-05T07:00:00Z';
const TODAY = '2026-12-05';
const app = usePortalAndBrowser({ marketClock: SATURDAY_15_WITA });

let checkedIn: { id: string; name: string }[];

beforeAll(async () => {
  checkedIn = await queryDatabase<{ id: string; name: string }>(
    app.portal,
    `update market_booking b set status = 'CHECKED_IN', checked_in_at = now() from market_vendor v, market_day d
      where v.id = b.vendor_id and d.id = b.market_day_id and d.date = $1 and b.status = 'CONFIRMED' and v.phone <> '+6281234560001'
        and b.id in (select b2.id from market_booking b2 join market_day d2 on d2.id = b2.market_day_id where d2.date = $1 and b2.status = 'CONFIRMED' order by b2.requested_at limit 2)
      returning v.id, v.business_name as name`,
    [TODAY],
  );
  expect(checkedIn).toHaveLength(2);
});

const inView = (locator: Locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  });

/** The account keeps the language chosen last (another test may have left it in English): choose it every time. */
async function inLanguage(page: Page, locale: 'id' | 'en'): Promise<void> {
  await page.goto('/bahasa');
  await page.locator('main').getByRole('button', { name: locale === 'en' ? 'English' : 'Bahasa Indonesia' }).click();
  await page.waitForLoadState('networkidle');
}

const T = {
  id: { home: 'Catat omzet hari ini', amount: 'Omzet (Rp)', save: 'Simpan omzet', saved: /Omzet .* tersimpan/ },
  en: { home: 'Record today’s turnover', amount: 'Turnover (Rp)', save: 'Save turnover', saved: /Turnover of .* saved/ },
};

describe('market staff: a checked-in vendor’s turnover in at most 3 taps from home', () => {
  it.each([['id', 0, '1.250.000', 1_250_000], ['en', 1, '875000', 875_000]] as const)('%s', async (locale, index, typed, stored) => {
    const vendor = checkedIn[index];
    const page = await app.signedIn('pasar@kupang.demo');
    await inLanguage(page, locale);
    await page.goto('/pasar');
    await hydrated(page);
    let taps = 0;
    const tap = async (target: Locator) => { taps++; await target.click(); };
    await tap(page.getByRole('link', { name: T[locale].home }));
    await page.waitForURL(/\/pasar\/omzet\?hari=/);
    await hydrated(page);
    const card = page.locator(`[data-vendor="${vendor.name}"]`);
    const amount = card.getByLabel(T[locale].amount);
    await tap(amount);
    await amount.fill(typed);
    await tap(card.getByRole('button', { name: new RegExp(T[locale].save) }));
    const saved = page.getByRole('status').filter({ hasText: T[locale].saved });
    await saved.waitFor();
    expect(taps).toBeLessThanOrEqual(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const rows = await queryDatabase<{ amount: string }>(
      app.portal,
      `select t.amount::text as amount from turnover_report t join market_day d on d.id = t.market_day_id where t.vendor_id = $1 and d.date = $2`,
      [vendor.id, TODAY],
    );
    expect(rows).toEqual([{ amount: String(stored) }]);
    await page.context().close();
  });
});

describe('check-in by scanning the code on the vendor’s booking', () => {
  it('the vendor’s confirmed stall shows a code that holds only the booking number; scanning it on the day board checks her in', async () => {
    // The demo vendor holds a confirmed stall today.
    const [booking] = await queryDatabase<{ id: string }>(
      app.portal,
      `insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at)
       select gen_random_uuid(), now(), now(), d.id, v.id, s.id, 'CONFIRMED', now()
         from market_day d, market_vendor v, market_stall s
        where d.date = $1 and v.phone = '+6281234560001'
          and not exists (select 1 from market_booking x where x.market_day_id = d.id and x.vendor_id = v.id)
          and s.id not in (select stall_id from market_booking where market_day_id = d.id and stall_id is not null)
        order by s.zone desc, s.position desc limit 1
       returning id`,
      [TODAY],
    );
    expect(booking).toBeDefined();
    const vendor = await app.signedIn('081234560001');
    await vendor.goto('/usaha/pasar');
    const svg = vendor.locator(`[data-date="${TODAY}"] [data-booking-code]`);
    const code = await svg.getAttribute('data-booking-code');
    expect(code).toBe(`SABOAK:${booking.id}`); // the booking number, nothing about her
    expect(await svg.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    await vendor.locator(`[data-date="${TODAY}"] .booking-code summary`).click();
    expect(await svg.isVisible()).toBe(true);
    expect(await seriousViolations(vendor)).toEqual([]);
    await vendor.context().close();

    const staff = await app.signedIn('pasar@kupang.demo');
    await staff.addInitScript((scanned: string) => {
      const stream = () => {
        const canvas = document.createElement('canvas');
        canvas.width = 4;
        canvas.height = 4;
        canvas.getContext('2d')!.fillRect(0, 0, 4, 4);
        return canvas.captureStream();
      };
      Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia: async () => stream() } });
      (window as unknown as { BarcodeDetector: unknown }).BarcodeDetector = class {
        async detect() {
          return [{ rawValue: scanned }];
        }
      };
    }, code!);
    await inLanguage(staff, 'id');
    const [day] = await queryDatabase<{ id: string }>(app.portal, `select id from market_day where date = $1`, [TODAY]);
    await staff.goto(`/pasar/hari/${day.id}`);
    await hydrated(staff);
    expect(await seriousViolations(staff)).toEqual([]);
    await staff.getByRole('button', { name: 'Pindai kode pemesanan' }).click();
    await staff.getByRole('status').filter({ hasText: /hadir/ }).waitFor();
    expect(await queryDatabase(app.portal, `select status from market_booking where id = $1`, [booking.id])).toEqual([{ status: 'CHECKED_IN' }]);
    await staff.context().close();
  });

  it('without BarcodeDetector the board shows no scanner and the tap stays', async () => {
    const staff = await app.signedIn('pasar@kupang.demo');
    await inLanguage(staff, 'id');
    const [day] = await queryDatabase<{ id: string }>(app.portal, `select id from market_day where date = $1`, [TODAY]);
    await staff.goto(`/pasar/hari/${day.id}`);
    await hydrated(staff);
    expect(await staff.getByRole('button', { name: 'Pindai kode pemesanan' }).count()).toBe(0);
    expect(await staff.getByRole('button', { name: /^Catat .* hadir$/ }).count()).toBeGreaterThan(0);
    await staff.context().close();
  });
});
