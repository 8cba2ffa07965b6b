/**
 * Screenshots of the main pages on a phone-sized screen (360 × 800) for the README, taken with
 * Chromium (the system's, else the bundled one: tests/chromium.mjs) through playwright-core against a running portal with the demo data:
 *
 *   npm start                                  # or any running demo server
 *   node web/scripts/screenshots.mjs [http://localhost:3000] [name …]   # names: only those shots
 *
 * Writes docs/screenshots/<name>.png (only the first screen of each page, to keep files small).
 */
import { mkdirSync, statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chooseChromium } from '../tests/chromium.mjs';

const base = process.argv[2] ?? process.env.PORTAL_URL ?? 'http://localhost:3000';
const out = new URL('../../docs/screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });
const PASSWORD = 'kupang2026';
const MAX_BYTES = 150 * 1024;

/** name, who (demo login or none), path ('board' = the first market day's board). */
const SHOTS = [
  ['beranda', null, '/'],
  ['pasar-akhir-pekan', null, '/pasar-akhir-pekan'],
  ['daftar-usaha', null, '/daftar-usaha'],
  ['masuk', null, '/masuk'],
  ['usaha', '081234560001', '/usaha'],
  ['usaha-pasar', '081234560001', '/usaha/pasar'],
  ['usaha-riwayat', '081234560001', '/usaha/riwayat'],
  ['program', 'oebobo@kupang.demo', '/program'],
  ['program-keluarga', 'oebobo@kupang.demo', 'family'],
  ['pasar', 'pasar@kupang.demo', '/pasar'],
  ['pasar-hari', 'pasar@kupang.demo', 'board'],
  ['mitra-beranda', 'mitra@kupang.demo', '/mitra'],
  ['mitra', 'mitra@kupang.demo', '/mitra/dana'],
  ['admin', 'admin@kupang.demo', '/admin'],
  ['admin-akun', 'admin@kupang.demo', '/admin/akun'],
  ['admin-jejak', 'admin@kupang.demo', '/admin/jejak?aksi=accounts'],
  ['kota', 'leadership@kupang.demo', '/kota?year=2025&from=6&to=12'],
  ['offline', null, '/offline'],
];

const { executablePath, env } = await chooseChromium();
const browser = await chromium.launch({ executablePath, env: { ...process.env, ...env }, args: ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars'] });
try {
  const only = process.argv.slice(3);
  for (const [name, login, path] of SHOTS.filter(([name]) => !only.length || only.includes(name))) {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 360, height: 800 }, deviceScaleFactor: 1, locale: 'id-ID' });
    const page = await context.newPage();
    if (login) {
      await page.goto('/masuk');
      await page.getByLabel('Nomor HP atau e-mail').fill(login);
      await page.getByLabel('Kata sandi').fill(PASSWORD);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await page.waitForURL((url) => url.pathname !== '/masuk');
    }
    let target = path;
    if (path === 'board') {
      // Today's market day when there is one (the demo data books today on a weekend), else the first listed.
      await page.goto('/pasar/hari');
      const today = new Intl.DateTimeFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Makassar' }).format(new Date());
      const todays = page.getByRole('link', { name: today });
      const link = (await todays.count()) ? todays.first() : page.locator('a[href^="/pasar/hari/"]').first();
      target = await link.getAttribute('href');
    }
    if (path === 'family') {
      // A family of the officer's kelurahan, as she opens it door to door.
      await page.goto('/program/keluarga');
      target = await page.locator('[data-family] a').first().getAttribute('href');
    }
    await page.goto(target, { waitUntil: 'networkidle' });
    const file = new URL(`${name}.png`, out);
    await page.screenshot({ path: file.pathname });
    const size = statSync(file).size;
    console.log(`${name}.png  ${target}  ${(size / 1024).toFixed(0)} KB`);
    if (size > MAX_BYTES) throw new Error(`${name}.png is ${size} bytes, over ${MAX_BYTES}`);
    await context.close();
  }
} finally {
  await browser.close();
}
