import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPhonePage, usePortalAndBrowser } from './harness';
import { signInAs } from './pages';

// Saturday 5 December 2026, 09.00 WITA: next weekend's booking window is open (a day to allocate).
const SATURDAY_9_WITA = '2026-12-05T01:00:00Z';

const app = usePortalAndBrowser({ marketClock: SATURDAY_9_WITA });

/** Weak signal, so the long work is long enough to be seen. */
async function slowNetwork(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 800, downloadThroughput: 4 * 1024, uploadThroughput: 4 * 1024 });
}

describe('long work shows progress', () => {
  it('a partner sees the report download progress, then gets the file', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await signInAs(page, 'mitra@kupang.demo');
    await page.goto('/mitra/dana');
    await slowNetwork(page);
    const downloaded = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('link', { name: 'Unduh XLSX' }).click();
    const bar = page.getByRole('progressbar', { name: 'Menyiapkan dan mengunduh laporan' });
    await bar.waitFor();
    await page.getByRole('status').filter({ hasText: /% selesai|Sedang diproses/ }).first().waitFor();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^dampak-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await bar.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('staff see the allocation working after closing the booking window', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await signInAs(page, 'pasar@kupang.demo');
    await page.goto('/pasar/hari');
    await page.getByRole('link', { name: 'Sabtu, 12 Desember 2026' }).click();
    await page.waitForURL(/\/pasar\/hari\/[0-9a-f-]+$/);
    await slowNetwork(page);
    await page.getByRole('button', { name: 'Tutup pemesanan dan bagi lapak sekarang' }).click();
    await page.getByRole('progressbar', { name: 'Membagi lapak secara bergiliran…' }).waitFor();
    await page.getByText('Lapak sudah dibagi.').waitFor({ timeout: 60_000 });
    await page.context().close();
  });
});
