import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pathOf } from '$lib/i18n/messages';
import { FEATURES } from './index';

/** Every page's path without its (group), e.g. `/pasar/hari/[id]`, read from src/routes. */
const routes = fileURLToPath(new URL('../../routes', import.meta.url));
function pagePaths(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pagePaths(full);
    return name === '+page.svelte' ? [pathOf('/' + path.relative(routes, dir).split(path.sep).join('/'))] : [];
  });
}
const pages = pagePaths(routes);

describe('feature descriptors', () => {
  it('have distinct names', () => {
    const ids = FEATURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(FEATURES.flatMap((f) => Object.values(f.nav ?? {}).flat().map((link) => [f.id, link.href])))('%s links its menu to a page: %s', (_, href) => {
    expect(pages).toContain(href);
  });

  it.each(FEATURES.flatMap((f) => f.routes.map((route) => [f.id, route])))('%s names pages that exist: %s', (_, route) => {
    const below = (page: string) => (route.endsWith('/') ? page.startsWith(route) : page === route || page.startsWith(`${route}/`));
    expect(pages.some(below)).toBe(true);
  });
});
