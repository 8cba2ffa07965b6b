import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, newPhonePage, signInWithForm, unlabelledControls, usePortalAndBrowser } from './harness';

const app = usePortalAndBrowser();
const KK = '5371041004230777';

/** Registers a family through the API as program staff (the registration page is not built yet). */
async function registerFamily(): Promise<void> {
  const post = async (query: string, variables: Record<string, unknown>, cookie = '') => {
    const res = await fetch(`${app.portal.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
    return { body: (await res.json()) as any, cookie: res.headers.getSetCookie()[0]?.split(';')[0] ?? '' };
  };
  const { cookie } = await post('mutation($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }', { i: { login: 'program@kupang.demo', password: DEMO_PASSWORD } });
  const r = await post(
    'mutation($i: RegisterFamilyInput!) { registerFamily(input: $i) { family { id } userErrors { code } } }',
    {
      i: {
        kk: KK,
        headName: 'Markus Benu',
        address: 'Jl. Frans Seda No. 7, RT 02/RW 01',
        kelurahanCode: '53.71.04.1009',
        desil: 1,
        dataSource: 'DTSEN',
        consentGiven: true,
        members: [
          { name: 'Markus Benu', nik: '5371041006800011', birthDate: '1980-06-10', sex: 'MALE', relation: 'HEAD' },
          { name: 'Ribka Benu', nik: '5371044203840012', birthDate: '1984-03-02', sex: 'FEMALE', relation: 'SPOUSE' },
        ],
      },
    },
    cookie,
  );
  expect(r.body.data.registerFamily.userErrors).toEqual([]);
}

beforeAll(async () => {
  await registerFamily();
});

describe('Ina Kasih registry in the browser', () => {
  it('staff find a family by its KK, see it masked, and reveal the full numbers', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.goto('/masuk');
    await signInWithForm(page, 'program@kupang.demo');
    await page.waitForURL('**/program');
    await page.goto('/program/keluarga');
    await expect(unlabelledControls(page)).resolves.toEqual([]);
    await page.getByLabel('Cari').fill(KK);
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    const card = page.locator('[data-family]', { hasText: 'Markus Benu' });
    await card.getByText('•••• •••• •••• ••••').waitFor();
    // No digit of the number (not even the serial that would complete it from kelurahan and birth date).
    expect(await card.innerText()).not.toMatch(/0777|[0-9]•|•[0-9]/);
    expect(await page.content()).not.toContain(KK);
    await page.getByRole('link', { name: 'Markus Benu' }).click();
    await page.getByText('Anggota keluarga (1 berhak bulan ini)').waitFor();
    expect(await page.content()).not.toContain(KK);
    expect(await page.locator('main').innerText()).not.toMatch(/0777|0011|0012|[0-9]•|•[0-9]/);
    await page.locator('[data-kk]', { hasText: '•••• •••• •••• ••••' }).waitFor();
    expect(await page.locator('[data-member="Ribka Benu"] .visually-hidden').textContent()).toBe('nomor disembunyikan');
    // At the door: the card's number checked, yes or no, never a digit back.
    await page.getByLabel('Nomor KK atau NIK di kartu').fill('5371 0442 0384 0012');
    await page.getByRole('button', { name: 'Cocokkan' }).click();
    await page.locator('[data-id-check="match"]', { hasText: 'Cocok: ini NIK Ribka Benu.' }).waitFor();
    expect(await page.getByLabel('Nomor KK atau NIK di kartu').inputValue()).toBe('');
    expect(await page.content()).not.toContain('5371044203840012');
    await page.getByLabel('Nomor KK atau NIK di kartu').fill('5371041004230778');
    await page.getByRole('button', { name: 'Cocokkan' }).click();
    await page.locator('[data-id-check="no-match"]', { hasText: 'Tidak cocok' }).waitFor();
    await page.getByLabel('Nomor KK atau NIK di kartu').fill('5371');
    await page.getByRole('button', { name: 'Cocokkan' }).click();
    await page.getByText('Ketik nomor KK atau NIK lengkap: 16 digit angka.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The same page in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByLabel('KK or NIK number on the card').fill(KK);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('[data-id-check="match"]', { hasText: 'Matches: this is the family’s KK.' }).waitFor();
    await page.getByText(/checks left this hour/).waitFor();
    expect(await page.locator('[data-member="Ribka Benu"] .visually-hidden').textContent()).toBe('number hidden');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'id');
    await page.getByRole('button', { name: 'Tampilkan KK dan NIK lengkap' }).click();
    await page.locator('[data-kk]', { hasText: KK }).waitFor();
    await page.getByText('5371044203840012').waitFor();
  });
  it('staff register a family through the form, see field errors in Bahasa Indonesia, then the family masked in the list', async () => {
    const kk = '5371041004230888';
    const page = await newPhonePage(app.browser, app.portal, { javaScriptEnabled: false });
    await page.goto('/masuk');
    await signInWithForm(page, 'program@kupang.demo');
    await page.waitForURL('**/program');
    await page.goto('/program/keluarga');
    await page.getByRole('link', { name: 'Daftarkan keluarga baru' }).click();
    await page.waitForURL('**/program/keluarga/baru');
    await expect(unlabelledControls(page)).resolves.toEqual([]);
    await page.getByRole('link', { name: 'Tambah baris anggota' }).click();
    await page.waitForURL('**/program/keluarga/baru?anggota=2');
    await page.getByLabel('Nomor KK').fill('5371041004');
    await page.getByLabel('Kepala keluarga', { exact: true }).fill('Yohanis Tefa');
    await page.getByLabel('Alamat').fill('Jl. Timor Raya No. 12, RT 05/RW 02');
    await page.getByLabel('Kelurahan').selectOption('53.71.04.1009');
    await page.getByLabel('Desil (1–10)').fill('2');
    await page.getByLabel('Keluarga setuju datanya dipakai untuk program ini').check();
    const rows = page.locator('[data-member-row]');
    await rows.nth(0).getByLabel('Nama').fill('Yohanis Tefa');
    await rows.nth(0).getByLabel('Tanggal lahir').fill('1985-01-20');
    await rows.nth(0).getByLabel('Jenis kelamin').selectOption('MALE');
    await rows.nth(1).getByLabel('Nama').fill('Yuliana Tefa');
    await rows.nth(1).getByLabel('NIK').fill('5371045505900021');
    await rows.nth(1).getByLabel('Tanggal lahir').fill('1990-05-15');
    await rows.nth(1).getByLabel('Hubungan dalam keluarga').selectOption('SPOUSE');
    await page.getByRole('button', { name: 'Simpan keluarga' }).click();
    // the short KK is refused beside its field; what was typed stays
    await page.locator('.field-invalid .field-error').first().waitFor();
    expect(await page.getByLabel('Nomor KK').getAttribute('aria-invalid')).toBe('true');
    expect(await rows.nth(1).getByLabel('NIK').inputValue()).toBe('5371045505900021');
    await page.getByLabel('Nomor KK').fill(kk);
    await page.getByRole('button', { name: 'Simpan keluarga' }).click();
    await page.waitForURL(/\/program\/keluarga\/[^/]+$/);
    await page.getByText('Anggota keluarga (1 berhak bulan ini)').waitFor();
    expect(await page.content()).not.toContain(kk);
    await page.goto('/program/keluarga');
    await page.locator('#family-search').fill(kk);
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(/\/program\/keluarga\?\/cari$/);
    expect(page.url()).not.toContain(kk); // the search travels in the body, never in the address
    await page.locator('[data-family]', { hasText: 'Yohanis Tefa' }).getByText('•••• •••• •••• ••••').waitFor();
    await page.getByRole('link', { name: 'Yohanis Tefa' }).waitFor();
    // the number typed into the search box is the only full KK on the page
    expect(await page.locator('.cards').innerHTML()).not.toContain(kk);
  });
  it('a second family with the same KK is flagged; staff see both masked and resolve the flag with a note', async () => {
    const page = await newPhonePage(app.browser, app.portal, { javaScriptEnabled: false });
    await page.goto('/masuk');
    await signInWithForm(page, 'program@kupang.demo');
    await page.waitForURL('**/program');
    await page.goto('/program/keluarga/baru');
    await page.getByLabel('Nomor KK').fill(KK);
    await page.getByLabel('Kepala keluarga', { exact: true }).fill('Daniel Lakapu');
    await page.getByLabel('Alamat').fill('Jl. Adisucipto No. 3, RT 01/RW 01');
    await page.getByLabel('Kelurahan').selectOption('53.71.04.1009');
    const row = page.locator('[data-member-row]').first();
    await row.getByLabel('Nama').fill('Daniel Lakapu');
    await row.getByLabel('Tanggal lahir').fill('1979-11-02');
    await row.getByLabel('Jenis kelamin').selectOption('MALE');
    await page.getByRole('button', { name: 'Simpan keluarga' }).click();
    await page.waitForURL(/\/program\/keluarga\/[^/]+$/);
    await page.goto('/program/duplikat');
    await expect(unlabelledControls(page)).resolves.toEqual([]);
    const card = page.locator('[data-flag]', { hasText: 'Daniel Lakapu' });
    await card.getByRole('link', { name: 'Markus Benu' }).waitFor();
    expect(await card.getByText('•••• •••• •••• ••••').count()).toBe(2);
    expect(await card.innerText()).not.toMatch(/0777|[0-9]•|•[0-9]/);
    expect(await page.content()).not.toContain(KK);
    await card.getByLabel('Keputusan', { exact: true }).selectOption('NOT_DUPLICATE');
    await card.getByLabel('Catatan pemeriksaan').fill('Dua KK lama dan baru, sudah dicek di Dukcapil.');
    await card.getByRole('button', { name: 'Simpan keputusan' }).click();
    await page.getByText('Keputusan disimpan.').waitFor();
    expect(await page.locator('[data-flag]', { hasText: 'Daniel Lakapu' }).count()).toBe(0);
  });
  it('staff import a small CSV keeping the valid rows, follow the progress and read the per-row error', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    await page.goto('/masuk');
    await signInWithForm(page, 'program@kupang.demo');
    await page.waitForURL('**/program');
    await page.goto('/program/impor');
    await expect(unlabelledControls(page)).resolves.toEqual([]);
    const template = await page.request.get(await page.getByRole('link', { name: 'templat CSV' }).getAttribute('href') as string);
    expect(template.status()).toBe(200);
    const header = (await template.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    const kk = '5371040105240999';
    const family = [kk, 'Paulus Nenobais', 'Jl. Piet Tallo No. 4', 'Oebufu', '2', 'DTSEN', '', '', '1'];
    const blank = [kk, '', '', '', '', '', '', '', ''];
    const csv = [
      header,
      [...family, 'Paulus Nenobais', '5371041006800031', '10-06-1980', 'L', 'Kepala Keluarga', 'Tidak', 'Tidak'].join(';'),
      [...blank, 'Sara Nenobais', '5371044203840032', '02-03-1984', 'P', 'Istri', 'Tidak', 'Tidak'].join(';'),
      // a NIK far too short: row 4 of the sheet
      [...blank, 'Debora Nenobais', '53710455', '15-09-2012', 'P', 'Anak', 'Ya', 'Tidak'].join(';'),
      ['5371040105240998', 'Yakob Sau', 'Jl. Piet Tallo No. 9', 'Oebufu', '3', 'USULAN', '', '', '1', 'Yakob Sau', '5371041509750033', '15-09-1975', 'L', 'Kepala Keluarga', 'Tidak', 'Tidak'].join(';'),
    ].join('\r\n');
    await page.getByLabel('Berkas CSV atau XLSX').setInputFiles({ name: 'keluarga-oebufu.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel('Simpan keluarga yang barisnya benar, lewati yang salah').check();
    await page.getByRole('button', { name: 'Mulai impor' }).click();
    await page.waitForURL(/\/program\/impor\/[0-9a-f-]{36}$/);
    await page.locator('[data-import-status="DONE"]').waitFor({ timeout: 20_000 });
    const bad = page.locator('tr[data-report-row="4"]');
    await bad.waitFor();
    expect(await bad.innerText()).toContain('nik');
    expect(await bad.innerText()).toContain('Kesalahan');
    await page.getByText('1 keluarga dan 1 anggota disimpan').waitFor();
    const report = await page.request.get(await page.getByRole('link', { name: 'Unduh laporan lengkap (CSV)' }).getAttribute('href') as string);
    expect(await report.text()).toMatch(/^4;nik;kesalahan;/m);
  });
});
