import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPhonePage, usePortalAndBrowser } from './harness';
import { MAIN_PAGES, resolvePath, signInAs, VENDOR_PAGES } from './pages';

/**
 * The first load of the vendor pages on a cheap phone over weak mobile data: Chromium's
 * network emulation at slow-3G speed (400 kbit/s each way, 400 ms round trip), an empty cache.
 * Counts the JavaScript bytes that crossed the network (compressed, as sent) and the time from
 * the first request until the last file of the page arrived (HTML, CSS and every script, so the
 * page is usable). Prints a table (the README's figures come from it).
 */
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };
const JS_BUDGET_BYTES = 100 * 1024;

const app = usePortalAndBrowser();

interface FirstLoad {
  path: string;
  jsBytes: number;
  jsFiles: number;
  allBytes: number;
  loadMs: number;
}

/** Loads `path` cold over slow 3G and adds up what came over the network. */
async function firstLoad(page: Page, path: string): Promise<FirstLoad> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // The service worker registered at sign-in would answer from its cache: measure the network.
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  const types = new Map<string, string>();
  const sizes = new Map<string, number>();
  let firstRequest = Infinity;
  let lastFinished = 0;
  cdp.on('Network.requestWillBeSent', (e) => (firstRequest = Math.min(firstRequest, e.timestamp)));
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    sizes.set(e.requestId, e.encodedDataLength);
    lastFinished = Math.max(lastFinished, e.timestamp);
  });
  await page.goto(path, { waitUntil: 'load', timeout: 120_000 });
  // The scripts the page imports to become interactive (hydration) may finish after the load event.
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  const loadMs = Math.round((lastFinished - firstRequest) * 1000);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await cdp.detach();
  let jsBytes = 0;
  let jsFiles = 0;
  let allBytes = 0;
  for (const [id, bytes] of sizes) {
    allBytes += bytes;
    if (types.get(id) === 'Script') {
      jsBytes += bytes;
      jsFiles++;
    }
  }
  return { path, jsBytes, jsFiles, allBytes, loadMs };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

describe('light pages on a cheap phone', () => {
  it(
    'ships under 100 KB of compressed JavaScript on the first load of each vendor page (slow 3G)',
    async () => {
      const results: FirstLoad[] = [];
      for (const path of VENDOR_PAGES) {
        const page = await newPhonePage(app.browser, app.portal);
        // Signed in (unthrottled) where the page needs it; the measured load starts from an empty cache.
        if (path.startsWith('/usaha')) await signInAs(page, '081234560001');
        results.push(await firstLoad(page, path));
        await page.context().close();
      }
      console.log(
        ['| Page | JS KB compressed (files) | all KB | ready on slow 3G |', '|---|---|---|---|']
          .concat(results.map((r) => `| \`${r.path}\` | ${kb(r.jsBytes)} (${r.jsFiles}) | ${kb(r.allBytes)} | ${(r.loadMs / 1000).toFixed(1)} s |`))
          .join('\n'),
      );
      const over = results.filter((r) => r.jsBytes > JS_BUDGET_BYTES).map((r) => `${r.path}: ${kb(r.jsBytes)} KB`);
      expect(over).toEqual([]);
      // Something was measured: every page runs its scripts.
      for (const r of results) expect(r.jsFiles, r.path).toBeGreaterThan(0);
    },
    600_000,
  );

  it(
    'fits a 360 px wide screen: no sideways scrolling on the main pages of any role',
    async () => {
      const wide: string[] = [];
      for (const { login, paths } of MAIN_PAGES) {
        const page = await newPhonePage(app.browser, app.portal);
        await signInAs(page, login);
        for (const raw of paths) {
          const path = await resolvePath(page, raw);
          await page.goto(path);
          const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
          if (scrollWidth > width) wide.push(`${path}: ${scrollWidth}px`);
        }
        await page.context().close();
      }
      expect(wide).toEqual([]);
    },
    300_000,
  );
});
