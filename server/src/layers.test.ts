import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of the server, held by a test instead of a linter (no extra dependency): the platform
 * (platform/, graphql/, http/, db/) and the core modules (auth, user, region, partner, audit) never
 * import a feature (market, ina-kasih, turnover, funding); only the composition roots that register
 * the features may. A feature reaching into another feature's internals is not yet refused (the
 * trainings and impact reports still live inside turnover/ and funding/; see docs/architecture.md).
 */
const SRC = resolve(__dirname);
const FEATURES = ['market', 'ina-kasih', 'turnover', 'funding'];
const CORE = ['auth', 'user', 'region', 'partner', 'audit'];
const COMPOSITION = new Set([
  'app.ts',
  'main.ts',
  'graphql/schema.ts',
  'db/orm.config.ts',
  'db/migrations/index.ts',
  'modules/entities.ts',
  'modules/resolvers.ts',
  'modules/feature-modules.ts',
  'modules/feature-module.ts',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The source files a file imports, relative to src/ (package imports left out). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]);
  return specs.map((s) => relative(SRC, resolve(dirname(file), s)));
}

const featureOf = (path: string) => FEATURES.find((f) => path.startsWith(`modules/${f}/`));
const layerOf = (path: string): 'platform' | 'core' | 'feature' | 'composition' | 'other' => {
  if (COMPOSITION.has(path) || path.startsWith('db/seeders/')) return 'composition';
  if (/^(platform|graphql|http|db)\//.test(path)) return 'platform';
  if (CORE.some((c) => path.startsWith(`modules/${c}/`))) return 'core';
  if (featureOf(path)) return 'feature';
  return 'other';
};

describe('layers of the server', () => {
  const files = sourceFiles(SRC).map((f) => ({ path: relative(SRC, f), imports: importsOf(f) }));

  it('reads the source tree', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.path === 'platform/wita-clock.ts')).toBe(true);
  });

  it('platform and core modules import no feature; only the composition roots do', () => {
    const offending = files
      .filter((f) => ['platform', 'core'].includes(layerOf(f.path)))
      .flatMap((f) => f.imports.filter((i) => featureOf(i)).map((i) => `${f.path} → ${i}`));
    expect(offending).toEqual([]);
  });

  it('the city clock and the refusal helpers live in the platform, not in a feature', () => {
    const offending = files.flatMap((f) => f.imports.filter((i) => /market\/(market-time\.util|market\.guard)/.test(i)).map((i) => `${f.path} → ${i}`));
    expect(offending).toEqual([]);
  });
});
