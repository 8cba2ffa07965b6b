import { chromium } from 'playwright-core';
import { chooseChromium } from '/work/wt/portal-admin/web/tests/chromium.mjs';
const base = process.env.BASE;
const [login, ...paths] = process.argv.slice(2);
const exe = await chooseChromium();
const browser = await chromium.launch({ executablePath: exe.executablePath, env: { ...process.env, ...exe.env } });
const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, baseURL: base, locale: 'id-ID' });
const page = await ctx.newPage();
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
await page.goto('/masuk');
await page.getByLabel(/HP atau e-mail|Nomor HP/).first().fill(login).catch(async () => { await page.locator('input[name=login]').fill(login); });
await page.locator('input[type=password]').fill('kupang2026');
await page.locator('form button[type=submit]').last().click();
await page.waitForURL((u) => u.pathname !== '/masuk');
for (const p of paths) {
  await page.goto(p);
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  const name = p.replace(/[^a-z0-9]+/gi, '_');
  await page.screenshot({ path: `/tmp/shot${name}.png`, fullPage: process.env.FULL === '1' });
  console.log(p, 'scrollWidth', w, 'title', await page.title());
}
console.log('console errors', errors);
await browser.close();
