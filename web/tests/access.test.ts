import { describe, expect, it } from 'vitest';
import { newPhonePage, signInWithForm, usePortalAndBrowser } from './harness';

const app = usePortalAndBrowser();

describe('role areas', () => {
  it('gives a vendor visiting /admin the forbidden page', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.goto('/masuk');
    await signInWithForm(page, '081234560001');
    await page.waitForURL('**/usaha');

    const response = await page.goto('/admin');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Akses ditolak');
    await expect(page.getByText('Halaman ini tidak tersedia untuk peran Anda.').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Kembali ke beranda Anda' }).getAttribute('href')).resolves.toBe('/usaha');
    await page.context().close();
  });

  it('lets an administrator open both staff areas but not the vendor area', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.goto('/masuk');
    await signInWithForm(page, 'admin@kupang.demo');
    await page.waitForURL('**/admin');

    for (const path of ['/program', '/pasar']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
    }
    expect((await page.goto('/usaha'))?.status()).toBe(403);
    await page.context().close();
  });

  it('keeps market staff out of the program area', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.goto('/masuk?next=%2Fprogram');
    await signInWithForm(page, 'pasar@kupang.demo');
    await page.waitForURL('**/program');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Akses ditolak');
    await page.context().close();
  });

  it('ignores a next address on another site', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.goto('/masuk?next=%2F%2Fevil.example%2F');
    await signInWithForm(page, 'mitra@kupang.demo');
    await page.waitForURL('**/mitra');
    expect(new URL(page.url()).host).toBe(new URL(app.portal.url).host);
    await page.context().close();
  });

  it('sends a strict Content-Security-Policy that the pages keep to', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    const response = await page.goto('/masuk');
    const csp = (await response?.headerValue('content-security-policy')) ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");

    // Sign in and move between pages on the client, so the router and its announcer run too.
    await page.waitForLoadState('networkidle');
    await signInWithForm(page, 'admin@kupang.demo');
    await page.waitForURL('**/admin');
    await page.getByRole('link', { name: 'Program Ina Kasih' }).click();
    await page.waitForURL('**/program');
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
