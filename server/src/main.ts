import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { StartupError } from './db/database';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './db/seeders/demo-accounts';
import { createLogger } from './platform/logger';

/** Start-up only: read configuration, start the app, print where it is, stop cleanly. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const problem of err.problems) console.error(`Configuration error: ${problem}`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  let app;
  try {
    app = await createApp(config, logger);
  } catch (err) {
    const message = err instanceof StartupError || err instanceof Error ? err.message : String(err);
    console.error(`Start-up failed: ${message}`);
    process.exit(1);
  }
  const lines = [`Kupang platform running at ${app.url}  (API: ${app.url}/graphql, database: ${app.database.description})`];
  if (!config.databaseUrl || app.seededDemo) {
    lines.push(`Demo sign-ins (password "${DEMO_PASSWORD}" for each):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.role.padEnd(14)} ${a.login}`);
  }
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app!.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
