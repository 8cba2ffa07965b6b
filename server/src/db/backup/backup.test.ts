import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFamilies } from '../../../test/distribution.fixtures';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { seedRoundsDemo } from '../../modules/ina-kasih/round.seed';
import { createLogger } from '../../platform/logger';
import { restoreBackup, writeBackup } from './backup.service';

describe('backup and restore', () => {
  let source: TestApp;
  let target: TestApp;
  const file = path.join(os.tmpdir(), `kupang-backup-${process.pid}.ndjson.gz`);
  beforeAll(async () => {
    source = await startTestApp();
    target = await startTestApp();
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    fs.rmSync(file, { force: true });
  });

  it('restores every row into a fresh database, and the restored platform works', async () => {
    const admin = await source.as('admin@kupang.demo');
    await admin.ok('mutation { createPartner(input: { name: "Bank Uji Cadangan", sector: "Perbankan" }) { partner { id } } }');
    // Ina Kasih rounds with deliveries, so the derived impact rollups have something to rebuild.
    await insertFamilies(source, 40, '53.71.04.1001', { enrolledAt: '2020-01-01' });
    const [program] = await source.sql<{ id: string }>(`select id from ina_program order by created_at limit 1`);
    await seedRoundsDemo(source.em(), createLogger('silent'), program.id);
    const backup = await writeBackup(source.em(), file);
    expect(backup.tables.app_user).toBeGreaterThanOrEqual(6);
    expect(backup.tables.region).toBe(59);

    const restored = await restoreBackup(target.em(), file);
    expect(restored.tables).toEqual(backup.tables);
    // A restored stock lot is re-drawn by its re-inserted movements, which touch its updated_at:
    // every other column (balance included) is as it was.
    const { ina_stock_lot: _lots, ...rest } = await source.fingerprint();
    expect(await target.fingerprint()).toMatchObject(rest);
    const lots = `select id, program_id, funding_source_id, received_on, packs_received, packs_remaining, unit_cost, created_at from ina_stock_lot order by id`;
    expect(await target.sql(lots)).toEqual(await source.sql(lots));
    // The impact rollups (schema impact, not in the backup) come back from the restored rows' triggers.
    const rollups = async (t: TestApp) => {
      const out: Record<string, unknown[]> = {};
      for (const table of ['ina_month_kelurahan', 'ina_month_source', 'ina_family_year', 'ina_reach_range', 'impact_market_month', 'market_turnover_month']) {
        // Every column in the order: rows may share their first columns (one month, two funding sources).
        out[table] = (await t.sql<Record<string, unknown>>(`select * from impact.${table}`)).map((r) => JSON.stringify(r)).sort();
      }
      return out;
    };
    const kept = await rollups(source);
    expect(kept.ina_month_kelurahan.length).toBeGreaterThan(0);
    expect(await rollups(target)).toEqual(kept);

    // The restored audit trail keeps growing (its sequence continues) and sign-in works.
    const again = await target.as('admin@kupang.demo');
    const r = await again.ok<any>('{ partners { name } }');
    expect(r.partners.map((p: any) => p.name)).toContain('Bank Uji Cadangan');
  });

  it('changes nothing when the file is not a backup', async () => {
    const bad = `${file}.bad`;
    fs.writeFileSync(bad, require('node:zlib').gzipSync('{"format":"something-else"}\n'));
    const before = await target.fingerprint();
    await expect(restoreBackup(target.em(), bad)).rejects.toThrow(/not a platform backup/);
    expect(await target.fingerprint()).toEqual(before);
    fs.rmSync(bad);
  });
});
