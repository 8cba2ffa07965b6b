import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPhonePage, signInWithForm, startPortal, unlabelledControls, type RunningPortal } from './harness';

let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('partner: funds and impact', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPhonePage(browser, portal);
    await page.goto('/masuk');
    await signInWithForm(page, 'mitra@kupang.demo');
    await page.waitForURL('**/mitra');
  });

  it('opens the dashboard from the menu: own sources, leverage and the market’s impact, no personal data', async () => {
    await page.getByRole('link', { name: 'Dana & dampak' }).click();
    await page.getByRole('heading', { name: 'Dana dan dampak' }).waitFor();
    const body = (await page.locator('main').textContent()) ?? (await page.textContent('body'))!;
    expect(body).toContain('CSR Bank Flobamora');
    expect(body).not.toContain('Sahabat Perempuan'); // another partner's source
    expect(body).toContain('Daya ungkit dana');
    expect(body).toContain('Lapak-hari per kategori usaha');
    expect(body).not.toMatch(/\+628\d{8,}/); // no phone numbers
    expect(body).not.toContain('Mama Yuliana'); // no vendor owner names
    await expect(unlabelledControls(page)).resolves.toEqual([]);
  });

  it('changes the period with the form (no JavaScript needed) and keeps it in the address', async () => {
    await page.getByLabel('Dari bulan').selectOption('2');
    await page.getByLabel('Sampai bulan').selectOption('4');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(/from=2&to=4/);
    const months = await page.locator('caption', { hasText: 'Lapak-hari per kategori usaha' }).locator('xpath=..').locator('thead th').allTextContents();
    expect(months.slice(1, -1)).toEqual([expect.stringMatching(/-02$/), expect.stringMatching(/-03$/), expect.stringMatching(/-04$/)]);
  });

  it('downloads the report as XLSX for the chosen period', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh XLSX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^dampak-\d{4}-02-04\.xlsx$/);
    const file = await readFile((await download.path())!);
    expect(file.subarray(0, 2).toString()).toBe('PK'); // a zip container, as XLSX is
    const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as never);
    expect(book.worksheets.map((w) => w.name)).toContain('Dampak SABOAK KOEPAN');
    const sheet = book.getWorksheet('Dampak SABOAK KOEPAN')!;
    expect(sheet.rowCount).toBe(4); // header + February to April
  });

  it('shows a print-ready report', async () => {
    await page.goto('/mitra/cetak?year=2026&from=1&to=12');
    await page.getByRole('heading', { name: /Laporan dampak untuk Bank Flobamora/ }).waitFor();
  });
});

describe('administrator: funding ledger', () => {
  it('records a disbursement with the form and reverses it once', async () => {
    const page = await newPhonePage(browser, portal);
    await page.goto('/masuk');
    await signInWithForm(page, 'admin@kupang.demo');
    await page.waitForURL('**/admin');
    await page.getByRole('link', { name: 'Dana' }).click();
    await page.getByRole('heading', { name: 'Sumber dana dan transaksi' }).waitFor();
    const year = new Date().getFullYear();
    await page.getByLabel('Jumlah (Rp)').fill('0');
    await page.getByLabel('Tanggal').fill(`${year}-06-15`);
    await page.getByRole('button', { name: 'Catat', exact: true }).click();
    await page.locator('.field-error', { hasText: 'Jumlah harus rupiah bulat' }).waitFor();
    await page.getByLabel('Jumlah (Rp)').fill('12.345.000');
    await page.getByLabel('Tanggal').fill(`${year}-06-15`);
    await page.getByRole('button', { name: 'Catat', exact: true }).click();
    await page.getByText('Transaksi tercatat.').waitFor();
    const card = page.locator('li.card', { hasText: '12.345.000' }).first();
    await card.getByLabel('Alasan pembatalan').fill('Uji pembatalan');
    await card.getByRole('button', { name: 'Batalkan' }).click();
    await page.getByText('Transaksi sudah dibatalkan dengan baris pembalik.').waitFor();
    await expect(page.locator('li.card', { hasText: 'Uji pembatalan' }).count()).resolves.toBe(1);
    await expect(unlabelledControls(page)).resolves.toEqual([]);
  });
});
