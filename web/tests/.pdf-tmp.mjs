import { chromium } from 'playwright-core';
import { chooseChromium } from '/work/wt/portal-admin/web/tests/chromium.mjs';
const exe = await chooseChromium();
const browser = await chromium.launch({ executablePath: exe.executablePath, env: { ...process.env, ...exe.env } });
const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: 'http://127.0.0.1:3917' });
const page = await ctx.newPage();
await page.goto('/masuk');
await page.getByLabel('Nomor HP atau e-mail').fill('leadership@kupang.demo');
await page.getByLabel('Kata sandi').fill('kupang2026');
await page.getByRole('button', { name: 'Masuk', exact: true }).click();
await page.waitForURL('**/kota');
for (const q of ['year=2025&from=1&to=12', 'year=2026&from=1&to=12']) {
  await page.goto('/kota/cetak?' + q);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, path: `/tmp/city-${q.slice(5, 9)}.pdf` });
  console.log(q, 'pages', pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length);
  await page.emulateMedia({ media: 'screen' });
}
await page.setViewportSize({ width: 794, height: 1123 });
await page.goto('/kota/cetak?year=2025&from=1&to=12');
await page.emulateMedia({ media: 'print' });
await page.screenshot({ path: '/tmp/city-print.png', fullPage: true });
await browser.close();
