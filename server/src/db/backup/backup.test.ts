import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
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
    const backup = await writeBackup(source.em(), file);
    expect(backup.tables.app_user).toBeGreaterThanOrEqual(6);
    expect(backup.tables.region).toBe(59);

    const restored = await restoreBackup(target.em(), file);
    expect(restored.tables).toEqual(backup.tables);
    expect(await target.fingerprint()).toEqual(await source.fingerprint());

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
