import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FEATURES } from '$lib/features';
import { AREA_NAV } from '$lib/navigation';
import { commonId } from './common.id';
import { offlineId } from './features/offline.id';
import { dictionaries, type MessageKey } from './index';
import { menuLabels } from '$lib/server/menu';
import { featuresFor, loadMessages, pathOf, type Feature } from './messages';

/**
 * A page gets only its section's share of the dictionary, so a key its markup uses from another
 * feature would show as a bare key. This reads every route file and the components and modules
 * it imports, and checks each message key (or `prefix.${…}` template) they name is in the share.
 */
const src = fileURLToPath(new URL('../..', import.meta.url));
const routes = path.join(src, 'routes');
const allKeys = Object.keys(dictionaries.id) as MessageKey[];
const FEATURE_DICTIONARIES: Record<Feature, object> = Object.fromEntries([
  ['common', commonId],
  ...(await Promise.all(FEATURES.map(async (f) => [f.id, await f.messages.id()]))),
]);
const featureOf = new Map<string, Feature>(
  Object.entries(FEATURE_DICTIONARIES).flatMap(([feature, dictionary]) => Object.keys(dictionary).map((key) => [key, feature as Feature])),
);

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return /^\+(page|layout|error)(\.server)?\.(svelte|ts)$/.test(name) ? [full] : [];
  });
}

/** The file and the browser-side modules it imports, recursively (not the server-only or i18n code). */
function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const m of readFileSync(file, 'utf8').matchAll(/from '((?:\$lib|\.)[^']*)'/g)) {
    const spec = m[1];
    if (/^\$lib\/(server|i18n|navigation|features)\b/.test(spec)) continue;
    const base = spec.startsWith('$lib') ? path.join(src, 'lib', spec.slice(5)) : path.resolve(path.dirname(file), spec);
    const resolved = [base, `${base}.ts`, `${base}.js`].find((f) => statSync(f, { throwIfNoEntry: false })?.isFile());
    if (resolved) withImports(resolved, seen);
  }
  return seen;
}

/** Features whose keys the source names: whole keys, and `prefix.${…}` templates. */
function featuresNamed(source: string): Feature[] {
  const found = new Set<Feature>();
  for (const m of source.matchAll(/['"`]([a-zA-Z]+\.[\w.]*?)(?:\$\{|['"`])/g)) {
    const named = m[1];
    const keys = named.endsWith('.') ? allKeys.filter((key) => key.startsWith(named)) : allKeys.filter((key) => key === named);
    for (const key of keys) if (featureOf.has(key)) found.add(featureOf.get(key)!);
  }
  return [...found];
}

describe('each page gets the messages it shows', () => {
  const files = routeFiles(routes);

  it.each(files.map((f) => [path.relative(routes, f), f]))('%s names only keys of its section', (_, file) => {
    const routeId = '/' + path.relative(routes, path.dirname(file)).split(path.sep).join('/');
    const given = featuresFor(routeId.replace(/\/$/, '') || '/');
    const named = [...withImports(file)].flatMap((f) => featuresNamed(readFileSync(f, 'utf8')));
    expect(named.filter((feature) => !given.includes(feature))).toEqual([]);
  });

  it('would notice a key of another feature', () => {
    expect(featuresNamed("t('market.nav.book') t(`ina.${x}`) t('app.name')").sort()).toEqual(['common', 'inaKasih', 'market']);
  });

  it('gives each area its menu labels', () => {
    for (const [area, links] of Object.entries(AREA_NAV)) {
      const labels = menuLabels('en', `/(x)/${area}/deeper/[id]`);
      for (const link of links) expect(labels[link.label]).toBe(dictionaries.en[link.label]);
    }
    expect(menuLabels('id', '/(public)/daftar-usaha')).toEqual({});
  });

  it('loads the common texts and the outbox in one language, and a route its features', async () => {
    const home = await loadMessages('en', '/(public)');
    expect(Object.keys(home).sort()).toEqual([...Object.keys(commonId), ...Object.keys(offlineId)].sort());
    expect(home['app.skipToContent']).toBe(dictionaries.en['app.skipToContent']);
    const market = await loadMessages('id', '/(staff)/pasar/hari/[id]');
    expect(market['market.nav.days']).toBe(dictionaries.id['market.nav.days']);
    expect(market['ina.nav.families']).toBeUndefined();
  });

  it('reads the path and the features from the route id', () => {
    expect(pathOf('/(staff)/pasar/hari/[id]')).toBe('/pasar/hari/[id]');
    expect(pathOf('/(public)')).toBe('/');
    expect(pathOf(null)).toBe('/');
    expect(featuresFor('/(staff)/program/stok')).toEqual(['common', 'offline', 'inaKasih', 'staffTasks', 'funding']);
    // The family search sits in the program area's layout, so its texts come with every program page.
    expect(featuresFor('/(staff)/program')).toEqual(['common', 'offline', 'staffTasks']);
    expect(featuresFor('/(staff)/pasar-akhir-pekan')).toEqual(['common', 'offline', 'market']);
  });
});
