import 'reflect-metadata';
import { loadConfig } from '../../config';
import { createLogger } from '../../platform/logger';
import { loadOrCreateDevPiiKey } from '../../platform/dev-pii-key';
import { openDatabase } from '../database';
import { seedDemo } from './demo.seeder';

/** `npm run seed:demo`: loads the demo data into the configured database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger);
  try {
    await seedDemo(db.orm.em.fork(), logger, { piiKey: config.piiKey ?? loadOrCreateDevPiiKey(config.dataDir) });
  } finally {
    await db.close();
  }
}

main().catch((err: Error) => {
  console.error(`seed failed: ${err.message}`);
  process.exit(1);
});
