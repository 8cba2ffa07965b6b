import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePortalAndBrowser } from './harness';

/**
 * Issue #18's portal defects, each checked where a person meets it, on a 360 × 740 phone.
 * (Width, codes, ISO dates, console errors and accessible names on every page: every-route.test.ts.)
 */
const app = usePortalAndBrowser();

/** Console errors of a page from now on (a CSP refusal of an inline style is one). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return errors;
}

/** Each card's lines as a person reads them (innerText keeps line breaks between blocks). */
const cardLines = (page: Page, selector: string) => page.locator(selector).evaluateAll((cards) => cards.map((c) => (c as HTMLElement).innerText.split('\n').filter(Boolean)));

describe('the partner report', () => {
  it('draws its charts under the CSP, in words, with the own-cost figure explained', async () => {
    const page = await app.signedIn('mitra@kupang.demo');
    const errors = consoleErrors(page);
    await page.goto('/mitra/dana');
    // Bars are SVG rectangles sized by attributes: there is something to see, and nothing was refused.
    const widths = await page.locator('figure.bars rect').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
    expect(widths.length).toBeGreaterThan(0);
    expect(Math.max(...widths)).toBe(100);
    expect(await page.locator('main [style]').count()).toBe(0);
    expect(errors).toEqual([]);
    // Months as people read them, categories in words.
    const text = await page.locator('main').innerText();
    const year = new Date().getFullYear();
    expect(text).toMatch(new RegExp(`\\bJun ${year}\\b`));
    expect(text).not.toMatch(/\b\d{4}-\d\d\b|KULINER|OLEH_OLEH|USULAN/);
    expect(text).toContain('Kuliner');
    expect(text).toContain('Dihitung dari pembalut yang sudah disalurkan pada bulan-bulan ini dari stok yang dibeli dengan dana Anda.');
    await page.context().close();
  });
});

describe('market pages', () => {
  it('lists the coming market days first, soonest at the top, and the past ones after them', async () => {
    const page = await app.signedIn('pasar@kupang.demo');
    await page.goto('/pasar/hari');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const lists = page.locator('main ul.cards');
    const coming = await lists.first().locator('li[data-date]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-date')!));
    expect(coming.length).toBeGreaterThan(0);
    expect(coming.every((d) => d >= today)).toBe(true);
    expect(coming).toEqual([...coming].sort());
    const past = await page.locator('h2:has-text("Sudah lewat") + ul.cards li[data-date]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-date')!));
    expect(past.every((d) => d < today)).toBe(true);
    expect(past).toEqual([...past].sort().reverse());
    await page.context().close();
  });

  it('the day board shows the taken stalls, one line each, and counts the free ones', async () => {
    const page = await app.signedIn('pasar@kupang.demo');
    await page.goto('/pasar/hari');
    await page.locator('main a[href^="/pasar/hari/"]').first().click();
    await page.waitForURL(/\/pasar\/hari\/[0-9a-f-]{36}$/);
    const free = Number(await page.locator('[data-free-stalls]').getAttribute('data-free-stalls'));
    const cards = await cardLines(page, '.stall-map li.card');
    expect(await page.getByText('kosong', { exact: true }).count()).toBe(0);
    expect(cards.length + free).toBeGreaterThan(0);
    await expect(page.locator('[data-free-stalls]').innerText()).resolves.toBe(`${free} lapak kosong`);
    // The stall, the business and its status on lines of their own ("Se'i Mama Yuli" and "Hadir" never run together).
    for (const lines of cards) expect(lines.length).toBeGreaterThanOrEqual(3);
    await page.context().close();
  });
});

describe('the vendor’s turnover', () => {
  it('month rows whose labels do not overlap at 360 px, and cards whose lines stay apart', async () => {
    const page = await app.signedIn('081234560001');
    await page.goto('/usaha/omzet');
    const labels = await page.locator('figure.bars .bar-row').evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((c) => c.getBoundingClientRect()).map((b) => ({ left: b.left, right: b.right, top: b.top, bottom: b.bottom }))),
    );
    expect(labels.length).toBeGreaterThan(0);
    for (const [label, bar, value] of labels) {
      expect(label.bottom - label.top).toBeLessThan(30); // "Mar 2026" on one line
      expect(label.right).toBeLessThanOrEqual(bar.left);
      expect(bar.right).toBeLessThanOrEqual(value.left);
      expect(value.right).toBeLessThanOrEqual(360);
    }
    for (let i = 1; i < labels.length; i++) expect(labels[i][0].top).toBeGreaterThanOrEqual(labels[i - 1][0].bottom - 1);
    // "Des 2025", "Rp 3.911.000" and "4 hari pasar" are three lines, not "Des 25Rp 3.911.0004 hari pasar".
    const months = await cardLines(page, 'section[aria-labelledby="months-title"] li.card');
    expect(months.length).toBeGreaterThan(0);
    for (const lines of months) {
      expect(lines[0]).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
      expect(lines[1]).toMatch(/^Rp\s[\d.]+$/);
    }
    await page.context().close();
  });
});

describe('the signed-in header on a phone', () => {
  it('is at most 80 px of the 740, with the name, sign-out and the other language', async () => {
    const page = await app.signedIn('program@kupang.demo');
    const box = (await page.locator('header').boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(80);
    await expect(page.locator('header .signed-in-name').isVisible()).resolves.toBe(true);
    await expect(page.locator('header').getByRole('button', { name: 'Keluar' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('header').getByRole('button', { name: 'English' }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });
});
