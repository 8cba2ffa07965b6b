import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPhonePage, usePortalAndBrowser } from './harness';
import { MAIN_PAGES, resolvePath, signInAs } from './pages';

/**
 * axe-core in the browser over the main pages of every role, on a phone-sized screen, in both
 * languages' default (Bahasa Indonesia): no serious or critical violation (labels, contrast,
 * names of links and buttons, landmarks, ARIA, keyboard-reachable scrolling regions).
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const app = usePortalAndBrowser();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe in the page (evaluated through the DevTools protocol, so the page's CSP does not block it). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

describe('accessibility (axe-core)', () => {
  it.each(MAIN_PAGES.map((r) => [r.role, r] as const))(
    '%s pages have no serious or critical violations',
    async (_, { login, paths }) => {
      const page = await newPhonePage(app.browser, app.portal);
      await signInAs(page, login);
      const found: string[] = [];
      for (const raw of paths) {
        const path = await resolvePath(page, raw);
        await page.goto(path);
        for (const v of await seriousViolations(page)) found.push(`${raw}: ${v}`);
      }
      expect(found).toEqual([]);
      await page.context().close();
    },
    120_000,
  );
});
