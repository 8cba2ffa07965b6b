import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hydrated, newPhonePage, queryDatabase, signInWithForm, unlabelledControls, usePortalAndBrowser } from './harness';

/** Liliba (Kecamatan Oebobo) has no demo families: everything planned there comes from this test's import. */
const LILIBA = '53.71.04.1010';
const KK = '5371041004240515';
const app = usePortalAndBrowser();
let familyPath: string;
let roundPath: string;

const coverageRow = (page: Page) => page.locator(`tr[data-kelurahan="${LILIBA}"]`);
const dueHeads = async (page: Page) => {
  await page.goto(`/program/keluarga?kelurahan=${LILIBA}&jatuhTempo=1`);
  return page.locator('.cards [data-family] h2').allInnerTexts();
};

describe('Ina Kasih from import to coverage, and a family’s rights over its data, in the browser', () => {
  it('staff sign in, import a small file, open the round, mark a family delivered and see the coverage change', async () => {
    const page = await app.signedIn('program@kupang.demo');

    // 1. Import two families of Liliba from a CSV made from the template.
    await page.goto('/program/impor');
    const template = await page.request.get((await page.getByRole('link', { name: 'templat CSV' }).getAttribute('href')) as string);
    const header = (await template.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    const csv = [
      header,
      [KK, 'Paulus Tallo', 'Jl. Soeharto No. 15, RT 03/RW 01', 'Liliba', '1', 'DTSEN', '', '', '1', 'Paulus Tallo', '5371041006800051', '10-06-1980', 'L', 'Kepala Keluarga', 'Tidak', 'Tidak'].join(';'),
      [KK, '', '', '', '', '', '', '', '', 'Sara Tallo', '5371044203840052', '02-03-1984', 'P', 'Istri', 'Tidak', 'Tidak'].join(';'),
      ['5371041004240516', 'Yakob Ndolu', 'Jl. Soeharto No. 21, RT 03/RW 01', 'Liliba', '2', 'USULAN', '', '', '1', 'Mama Ndolu', '5371045509880053', '15-09-1988', 'P', 'Kepala Keluarga', 'Tidak', 'Tidak'].join(';'),
    ].join('\r\n');
    await page.getByLabel('Berkas CSV atau XLSX').setInputFiles({ name: 'keluarga-liliba.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel('Semua atau tidak sama sekali: tidak ada yang disimpan').check();
    await page.getByRole('button', { name: 'Mulai impor' }).click();
    await page.waitForURL(/\/program\/impor\/[0-9a-f-]{36}$/);
    await page.locator('[data-import-status="DONE"]').waitFor({ timeout: 20_000 });
    await page.getByText('2 keluarga dan 3 anggota disimpan').waitFor();
    // Both are due this month (a woman of 10–45 each, nothing delivered yet).
    expect((await dueHeads(page)).sort()).toEqual(['Paulus Tallo', 'Yakob Ndolu']);

    // 2. Open this month's round: Liliba is planned with the two families, nobody served yet.
    await page.goto('/program/putaran');
    await page.getByRole('button', { name: 'Buka putaran' }).click();
    await page.waitForURL(/\/program\/putaran\/[0-9a-f-]{36}$/);
    roundPath = new URL(page.url()).pathname;
    await expect(coverageRow(page).textContent()).resolves.toMatch(/Liliba.*2.*2.*0.*0%/s);
    // On a 360 px phone the page does not scroll sideways and the row's "record" link is on screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const record = (await coverageRow(page).getByRole('link', { name: 'Catat penyaluran' }).boundingBox())!;
    expect(record.x + record.width).toBeLessThanOrEqual(360);

    // 3. Mark one family delivered on the phone; the coverage row moves to 1 of 2, 50 %.
    await page.goto(`${roundPath}?kelurahan=${LILIBA}`);
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tandai sudah menerima: keluarga Paulus Tallo' }).click();
    await page.getByText('Penyaluran ke keluarga Paulus Tallo tercatat.').waitFor();
    // The confirmation (at the top, the form was further down) is brought on screen and focused.
    const shown = () =>
      page.getByText('Penyaluran ke keluarga Paulus Tallo tercatat.').evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight && document.activeElement === el;
      });
    await expect.poll(shown).toBe(true);
    await expect(coverageRow(page).textContent()).resolves.toMatch(/Liliba.*2.*2.*1.*50%/s);
    expect(await dueHeads(page)).toEqual(['Yakob Ndolu']);

    await page.goto('/program/keluarga');
    await page.locator('#family-search').fill(KK);
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(/\/program\/keluarga\?\/cari$/);
    expect(page.url()).not.toContain(KK); // the search travels in the body, never in the address
    familyPath = (await page.getByRole('link', { name: 'Paulus Tallo' }).getAttribute('href')) as string;
    await page.context().close();
  });

  it('leaves opening and closing rounds to city-wide staff: a kelurahan officer records deliveries but sees neither button', async () => {
    const page = await app.signedIn('oebobo@kupang.demo');
    await page.goto('/program/putaran');
    await page.getByText('Putaran berlaku untuk seluruh kota: dibuka dan ditutup oleh admin atau petugas program tanpa batas kelurahan.').waitFor();
    expect(await page.getByRole('button', { name: 'Buka putaran' }).count()).toBe(0);
    await page.goto(roundPath);
    await page.getByRole('heading', { name: /^Putaran / }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Tutup putaran' }).count()).toBe(0);
    await page.context().close();
  });

  it('shows the delivery history, adds a member, downloads the family’s data and erases it after a confirmation step', async () => {
    const page = await app.signedIn('program@kupang.demo');
    await page.goto(familyPath);
    await hydrated(page); // so opening the form below is not undone by hydration
    const history = page.locator('[data-delivery="DELIVERY"]');
    await expect(history.textContent()).resolves.toMatch(/Penyaluran.*2 paket.*Diterima Sara Tallo/s);

    await page.getByText('Tambah anggota keluarga').click();
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByLabel('Nama', { exact: true }).fill('Debora Tallo');
    await page.getByLabel('Tanggal lahir').fill('2012-09-15');
    await page.getByRole('button', { name: 'Simpan anggota' }).click();
    await page.getByText('Debora Tallo ditambahkan ke keluarga.').waitFor();
    await page.locator('[data-member="Debora Tallo"]').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh data keluarga (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^data-keluarga-IK-\d{6}\.csv$/);
    const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(csv).toContain(`keluarga,1,kk,${KK}`);
    expect(csv).toContain('anggota,3,name,Debora Tallo');
    expect(csv).toContain('penyaluran,1,packs,2');

    const [{ before }] = await queryDatabase<{ before: string }>(app.portal, `select count(*)::text as before from audit_entry where action = 'ina.family.export'`);
    expect(Number(before)).toBe(1);

    // The erasure asks first, and wants the registry number typed again.
    await page.getByRole('link', { name: 'Tarik persetujuan dan hapus data pribadi…' }).click();
    await page.getByRole('heading', { name: 'Hapus data pribadi keluarga ini?' }).waitFor();
    await page.getByLabel(/Ketik nomor registrasi/).fill('IK-000000');
    await page.getByRole('button', { name: 'Hapus data pribadi sekarang' }).click();
    await page.getByText(/Ketik nomor registrasi keluarga \(IK-\d{6}\) untuk memastikan penghapusan/).waitFor();
    const registryNumber = (await page.getByText(/^IK-\d{6} · Liliba/).textContent())!.slice(0, 9);
    await page.getByLabel(/Ketik nomor registrasi/).fill(registryNumber);
    await page.getByLabel('Cara keluarga meminta').fill('surat tertulis di kantor kelurahan');
    await page.getByRole('button', { name: 'Hapus data pribadi sekarang' }).click();
    await page.getByText('Persetujuan ditarik. Nama, alamat, KK, NIK dan tanggal lahir lengkap keluarga ini sudah dihapus; jumlah yang sudah dilaporkan tetap.').waitFor();
    await page.getByRole('heading', { name: `Keluarga ${registryNumber} (data pribadi dihapus)` }).waitFor();
    await page.reload(); // the first load's hydration data stays in the DOM after client-side navigation
    await page.getByRole('heading', { name: `Keluarga ${registryNumber} (data pribadi dihapus)` }).waitFor();
    const html = await page.content();
    expect(html.match(/.{80}Tallo.{40}/g) ?? []).toEqual([]);
    const rows = await queryDatabase(app.portal, `select head_name, kk_hash, status from ina_family where registry_number = $1`, [registryNumber]);
    expect(rows).toEqual([{ head_name: '—', kk_hash: null, status: 'EXITED' }]);

    // What was reported stays: Liliba is still 1 of 2 served.
    await page.goto(roundPath);
    await expect(coverageRow(page).textContent()).resolves.toMatch(/Liliba.*2.*2.*1.*50%/s);

    // A family still waiting in the open round when it withdraws leaves the round's list (no delivery form).
    const [yakob] = await queryDatabase<{ id: string; registry_number: string }>(app.portal, `select id, registry_number from ina_family where head_name = 'Yakob Ndolu'`);
    const res = await page.request.post('/graphql', {
      data: { query: 'mutation($i: WithdrawFamilyConsentInput!) { withdrawFamilyConsent(input: $i) { userErrors { code } } }', variables: { i: { familyId: yakob.id, confirmRegistryNumber: yakob.registry_number } } },
    });
    expect((await res.json()).data.withdrawFamilyConsent.userErrors).toEqual([]);
    await page.goto(`${roundPath}?kelurahan=${LILIBA}`);
    expect(await page.locator(`[data-family="${yakob.registry_number}"]`).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Tandai sudah menerima/ }).count()).toBe(0);
    await page.context().close();
  });
});
