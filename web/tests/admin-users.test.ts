import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newPhonePage, signInWithForm, unlabelledControls, usePortalAndBrowser } from './harness';

const app = usePortalAndBrowser();
let page: Page;

beforeAll(async () => {
  page = await newPhonePage(app.browser, app.portal);
  await page.goto('/masuk');
  await signInWithForm(page, 'admin@kupang.demo');
  await page.waitForURL('**/admin');
});

const userRows = () => page.locator('table tbody tr');
/** "Menampilkan 20 dari 47 akun.": the demo data of the features adds accounts (e.g. market vendors). */
const accountTotal = async () => Number((await page.getByText(/^Menampilkan \d+ dari \d+ akun\.$/).textContent())!.match(/dari (\d+)/)![1]);
let total = 0;

describe('administrator home', () => {
  it('lists the accounts with their roles in words', async () => {
    total = await accountTotal();
    expect(total).toBeGreaterThanOrEqual(6);
    const vendorRow = userRows().filter({ hasText: 'Pelaku UMKM' }).first();
    await expect(vendorRow.textContent()).resolves.toMatch(/Pelaku UMKM.*\+628\d+.*Aktif/);
    await expect(unlabelledControls(page)).resolves.toEqual([]);
  });

  it('shows the API’s field errors beside the fields and keeps what was typed', async () => {
    await page.getByLabel('Nama lengkap').fill('Mama Ester Lado');
    await page.getByLabel('Nomor HP').fill('12345');
    await page.getByLabel('Peran').selectOption('VENDOR');
    await page.getByLabel('Kata sandi awal').fill('pendek');
    await page.getByRole('button', { name: 'Buat akun' }).click();

    await page.locator('.field-error', { hasText: 'Nomor HP tidak valid' }).waitFor();
    await expect(page.getByText('Kata sandi minimal 8 karakter.').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Nomor HP').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Nama lengkap').inputValue()).resolves.toBe('Mama Ester Lado');
    await expect(accountTotal()).resolves.toBe(total);
  });

  it('creates an account that then appears in the list', async () => {
    await page.getByLabel('Nama lengkap').fill('Mama Ester Lado');
    await page.getByLabel('Nomor HP').fill('0812 3456 0099');
    await page.getByLabel('Peran').selectOption('VENDOR');
    await page.getByLabel('Kata sandi awal').fill('sandi-awal-123');
    await page.getByRole('button', { name: 'Buat akun' }).click();

    await page.getByText('Akun Mama Ester Lado sudah dibuat.').waitFor();
    await expect(accountTotal()).resolves.toBe(total + 1);
    await expect(userRows().filter({ hasText: 'Mama Ester Lado' }).textContent()).resolves.toContain('+6281234560099');
    await expect(page.getByLabel('Nama lengkap').inputValue()).resolves.toBe('');
  });

  it('lets the new account sign in', async () => {
    const other = await newPhonePage(app.browser, app.portal);
    await other.goto('/masuk');
    await signInWithForm(other, '081234560099', 'sandi-awal-123');
    await other.waitForURL('**/usaha');
    await expect(other.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Selamat datang, Mama Ester Lado');
    await other.context().close();
  });
});
