import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '$lib/i18n/en';
import { id } from '$lib/i18n/id';
import { ROLE_HOME, ROLES } from '$lib/roles';
import { hydrated, newPhonePage, usePortalAndBrowser } from './harness';
import { resolvePath, signInAs } from './pages';

/**
 * The portal's "done when" check: every page route (read from src/routes), opened by the role it
 * is for, on a 360 × 740 phone, in Bahasa Indonesia and in English. On each page:
 * - nothing is wider than the screen (wide tables scroll in their own box);
 * - the console shows no error (a CSP refusal, a failed script, a failed load);
 * - no enum code (KULINER, OLEH_OLEH), ISO date or month (2026-12-05, 2026-12) or message key
 *   (market.day.OPEN) is visible, in the text or the title;
 * - axe-core reports no serious or critical violation (label-content-name-mismatch included);
 * - it has a meta description, and a signed-in header at most HEADER_MAX px high.
 * Addresses with an id are found by following the links of the pages already opened.
 * One browser, one page after the other.
 */

/** Demo sign-in of each role (server/src/db/seeders/demo-accounts.ts). A new role needs its line here. */
const LOGINS: Record<string, string> = {
  ADMIN: 'admin@kupang.demo',
  PROGRAM_STAFF: 'program@kupang.demo',
  MARKET_STAFF: 'pasar@kupang.demo',
  VENDOR: '081234560001',
  PARTNER: 'mitra@kupang.demo',
  LEADERSHIP: 'leadership@kupang.demo',
};

/**
 * Routes the demo data gives no link to, with the reason. The test fails when one of these
 * becomes reachable (take it off the list) or when any other route is not reached.
 */
const NOT_IN_DEMO: Record<string, string> = {};

/** Besides each route's first link, these views of a page are opened too (the state a person works in). */
const ALSO_OPEN: Record<string, string> = {
  '/program/putaran/[id]': 'a[href^="?kelurahan="]',
};

const LANGUAGES = ['id', 'en'] as const;
const WIDTH = 360;
const HEADER_MAX = 80;

interface Route {
  pattern: string;
  group: string;
  regex: RegExp;
}

const routesDir = fileURLToPath(new URL('../src/routes', import.meta.url));

/** Every +page.svelte under src/routes, as its address pattern and its route group. */
function pageRoutes(dir = routesDir, segments: string[] = [], group = ''): Route[] {
  const found: Route[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      const isGroup = /^\(.+\)$/.test(name);
      found.push(...pageRoutes(full, isGroup ? segments : [...segments, name], group || (isGroup ? name : '')));
    } else if (name === '+page.svelte') {
      const pattern = `/${segments.join('/')}`;
      const regex = new RegExp(`^${segments.map((s) => `/${/^\[.+\]$/.test(s) ? '[^/?#]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).join('')}/?$`);
      found.push({ pattern, group, regex: segments.length ? regex : /^\/$/ });
    }
  }
  return found;
}

const ROUTES = pageRoutes();
const isDynamic = (r: Route) => r.pattern.includes('[');
const STATIC_PATHS = new Set(ROUTES.filter((r) => !isDynamic(r)).map((r) => r.pattern));

/** Which signed-in role opens a route: its area's home role; the account pages are everybody's. */
function rolesOf(route: Route): string[] {
  if (route.group === '(public)') return [];
  if (route.group === '(account)') return ROLES;
  const area = `/${route.pattern.split('/')[1]}`;
  return ROLES.filter((role) => ROLE_HOME[role] === area);
}

/** Enum values of the API (schema.graphql) that would be a leaked code if seen on a page. */
const schema = readFileSync(fileURLToPath(new URL('../../schema.graphql', import.meta.url)), 'utf8');
const ENUM_VALUES = new Set(
  [...schema.matchAll(/^enum \w+ \{([^}]*)\}/gm)].flatMap((m) => m[1].split('\n').map((line) => line.trim()).filter((v) => /^[A-Z][A-Z0-9_]+$/.test(v))),
);
/** Words written in capitals in the dictionaries themselves (DTSEN, APBD, CSR) are labels, not codes. */
const DICTIONARY_WORDS = new Set([...Object.values(id), ...Object.values(en)].flatMap((text) => text.match(/\b[A-Z][A-Z0-9_]+\b/g) ?? []));
const MESSAGE_KEYS = new Set(Object.keys(id));

/** What a person must never read: codes, ISO dates and months, bare message keys. */
function textProblems(text: string): string[] {
  const problems = new Set<string>();
  for (const token of text.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b/g) ?? []) {
    if ((token.includes('_') || ENUM_VALUES.has(token)) && token.length > 1 && !DICTIONARY_WORDS.has(token)) problems.add(`code ${token}`);
  }
  for (const iso of text.match(/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b|\b\d{4}-(?:0[1-9]|1[0-2])\b(?!-\d)/g) ?? []) problems.add(`ISO ${iso}`);
  for (const key of text.match(/\b[a-z]+(?:\.[A-Za-z0-9_]+)+\b/g) ?? []) if (MESSAGE_KEYS.has(key)) problems.add(`key ${key}`);
  return [...problems];
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[] }[];
}

/** axe-core's serious and critical findings (evaluated through DevTools, so the CSP does not block it). */
async function axeFindings(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      // Experimental in axe, so off by default: the accessible name must contain the visible text.
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `axe ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Elements that stick out to the right of the screen, outside any box that scrolls sideways. */
function overflowing(page: Page): Promise<{ width: number; culprits: string[] }> {
  return page.evaluate((width) => {
    const culprits: string[] = [];
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) return true;
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.right > width + 1 && box.width > 0 && !scrolls(el.parentElement)) {
        culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right ${Math.round(box.right)})`);
      }
    }
    return { width: document.documentElement.scrollWidth, culprits: culprits.slice(0, 3) };
  }, WIDTH);
}

const app = usePortalAndBrowser();

/** A GraphQL call with the page's own session (as the portal's pages make them). */
async function api<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await page.request.post('/graphql', { data: { query, variables } });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (!body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * What the demo data lacks or hides behind a form, made or found with the role's own session, so
 * that the pages with an id have something to open: a family and a round of this month (test
 * servers start with an empty registry), a turnover figure, a certificate, an approved vendor.
 */
const PREPARE: Record<string, (page: Page) => Promise<void>> = {
  async PROGRAM_STAFF(page) {
    seenLinks.add(await resolvePath(page, '/program/keluarga/:family'));
    const { programs } = await api<{ programs: { id: string; name: string }[] }>(page, '{ programs { id name } }');
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const program = programs.find((p) => /ina kasih/i.test(p.name)) ?? programs[0];
    await api(page, 'mutation($input: OpenRoundInput!) { openRound(input: $input) { round { id } userErrors { code } } }', {
      input: { programId: program.id, month, idempotencyKey: 'every-route-round' },
    });
    // One import job (the template's header and one row with a bad KK: refused, nothing stored), so
    // that /program/impor/[id] has an address to open.
    await page.goto('/program/impor');
    const template = await page.request.get((await page.locator('a[href*="template"][href*="csv"]').first().getAttribute('href')) as string);
    const header = (await template.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    const row = ['123', 'Uji Impor', 'Jl. Uji', 'Liliba', '1', 'DTSEN', '', '', '1', 'Uji Impor', '', '01-01-1980', 'P', 'Kepala Keluarga', 'Tidak', 'Tidak'];
    await page.locator('input[type="file"]').setInputFiles({ name: 'uji.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\r\n${row.join(';')}`) });
    await page.getByRole('button', { name: id['ina.import.start'] }).click();
    await page.waitForURL(/\/program\/impor\/[0-9a-f-]{36}$/);
    seenLinks.add(new URL(page.url()).pathname);
  },
  async MARKET_STAFF(page) {
    await page.goto('/pasar/pedagang?status=APPROVED');
    await collectLinks(page);
    const { turnoverReports } = await api<{ turnoverReports: { nodes: { id: string }[] } }>(page, '{ turnoverReports(first: 1) { nodes { id } } }');
    if (turnoverReports.nodes[0]) seenLinks.add(`/pasar/omzet/${turnoverReports.nodes[0].id}`);
    const { trainings } = await api<{ trainings: { nodes: { id: string; enrolments: { nodes: { id: string; certificateNumber: string | null }[] } }[] } }>(
      page,
      '{ trainings(first: 30) { nodes { id enrolments(first: 50) { nodes { id certificateNumber } } } } }',
    );
    for (const training of trainings.nodes) {
      const certified = training.enrolments.nodes.find((e) => e.certificateNumber);
      if (certified) {
        seenLinks.add(`/pasar/pelatihan/${training.id}/sertifikat/${certified.id}`);
        break;
      }
    }
  },
};

/** Addresses seen in links so far (same origin, path and query), for routes with an id. */
const seenLinks = new Set<string>();
/** Route pattern → the address it was opened at. */
const opened = new Map<string, string[]>();

async function collectLinks(page: Page): Promise<void> {
  const origin = new URL(app.portal.url).origin;
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin === origin) seenLinks.add(url.pathname + url.search);
  }
}

/** Opens one address in one language and returns what is wrong with it. */
async function inspect(page: Page, address: string, errors: string[]): Promise<string[]> {
  errors.length = 0;
  const response = await page.goto(address);
  await hydrated(page).catch(() => errors.push('the page never took over (no hydration)'));
  const problems: string[] = [];
  if (response && response.status() >= 400) problems.push(`HTTP ${response.status()}`);
  const { width, culprits } = await overflowing(page);
  if (width > WIDTH) problems.push(`${width} px wide: ${culprits.join('; ')}`);
  const { description, headerHeight } = await page.evaluate(() => ({
    description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
    headerHeight: document.querySelector('header.app-header-signed-in')?.getBoundingClientRect().height ?? 0,
  }));
  if (!description.trim()) problems.push('no meta description');
  // The signed-in header is two short lines on a phone (it took 160 of 740 px).
  if (headerHeight > HEADER_MAX) problems.push(`header ${Math.round(headerHeight)} px high`);
  const text = `${await page.title()}\n${await page.locator('body').innerText()}`;
  problems.push(...textProblems(text));
  problems.push(...(await axeFindings(page)));
  problems.push(...errors.map((e) => `console: ${e.slice(0, 160)}`));
  return problems;
}

function listenForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

async function setLanguage(context: BrowserContext, lang: string): Promise<void> {
  await context.addCookies([{ name: 'kp_lang', value: lang, url: app.portal.url }]);
}

/** Opens every route of `routes` it can reach (following links for ids), in both languages. */
async function openAll(page: Page, routes: Route[], found: string[]): Promise<void> {
  const errors = listenForErrors(page);
  const queue = routes.filter((r) => !isDynamic(r)).map((r) => ({ route: r, address: r.pattern }));
  const pending = routes.filter(isDynamic);
  const done = new Set<string>();
  while (queue.length || pending.length) {
    const next = queue.shift();
    if (!next) {
      // Resolve routes with an id from the links seen so far; stop when none resolves.
      // A link to a fixed route (/pasar/omzet/sengketa) is not an id of /pasar/omzet/[id].
      const candidates = (r: Route) => [...seenLinks].filter((l) => r.regex.test(l.split('?')[0]) && !STATIC_PATHS.has(l.split('?')[0]));
      const resolvable = pending.filter((r) => candidates(r).length);
      if (!resolvable.length) break;
      for (const r of resolvable) {
        pending.splice(pending.indexOf(r), 1);
        queue.push({ route: r, address: candidates(r).find((l) => !l.includes('?')) ?? candidates(r)[0] });
      }
      continue;
    }
    if (done.has(next.address)) continue;
    done.add(next.address);
    opened.set(next.route.pattern, [...(opened.get(next.route.pattern) ?? []), next.address]);
    for (const lang of LANGUAGES) {
      await setLanguage(page.context(), lang);
      for (const problem of await inspect(page, next.address, errors)) found.push(`${next.address} [${lang}] ${problem}`);
      if (lang === 'id') {
        await collectLinks(page);
        const extra = ALSO_OPEN[next.route.pattern];
        const href = extra && (await page.locator(extra).first().getAttribute('href').catch(() => null));
        if (href) queue.unshift({ route: next.route, address: new URL(href, page.url()).pathname + new URL(href, page.url()).search });
      }
    }
  }
}

describe('every route, every role, both languages, 360 × 740', () => {
  it.each(ROLES.map((role) => [role] as const))(
    '%s: every page of the role reads right, fits, has no console error and no serious axe finding',
    async (role) => {
      const login = LOGINS[role];
      expect(login, `no demo sign-in for role ${role}: add it to LOGINS`).toBeTruthy();
      const page = await newPhonePage(app.browser, app.portal);
      await signInAs(page, login);
      await PREPARE[role]?.(page);
      const found: string[] = [];
      await openAll(page, ROUTES.filter((r) => rolesOf(r).includes(role)), found);
      await setLanguage(page.context(), 'id');
      await page.context().close();
      expect(found).toEqual([]);
    },
    600_000,
  );

  it('public pages, signed out', async () => {
    const page = await newPhonePage(app.browser, app.portal);
    const found: string[] = [];
    await openAll(page, ROUTES.filter((r) => r.group === '(public)'), found);
    await page.context().close();
    expect(found).toEqual([]);
  }, 600_000);

  it('reached every route (or it is listed, with the reason, as absent from the demo data)', () => {
    const missed = ROUTES.map((r) => r.pattern).filter((p) => !opened.has(p));
    expect(missed.sort()).toEqual(Object.keys(NOT_IN_DEMO).sort());
  });
});
