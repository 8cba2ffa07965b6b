import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { queryDatabase, unlabelledControls, usePortalAndBrowser } from './harness';

const app = usePortalAndBrowser();

/** Switches the interface language with the header's button (the choice is kept on the account). */
async function speak(page: Page, locale: 'id' | 'en') {
  if ((await page.locator('html').getAttribute('lang')) === locale) return;
  await page.getByRole('button', { name: locale === 'en' ? 'English' : 'Bahasa Indonesia' }).first().click();
  await page.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
}

/** What a person must never read: ISO dates or months, enum codes, untranslated keys. */
async function expectReadable(page: Page) {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/\b\d{4}-\d{2}(-\d{2})?\b/);
  expect(text).not.toMatch(/\b(PROGRAM_STAFF|MARKET_STAFF|LEADERSHIP|ADMIN|PARTNER|VENDOR|CSR_|INA_KASIH|SABOAK_KOEPAN)\b/);
  expect(text).not.toMatch(/\b(admin|city)\.[a-z]+\.[a-zA-Z_.]+/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expect(unlabelledControls(page)).resolves.toEqual([]);
}

const TEXT = {
  id: { accounts: 'Akun', trail: 'Jejak audit', search: 'Cari nama, e-mail atau nomor HP', find: 'Cari', deactivate: 'Nonaktifkan', done: 'dinonaktifkan', kind: 'Jenis tindakan', group: 'Akun dan masuk', show: 'Tampilkan', action: 'Akun dinonaktifkan', by: 'oleh Admin Kota Kupang (Administrator)', reactivate: 'Aktifkan kembali' },
  en: { accounts: 'Accounts', trail: 'Audit trail', search: 'Search name, e-mail or phone number', find: 'Search', deactivate: 'Deactivate', done: 'is deactivated', kind: 'Kind of action', group: 'Accounts and sign-ins', show: 'Show', action: 'Account deactivated', by: 'by Admin Kota Kupang (Administrator)', reactivate: 'Reactivate' },
} as const;

describe.each([
  ['id', 'pasar@kupang.demo', 'Agustina Lay'],
  ['en', 'mitra@kupang.demo', 'Daniel Riwu'],
] as const)('administrator (%s): deactivates an account and finds it in the audit trail', (locale, login, name) => {
  const w = TEXT[locale];
  it(`ends ${name}'s sessions at once and shows who did it, when, in words`, async () => {
    const theirs = await app.signedIn(login);
    const admin = await app.signedIn('admin@kupang.demo');
    await speak(admin, locale);
    await admin.getByRole('navigation').getByRole('link', { name: w.accounts, exact: true }).click();
    await admin.getByLabel(w.search).fill(name);
    await admin.getByRole('button', { name: w.find, exact: true }).click();
    await admin.waitForURL(/q=/);
    await expectReadable(admin);
    const card = admin.locator('li.account', { hasText: name });
    await card.getByRole('button', { name: w.deactivate }).click();
    await admin.getByRole('status').filter({ hasText: w.done }).waitFor();
    await card.getByRole('button', { name: w.reactivate }).waitFor();

    // Their open session is over at once: the next page asks them to sign in.
    await theirs.reload();
    await theirs.waitForURL(/\/masuk/);
    const [{ live }] = await queryDatabase<{ live: number }>(app.portal, `select count(*)::int as live from session s join app_user u on u.id = s.user_id where (u.email = $1) and s.revoked_at is null`, [login]);
    expect(live).toBe(0);

    await admin.getByRole('navigation').getByRole('link', { name: w.trail }).click();
    await admin.getByLabel(w.kind).selectOption({ label: w.group });
    await admin.getByRole('button', { name: w.show, exact: true }).click();
    await admin.waitForURL(/aksi=accounts/);
    const entry = admin.locator('li.trail-entry', { hasText: w.action }).first();
    await expect(entry.innerText()).resolves.toContain(w.by);
    await expect(entry.innerText()).resolves.toMatch(/\d{1,2} \w{3} \d{4}, \d{2}\.\d{2} WITA/);
    await expectReadable(admin);
    await theirs.context().close();
    await admin.context().close();
  });
});

describe.each(['id', 'en'] as const)('city leadership (%s): downloads the city report and opens the print view', (locale) => {
  const T = {
    id: { title: 'Capaian program Kota Kupang', xlsx: 'Unduh laporan (XLSX)', csv: 'Unduh CSV', print: 'Versi cetak satu halaman', months: 'Per bulan', printTitle: 'Laporan capaian program Kota Kupang' },
    en: { title: 'Kota Kupang program results', xlsx: 'Download the report (XLSX)', csv: 'Download CSV', print: 'One-page print version', months: 'By month', printTitle: 'Report on the programs of Kota Kupang' },
  }[locale];

  it('lands on the dashboard, downloads XLSX and CSV, and prints one A4 page', async () => {
    const page = await app.signedIn('leadership@kupang.demo');
    expect(new URL(page.url()).pathname).toBe('/kota');
    await speak(page, locale);
    await page.getByRole('heading', { level: 1, name: T.title }).waitFor();
    await expectReadable(page);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: T.xlsx }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^laporan-kota-\d{4}-01-12\.xlsx$/);
    const file = await readFile((await xlsx.path())!);
    const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as never);
    const months = book.getWorksheet(T.months)!;
    expect(months.rowCount).toBe(13); // header + twelve months, named as people read them
    expect(String(months.getRow(2).getCell(1).value)).not.toMatch(/^\d{4}-\d{2}$/);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: T.csv }).click()]);
    const text = await readFile((await csv.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(T.months);
    expect(text).not.toMatch(/Mama |@kupang\.demo|\+628/); // figures only

    await page.getByRole('link', { name: T.print }).click();
    await page.waitForURL(/\/kota\/cetak/);
    await page.getByRole('heading', { level: 1, name: T.printTitle }).waitFor();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header').first().isVisible()).resolves.toBe(false);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await page.context().close();
  });
});

describe('administrator: resets a vendor’s password', () => {
  it('gives a temporary password once from the accounts page; her old session ends and the new one leads to choosing her own', async () => {
    const vendor = await app.signedIn('081234560001');
    const admin = await app.signedIn('admin@kupang.demo');
    await speak(admin, 'id'); // an earlier test left the account in English
    await admin.goto('/admin/akun?q=Yuliana');
    const card = admin.locator('li.account', { hasText: 'Mama Yuliana Bana' });
    await card.getByRole('button', { name: 'Atur ulang kata sandi Mama Yuliana Bana' }).click();
    await admin.getByRole('status').filter({ hasText: 'Kata sandi Mama Yuliana Bana sudah diatur ulang' }).waitFor();
    const temporary = (await admin.locator('.temporary-password strong').innerText()).trim();
    expect(temporary).toMatch(/^\S{6,}$/);
    await vendor.reload();
    await vendor.waitForURL(/\/masuk/);
    const again = await app.signedIn('081234560001', temporary);
    expect(new URL(again.url()).pathname).toBe('/akun/kata-sandi');
    for (const p of [vendor, admin, again]) await p.context().close();
  });
});

describe('administrator: partners and the entitlement rule', () => {
  it('edits a partner’s contact (a bad number is refused beside its field) and sets next month’s rule, shown in its history', async () => {
    const admin = await app.signedIn('admin@kupang.demo');
    await speak(admin, 'id');
    await admin.getByRole('navigation').getByRole('link', { name: 'Mitra CSR' }).click();
    const bank = admin.locator('li.partner', { hasText: 'Bank Flobamora (demo)' });
    await bank.getByText('Ubah kontak Bank Flobamora (demo)').click();
    await bank.getByLabel('Nama kontak', { exact: true }).fill('Yohana Sine');
    await bank.getByLabel('Nomor HP kontak', { exact: true }).fill('12345');
    await bank.getByRole('button', { name: 'Simpan kontak' }).click();
    await bank.locator('.field-error', { hasText: 'Nomor HP' }).waitFor();
    await bank.getByLabel('Nomor HP kontak', { exact: true }).fill('0811-0000-1111');
    await bank.getByRole('button', { name: 'Simpan kontak' }).click();
    await admin.getByRole('status').filter({ hasText: 'Kontak Bank Flobamora (demo) sudah disimpan.' }).waitFor();
    await expect(bank.innerText()).resolves.toContain('+6281100001111');
    await expectReadable(admin);

    await admin.getByRole('navigation').getByRole('link', { name: 'Aturan hak paket' }).click();
    const next = new Date(Date.now() + 8 * 3600_000);
    next.setUTCDate(1);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const month = next.toISOString().slice(0, 7);
    const monthText = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(next);
    await admin.getByLabel('Berlaku mulai bulan').fill(month);
    await admin.getByLabel('Paket per perempuan per bulan').fill('3');
    await admin.getByLabel('Alasan (mis. nomor SK)').fill('SK Wali Kota uji');
    await admin.getByRole('button', { name: 'Simpan aturan baru' }).click();
    await admin.getByRole('status').filter({ hasText: `Aturan baru disimpan: 3 paket per perempuan per bulan mulai ${monthText}.` }).waitFor();
    await expect(admin.locator('table').first().innerText()).resolves.toContain(monthText);
    await expectReadable(admin);
    await admin.context().close();
  });
});

describe('the city dashboard and the leadership role', () => {
  it('shows a kelurahan-limited officer her own kelurahan and says so', async () => {
    const officer = await app.signedIn('oebobo@kupang.demo');
    await officer.goto('/kota');
    await expect(officer.getByRole('note').innerText()).resolves.toMatch(/^Angka Ina Kasih hanya untuk wilayah kerja Anda: .+/);
    await expectReadable(officer);
    await officer.context().close();
  });

  it('is refused to vendors, and leadership cannot open the staff, partner or admin pages', async () => {
    const vendor = await app.signedIn('081234560002'); // another demo vendor: 0001's password was reset above
    const response = await vendor.goto('/kota');
    expect(response?.status()).toBe(403);
    const leader = await app.signedIn('leadership@kupang.demo');
    for (const path of ['/admin', '/program', '/pasar', '/mitra']) expect((await leader.goto(path))?.status(), path).toBe(403);
    await vendor.context().close();
    await leader.context().close();
  });
});
