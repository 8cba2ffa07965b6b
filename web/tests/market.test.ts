import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPhonePage, signInWithForm, unlabelledControls, usePortalAndBrowser } from './harness';

// The market's clock starts on Saturday 5 December 2026, 09.00 WITA: today is a market day with
// bookings (check-in works), and the next weekend's window is open.
const SATURDAY_9_WITA = '2026-12-05T01:00:00Z';

const app = usePortalAndBrowser({ marketClock: SATURDAY_9_WITA });

const card = (page: Page, date: string) => page.locator(`li[data-date="${date}"]`);

describe('SABOAK KOEPAN in the browser: a mother registers, is approved, books; staff allocate and check her in', () => {
  let vendor: Page;
  let staff: Page;

  it('she registers her business from a phone, without JavaScript', async () => {
    const page = await newPhonePage(app.browser, app.portal, { javaScriptEnabled: false });
    await page.goto('/daftar-usaha');
    await expect(unlabelledControls(page)).resolves.toEqual([]);
    await page.getByLabel('Nama usaha', { exact: true }).fill('Kue Cucur Mama Ester');
    await page.getByLabel('Nama pemilik').fill('Ester Lado');
    await page.getByLabel('Nomor HP (WhatsApp)').fill('0812 9999 0001');
    await page.getByLabel('Kata sandi', { exact: true }).fill('kue-cucur-2026');
    await page.getByLabel('Yang Anda jual').fill('Kue cucur dan kue rambut');
    await page.getByLabel('Kelurahan').selectOption({ label: 'Naimata' });
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await page.getByText(/Pendaftaran Anda sudah kami terima dan menunggu pemeriksaan staf pasar/).waitFor();
    await page.context().close();
  });

  it('market staff approve her', async () => {
    staff = await newPhonePage(app.browser, app.portal);
    await staff.goto('/masuk');
    await signInWithForm(staff, 'pasar@kupang.demo');
    await staff.waitForURL('**/pasar');
    await staff.goto('/pasar/pedagang');
    await staff.getByRole('button', { name: 'Setujui Kue Cucur Mama Ester' }).click();
    await staff.getByText('Kue Cucur Mama Ester: Disetujui.').waitFor();
  });

  it('she signs in with her phone and requests a stall for next Saturday and for today', async () => {
    vendor = await newPhonePage(app.browser, app.portal);
    await vendor.goto('/masuk');
    await signInWithForm(vendor, '081299990001', 'kue-cucur-2026');
    await vendor.waitForURL('**/usaha');
    await vendor.goto('/usaha/pasar');
    await expect(unlabelledControls(vendor)).resolves.toEqual([]);
    await card(vendor, '2026-12-12').getByRole('button', { name: 'Minta lapak' }).click();
    await vendor.getByText('Permintaan Anda tersimpan.').waitFor();
    await expect(card(vendor, '2026-12-12').textContent()).resolves.toContain('Menunggu pembagian');
    // Today the stalls were shared out already: a free one is hers at once.
    await card(vendor, '2026-12-05').getByRole('button', { name: 'Minta lapak' }).click();
    // The form is upgraded in place (offline outbox): the notice is already showing, so wait for the card.
    await expect.poll(() => card(vendor, '2026-12-05').textContent()).toMatch(/Dapat lapak · Lapak [A-E]-\d\d/);
  });

  it('staff close next Saturday’s window; she sees her stall and why she got it', async () => {
    await staff.goto('/pasar/hari');
    await staff.getByRole('link', { name: 'Sabtu, 12 Desember 2026' }).click();
    // Check the day's page, not the list being taken down while the navigation runs.
    const capacity = staff.getByLabel('Kapasitas (kosong = semua lapak aktif)');
    await capacity.waitFor();
    await expect(unlabelledControls(staff)).resolves.toEqual([]);
    await capacity.fill('60');
    await staff.getByRole('button', { name: 'Simpan jadwal' }).click();
    await staff.getByText('Jadwal tersimpan.').waitFor();
    await expect(capacity.inputValue()).resolves.toBe('60');
    await staff.getByRole('button', { name: 'Tutup pemesanan dan bagi lapak sekarang' }).click();
    await staff.getByText('Lapak sudah dibagi.').waitFor();
    await vendor.goto('/usaha/pasar');
    const text = await card(vendor, '2026-12-12').textContent();
    expect(text).toMatch(/Dapat lapak · Lapak [A-E]-\d\d/);
    expect(text).toMatch(/Urutan \d+ dari \d+ permintaan: dalam 8 minggu terakhir Anda berjualan \d+ hari/);
  });

  it('staff check her in on today’s board, and her history shows it', async () => {
    await staff.goto('/pasar/hari');
    await staff.getByRole('link', { name: 'Sabtu, 5 Desember 2026' }).click();
    await staff.getByRole('button', { name: 'Catat Kue Cucur Mama Ester hadir' }).click();
    await staff.getByText('Kue Cucur Mama Ester tercatat hadir.').waitFor();
    await vendor.goto('/usaha/riwayat');
    await expect(vendor.locator('li', { hasText: 'Sabtu, 5 Desember 2026' }).textContent()).resolves.toContain('Hadir');
  });

  it('the public page lists the weekend without phone numbers', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.goto('/pasar-akhir-pekan');
    await page.getByRole('heading', { name: 'Sabtu, 5 Desember 2026' }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/\+62|08\d{8}/);
    await page.context().close();
  });
});
