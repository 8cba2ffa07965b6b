import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../platform/logger';
import { GraphqlClient } from '../../test/graphql-client';

describe('embedded database (no DATABASE_URL)', () => {
  it('seeds the demo data on first start only, and keeps changes across a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kupang-embedded-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const logger = createLogger('silent');
    try {
      const first = await createApp(config, logger, { serveWeb: false });
      expect(first.seededDemo).toBe(true);
      const admin = new GraphqlClient(first.url);
      await admin.signIn('admin@kupang.demo', 'kupang2026');
      await admin.ok('mutation { createPartner(input: { name: "Koperasi Tenun Ikat" }) { partner { id } } }');
      await first.close();

      const second = await createApp(config, logger, { serveWeb: false });
      expect(second.seededDemo).toBe(false);
      const again = new GraphqlClient(second.url);
      await again.signIn('admin@kupang.demo', 'kupang2026');
      const r = await again.ok<any>('{ partners { name } }');
      expect(r.partners.map((p: any) => p.name)).toContain('Koperasi Tenun Ikat');
      await second.close();
      expect(fs.existsSync(path.join(dataDir, 'pg'))).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
