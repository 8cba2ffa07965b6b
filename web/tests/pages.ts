/**
 * The main pages of each role, for the tests that check every page the same way (weight on
 * slow 3G, 360 px width, accessibility) and for the screenshots.
 */
import type { Page } from 'playwright-core';
import { signInWithForm } from './harness';

export interface RolePages {
  role: 'PUBLIC' | 'VENDOR' | 'MARKET_STAFF' | 'PROGRAM_STAFF' | 'PARTNER' | 'ADMIN' | 'LEADERSHIP';
  /** Demo sign-in, or none for the public pages. */
  login?: string;
  paths: string[];
}

export const MAIN_PAGES: RolePages[] = [
  { role: 'PUBLIC', paths: ['/', '/masuk', '/daftar-usaha', '/pasar-akhir-pekan', '/bahasa', '/offline', '/data-dihapus', '/sertifikat'] },
  { role: 'VENDOR', login: '081234560001', paths: ['/usaha', '/usaha/pasar', '/usaha/riwayat', '/usaha/pelatihan', '/usaha/data'] },
  { role: 'MARKET_STAFF', login: 'pasar@kupang.demo', paths: ['/pasar', '/pasar/hari', '/pasar/hari/:today', '/pasar/lapak', '/pasar/pedagang', '/pasar/pelatihan', '/akun/data'] },
  { role: 'PROGRAM_STAFF', login: 'program@kupang.demo', paths: ['/program', '/program/stok', '/program/keluarga', '/program/keluarga?jatuhTempo=1', '/program/keluarga/:family', '/program/keluarga/:family/ubah', '/program/keluarga/baru', '/program/duplikat', '/program/impor', '/akun/data'] },
  { role: 'PARTNER', login: 'mitra@kupang.demo', paths: ['/mitra', '/mitra/dana', '/mitra/cetak', '/akun/data'] },
  { role: 'ADMIN', login: 'admin@kupang.demo', paths: ['/admin', '/admin/dana', '/admin/akun', '/admin/jejak', '/admin/mitra', '/admin/aturan', '/kota', '/akun/data'] },
  { role: 'LEADERSHIP', login: 'leadership@kupang.demo', paths: ['/kota', '/kota/cetak', '/akun/data'] },
];

/** The pages a vendor sees on her phone; their first load must stay under the JavaScript budget. */
export const VENDOR_PAGES = ['/', '/masuk', '/daftar-usaha', '/pasar-akhir-pekan', '/usaha/pasar', '/usaha/riwayat'];

/** Signs in through the form (when the role has a login) and waits until the sign-in has left /masuk. */
export async function signInAs(page: Page, login: string | undefined): Promise<void> {
  if (!login) return;
  await page.goto('/masuk');
  await signInWithForm(page, login);
  await page.waitForURL((url) => url.pathname !== '/masuk');
}

const REGISTER_SAMPLE_FAMILY = `mutation { registerFamily(input: {
  kk: "5371041004249001", headName: "Yohana Lake", address: "Jl. Eltari No. 3, RT 01/RW 01", kelurahanCode: "53.71.04.1001",
  desil: 1, dataSource: DTSEN, consentGiven: true, idempotencyKey: "pages-sample-family-0001",
  members: [{ name: "Yohana Lake", nik: "5371045003860001", birthDate: "1986-03-10", sex: FEMALE, relation: HEAD }] }) { family { id } } }`;

/**
 * Turns ':today' into the first market day on the staff list (the day board of the coming market)
 * and ':family' into the first family of the registry list (its record, members and deliveries).
 */
export async function resolvePath(page: Page, path: string): Promise<string> {
  if (path.includes(':family')) {
    const below = path.slice(path.indexOf(':family') + ':family'.length); // e.g. /ubah
    await page.goto('/program/keluarga');
    const link = page.locator('.cards [data-family] a').first();
    if (await link.count()) return (await link.getAttribute('href'))! + below;
    // Test servers start with an empty registry: register one family with the page's own session.
    const res = await page.request.post('/graphql', { data: { query: REGISTER_SAMPLE_FAMILY } });
    const id = ((await res.json()) as { data?: { registerFamily: { family: { id: string } | null } } }).data?.registerFamily.family?.id;
    if (!id) throw new Error(`could not register a sample family: ${await res.text()}`);
    return `/program/keluarga/${id}${below}`;
  }
  if (!path.includes(':today')) return path;
  await page.goto('/pasar/hari');
  const href = await page.locator('a[href^="/pasar/hari/"]').first().getAttribute('href');
  if (!href) throw new Error('no market day on /pasar/hari');
  return href;
}
