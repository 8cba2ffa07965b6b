import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPhonePage, queryDatabase, signInWithForm, unlabelledControls, usePortalAndBrowser } from './harness';

// Saturday 5 December 2026, 09.00 WITA: the training staff schedule for this afternoon can still be
// joined, and attendance can be recorded because it is the training day in Kupang.
const SATURDAY_9_WITA = '2026-12-05T01:00:00Z';
const TITLE = 'Foto produk dengan HP untuk jualan daring';

const app = usePortalAndBrowser({ marketClock: SATURDAY_9_WITA });

describe('trainings in the browser: staff schedule, a vendor joins, staff record attendance, the certificate prints and verifies', () => {
  let staff: Page;
  let vendor: Page;
  let business: string;

  it('staff schedule a training for this afternoon', async () => {
    staff = await newPhonePage(app.browser, app.portal);
    await staff.goto('/masuk');
    await signInWithForm(staff, 'pasar@kupang.demo');
    await staff.waitForURL('**/pasar');
    await staff.getByRole('link', { name: 'Pelatihan' }).first().click();
    await staff.waitForURL('**/pasar/pelatihan');
    await expect(unlabelledControls(staff)).resolves.toEqual([]);
    await staff.getByLabel('Judul pelatihan').fill(TITLE);
    await staff.getByLabel('Materi').selectOption('DIGITAL_SELLING');
    await staff.getByLabel('Tanggal (WITA)').fill('2026-12-05');
    await staff.getByLabel('Jam mulai').fill('14:00');
    await staff.getByLabel('Jam selesai').fill('16:00');
    await staff.getByLabel('Tempat').fill('Aula Kantor Wali Kota Kupang');
    await staff.getByLabel('Narasumber').fill('Kak Ferdy Lerik');
    await staff.getByLabel('Kapasitas (orang)').fill('20');
    await staff.getByRole('button', { name: 'Simpan pelatihan' }).click();
    await staff.getByText(`Pelatihan "${TITLE}" dijadwalkan.`).waitFor();
  });

  it('the vendor joins it from her phone', async () => {
    [{ business_name: business }] = await queryDatabase<{ business_name: string }>(app.portal, `select business_name from market_vendor where phone = '+6281234560001'`);
    vendor = await newPhonePage(app.browser, app.portal);
    await vendor.goto('/masuk');
    await signInWithForm(vendor, '081234560001');
    await vendor.waitForURL('**/usaha');
    await vendor.goto('/usaha/pelatihan');
    await expect(unlabelledControls(vendor)).resolves.toEqual([]);
    await vendor.getByRole('button', { name: `Ikut ${TITLE}` }).click();
    await vendor.getByText('Anda terdaftar.').waitFor();
    await vendor.getByRole('button', { name: `Batal ikut ${TITLE}` }).waitFor();
  });

  it('staff mark her present with one tap; her certificate is ready to print', async () => {
    const [{ id }] = await queryDatabase<{ id: string }>(app.portal, `select id from training where title = $1`, [TITLE]);
    await staff.goto(`/pasar/pelatihan/${id}`);
    await staff.getByRole('button', { name: `${business} hadir` }).click();
    const link = staff.getByRole('link', { name: /^Sertifikat SERT-2026-\d{6}$/ });
    await link.waitFor();
    const number = (await link.textContent())!.replace('Sertifikat ', '').trim();
    await link.click();
    await staff.getByRole('heading', { name: 'Sertifikat Kehadiran' }).waitFor();
    const certificate = staff.locator('article.certificate');
    await certificate.getByText(`Nomor ${number}`).waitFor();
    await certificate.getByText(TITLE).waitFor();
    const [{ code }] = await queryDatabase<{ code: string }>(app.portal, `select certificate_code as code from training_enrolment where attended and certificate_number = $1`, [number]);
    const printed = code.match(/.{4}/g)!.join('-');
    await certificate.getByText(`Kode verifikasi ${printed}`).waitFor();
    await certificate.getByText(`/sertifikat/${printed}`).waitFor();

    // Anyone can check the code, typed on a phone without JavaScript; the page shows the training and date, nothing about the owner.
    const visitor = await newPhonePage(app.browser, app.portal, { javaScriptEnabled: false });
    await visitor.goto('/sertifikat');
    await visitor.getByLabel('Kode verifikasi').fill(printed.toLowerCase());
    await visitor.getByRole('button', { name: 'Periksa' }).click();
    await visitor.getByText('Sertifikat ini asli dan berlaku.').waitFor();
    await visitor.getByText(TITLE).waitFor();
    expect(await visitor.content()).not.toContain('Yuliana');
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The sequential number checks nothing: walking numbers finds no one.
    await visitor.goto(`/sertifikat/${number}`);
    await visitor.getByText('Kode verifikasi ini tidak ditemukan.', { exact: false }).waitFor();
    // In English too, at 360 px.
    await visitor.context().addCookies([{ name: 'kp_lang', value: 'en', url: app.portal.url }]);
    await visitor.goto(`/sertifikat/${printed}`);
    await visitor.getByText('This certificate is genuine and valid.').waitFor();
    await visitor.getByRole('heading', { name: `Check certificate ${printed}` }).waitFor();
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await visitor.goto('/sertifikat');
    await visitor.getByLabel('Verification code').waitFor();
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await visitor.context().close();

    await vendor.goto('/usaha/pelatihan');
    await vendor.getByText(`Kode verifikasi ${printed}`).waitFor();
  });
});
