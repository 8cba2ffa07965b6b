import { describe, expect, it } from 'vitest';
import { newPhonePage, queryDatabase, signInWithForm, unlabelledControls, usePortalAndBrowser } from './harness';

const app = usePortalAndBrowser();

const DEMO_ACCOUNTS = [
  { login: 'admin@kupang.demo', fullName: 'Admin Kota Kupang', home: '/admin', role: 'Administrator' },
  { login: 'program@kupang.demo', fullName: 'Maria Ndolu', home: '/program', role: 'Staf program Ina Kasih' },
  { login: 'oebobo@kupang.demo', fullName: 'Yosef Bria', home: '/program', role: 'Staf program Ina Kasih' },
  { login: 'pasar@kupang.demo', fullName: 'Agustina Lay', home: '/pasar', role: 'Staf pasar SABOAK KOEPAN' },
  { login: '081234560001', fullName: 'Mama Yuliana Bana', home: '/usaha', role: 'Pelaku UMKM' },
  { login: 'mitra@kupang.demo', fullName: 'Daniel Riwu', home: '/mitra', role: 'Mitra CSR' },
];

describe('signing in and out', () => {
  it.each(DEMO_ACCOUNTS)('$login lands on $home, signs out, and is sent back to sign in', async ({ login, fullName, home, role }) => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.goto('/masuk');
    await signInWithForm(page, login);
    await page.waitForURL(`**${home}`);

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Selamat datang, ${fullName}`);
    await expect(page.getByText(`Peran: ${role}`).isVisible()).resolves.toBe(true);
    await expect(page.locator('header').getByText(fullName).isVisible()).resolves.toBe(true);
    const session = (await page.context().cookies()).find((c) => c.name === 'kp_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    await page.locator('header').getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL('**/masuk');
    expect((await page.context().cookies()).some((c) => c.name === 'kp_session')).toBe(false);

    await page.goto(home);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/masuk');
    expect(url.searchParams.get('next')).toBe(home);
    await page.context().close();
  });

  it('shows a program officer limited to some kelurahan their work area', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.goto('/masuk');
    await signInWithForm(page, 'oebobo@kupang.demo');
    await page.waitForURL('**/program');
    await expect(page.getByText('Wilayah kerja:').textContent()).resolves.toMatch(/Oebobo.*Oebufu|Oebufu.*Oebobo/);
    await page.context().close();
  });

  it('shows a wrong password beside the field, in Bahasa Indonesia', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.goto('/masuk');
    await expect(unlabelledControls(page)).resolves.toEqual([]);
    await signInWithForm(page, 'pasar@kupang.demo', 'salah-sandi');

    const error = page.locator('.field-error', { hasText: 'Nomor HP/e-mail atau kata sandi salah.' });
    await error.waitFor();
    expect(new URL(page.url()).pathname).toBe('/masuk');
    await expect(page.getByLabel('Kata sandi').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Nomor HP atau e-mail').inputValue()).resolves.toBe('pasar@kupang.demo');
    await page.context().close();
  });

  it('lets the owner in on her usual phone while someone elsewhere keeps guessing her password', async () => {
    const login = 'mitra@kupang.demo';
    const herPhone = await newPhonePage(app.browser, app.portal);
    await herPhone.goto('/masuk');
    await signInWithForm(herPhone, login);
    await herPhone.waitForURL('**/mitra');
    const device = (await herPhone.context().cookies()).find((c) => c.name === 'kp_device');
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(device!.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 24 * 3600);
    await herPhone.locator('header').getByRole('button', { name: 'Keluar' }).click();
    await herPhone.waitForURL('**/masuk');

    // Another phone guesses until it is made to wait (the delays double after five failures) ...
    const other = await newPhonePage(app.browser, app.portal);
    const refusal = other.locator('.field-error', { hasText: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam' });
    for (let i = 0; i < 10 && !(await refusal.count()); i++) {
      await other.goto('/masuk');
      await signInWithForm(other, login, `tebakan-${i}`);
      await other.locator('.field-error').first().waitFor();
    }
    await expect(refusal.count()).resolves.toBe(1);
    // ... and keeps guessing for a while (its wait now runs for minutes): a phone she never used waits too ...
    const guessed = `(select bucket from sign_in_failure where bucket like 'login:%' order by last_failure_at desc limit 1)`;
    await queryDatabase(app.portal, `update sign_in_failure set blocked_until = now() + interval '10 minutes' where bucket = ${guessed}`);
    await other.goto('/masuk');
    await signInWithForm(other, login);
    await refusal.waitFor();
    await other.context().close();
    // ... but her usual phone gets straight in.
    await signInWithForm(herPhone, login);
    await herPhone.waitForURL('**/mitra');
    await herPhone.context().close();
    await queryDatabase(app.portal, 'delete from sign_in_failure'); // the other phone gave up: the next tests start afresh
  });

  it('works without JavaScript and returns to the page asked for', async () => {
    const page = await newPhonePage(app.browser, app.portal, { javaScriptEnabled: false });
    await page.goto('/usaha');
    expect(new URL(page.url()).pathname).toBe('/masuk');

    await signInWithForm(page, '081234560001');
    await page.waitForURL('**/usaha');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Selamat datang, Mama Yuliana Bana');

    await page.locator('header').getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL('**/masuk');
    await page.context().close();
  });

  it('keeps what someone typed while the page was still loading (slow mobile data)', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.route('**/_app/immutable/entry/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto('/masuk');
    await page.getByLabel('Nomor HP atau e-mail').fill('pasar@kupang.demo');
    await page.getByLabel('Kata sandi').fill('kupang2026');
    await page.waitForLoadState('networkidle');

    await expect(page.getByLabel('Nomor HP atau e-mail').inputValue()).resolves.toBe('pasar@kupang.demo');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL('**/pasar');
    await page.context().close();
  });

  it('treats a session the API no longer knows as expired: cookie cleared, asked to sign in again', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.context().addCookies([{ name: 'kp_session', value: 'no-such-session', url: app.portal.url, httpOnly: true, sameSite: 'Lax' }]);
    await page.goto('/pasar');

    const url = new URL(page.url());
    expect(url.pathname).toBe('/masuk');
    expect(url.searchParams.get('next')).toBe('/pasar');
    await expect(page.getByText('Sesi Anda telah berakhir. Silakan masuk kembali.').isVisible()).resolves.toBe(true);
    expect((await page.context().cookies()).some((c) => c.name === 'kp_session')).toBe(false);
    await page.context().close();
  });
});
