import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from '../../config';
import { createLogger } from '../../platform/logger';
import { openDatabase } from '../database';
import { restoreBackup, writeBackup } from './backup.service';

/**
 * `npm run backup -- FILE` writes a consistent backup of the configured database;
 * `npm run restore -- FILE` replaces its data with the backup's (stop the platform first).
 */
async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if (!['backup', 'restore'].includes(command) || !file) {
    console.error('usage: npm run backup -- FILE.ndjson.gz   |   npm run restore -- FILE.ndjson.gz');
    process.exit(2);
  }
  const config = loadConfig();
  const db = await openDatabase(config, createLogger('warn'));
  try {
    const target = path.resolve(file);
    const summary = command === 'backup' ? await writeBackup(db.orm.em.fork(), target) : await restoreBackup(db.orm.em.fork(), target);
    const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
    console.log(`${command === 'backup' ? 'Backed up' : 'Restored'} ${rows} rows in ${Object.keys(summary.tables).length} tables ${command === 'backup' ? 'to' : 'from'} ${target}`);
  } finally {
    await db.close();
  }
}

main().catch((err: Error) => {
  console.error(`${process.argv[2] ?? 'backup'} failed: ${err.message}`);
  process.exit(1);
});
