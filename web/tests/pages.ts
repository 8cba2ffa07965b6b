/**
 * The main pages of each role, for the tests that check every page the same way (weight on
 * slow 3G, 360 px width, accessibility) and for the screenshots.
 */
import type { Page } from 'playwright-core';
import { signInWithForm } from './harness';

export interface RolePages {
  role: 'PUBLIC' | 'VENDOR' | 'MARKET_STAFF' | 'PROGRAM_STAFF' | 'PARTNER' | 'ADMIN';
  /** Demo sign-in, or none for the public pages. */
  login?: string;
  paths: string[];
}

export const MAIN_PAGES: RolePages[] = [
  { role: 'PUBLIC', paths: ['/', '/masuk', '/daftar-usaha', '/pasar-akhir-pekan', '/bahasa', '/offline'] },
  { role: 'VENDOR', login: '081234560001', paths: ['/usaha', '/usaha/pasar', '/usaha/riwayat', '/usaha/pelatihan'] },
  { role: 'MARKET_STAFF', login: 'pasar@kupang.demo', paths: ['/pasar', '/pasar/hari', '/pasar/hari/:today', '/pasar/lapak', '/pasar/pedagang', '/pasar/pelatihan'] },
  { role: 'PROGRAM_STAFF', login: 'program@kupang.demo', paths: ['/program', '/program/stok', '/program/keluarga/baru', '/program/duplikat', '/program/impor'] },
  { role: 'PARTNER', login: 'mitra@kupang.demo', paths: ['/mitra', '/mitra/dana', '/mitra/cetak'] },
  { role: 'ADMIN', login: 'admin@kupang.demo', paths: ['/admin', '/admin/dana'] },
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

/** Turns ':today' into the first market day on the staff list (the day board of the coming market). */
export async function resolvePath(page: Page, path: string): Promise<string> {
  if (!path.includes(':today')) return path;
  await page.goto('/pasar/hari');
  const href = await page.locator('a[href^="/pasar/hari/"]').first().getAttribute('href');
  if (!href) throw new Error('no market day on /pasar/hari');
  return href;
}
