import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { newPhonePage, usePortalAndBrowser } from './harness';
import { MAIN_PAGES, resolvePath, signInAs } from './pages';

/**
 * axe-core in the browser over the main pages of every role, on a phone-sized screen, in both
 * languages' default (Bahasa Indonesia): no serious or critical violation (labels, contrast,
 * names of links and buttons, landmarks, ARIA, keyboard-reachable scrolling regions).
 */
const app = usePortalAndBrowser();

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
