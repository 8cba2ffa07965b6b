import { describe, expect, it } from 'vitest';
import { newPhonePage, signInWithForm, usePortalAndBrowser } from './harness';

const app = usePortalAndBrowser();

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('installable portal', () => {
  it('links a valid web app manifest with real icons of the sizes it names', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.goto('/');
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    const response = await fetch(new URL(href!, app.portal.url));
    expect(response.headers.get('content-type')).toMatch(/application\/manifest\+json|application\/json/);
    const manifest = await response.json();
    expect(manifest).toMatchObject({ short_name: 'Kupang Peduli', start_url: '/', scope: '/', display: 'standalone', lang: 'id', theme_color: '#8a1c4a' });
    expect(manifest.name.length).toBeGreaterThan(0);
    const purposes = new Set<string>();
    for (const icon of manifest.icons as { src: string; sizes: string; type: string; purpose: string }[]) {
      const file = await fetch(new URL(icon.src, app.portal.url));
      expect(file.status, icon.src).toBe(200);
      const [w, h] = icon.sizes.split('x').map(Number);
      expect(pngSize(new Uint8Array(await file.arrayBuffer()))).toEqual({ width: w, height: h });
      purposes.add(icon.purpose);
    }
    // Chromium installs with a 192 and a 512 icon; Android masks the maskable one.
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect([...purposes].sort()).toEqual(['any', 'maskable']);
    await page.context().close();
  });

  it('registers a service worker that controls the page, and shows the offline page when a navigation fails', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.goto('/');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${app.portal.url}/`);

    await page.context().setOffline(true);
    await page.goto('/pasar-akhir-pekan');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Tidak ada sambungan');
    await expect(page.getByRole('heading', { level: 2, name: 'No connection' }).isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).pathname).toBe('/pasar-akhir-pekan');
    // It stays put (no scripts to fail and reload it over and over).
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await page.waitForTimeout(1500);
    expect(navigations).toBe(0);

    // Back online, the same address loads the real page.
    await page.context().setOffline(false);
    await page.getByRole('link', { name: /Coba lagi/ }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent !== 'Tidak ada sambungan');
    expect(new URL(page.url()).pathname).toBe('/pasar-akhir-pekan');
    await page.context().close();
  });

  it('keeps no page data or API answer; pages only in their own cache, which a sign-out empties', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.goto('/masuk');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await signInWithForm(page, '081234560001');
    await page.waitForURL('**/usaha');
    await page.goto('/usaha/pasar');
    await page.goto('/usaha/riwayat');
    const cachedUrls = () =>
      page.evaluate(async () => {
        const byCache: Record<string, string[]> = {};
        for (const name of await caches.keys()) {
          byCache[name.startsWith('kupang-shell-') ? 'shell' : name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
        }
        const offline = await caches.match('/offline');
        return { byCache, offlineHtml: offline ? await offline.text() : '' };
      });
    // A page is kept just after it is shown (the service worker writes it while the page loads).
    await expect.poll(async () => (await cachedUrls()).byCache['kupang-pages'] ?? []).toEqual(expect.arrayContaining(['/usaha/pasar', '/usaha/riwayat']));
    const cached = await cachedUrls();
    expect(cached.byCache.shell).toContain('/offline');
    const notShell = cached.byCache.shell.filter((u) => u !== '/offline' && !u.startsWith('/_app/immutable/') && !/^\/(icons\/|manifest\.webmanifest|favicon\.svg)/.test(u));
    expect(notShell).toEqual([]);
    expect(cached.offlineHtml).not.toContain('Yuliana');
    expect(cached.offlineHtml).toContain('Masuk');
    // Her pages, as HTML only: no page data, no API answer.
    expect(cached.byCache['kupang-pages']).toEqual(expect.arrayContaining(['/usaha/pasar', '/usaha/riwayat']));
    expect(cached.byCache['kupang-pages'].filter((u) => u.includes('__data.json') || u.startsWith('/graphql'))).toEqual([]);

    // A reload without signal shows the page as last loaded, not the offline page.
    await page.context().setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.not.toBe('Tidak ada sambungan');
    expect(await page.locator('main').innerText()).toContain('Riwayat');
    // A page she never opened still gets the offline page.
    await page.goto('/usaha/pelatihan');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Tidak ada sambungan');
    await page.context().setOffline(false);

    // Signed out: her pages are gone from the phone; the next person offline sees the offline page.
    await page.goto('/usaha/riwayat');
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL('**/masuk');
    await expect.poll(async () => (await cachedUrls()).byCache['kupang-pages'] ?? []).not.toContain('/usaha/riwayat');
    await page.context().setOffline(true);
    await page.goto('/usaha/riwayat');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Tidak ada sambungan');
    await page.context().close();
  });
});
