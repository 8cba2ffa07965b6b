import { AsyncLocalStorage } from 'node:async_hooks';
import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';

/**
 * Counts the SQL statements issued while serving one request, so tests and benchmarks can
 * assert that a request's statement count does not grow with the data (no N+1).
 */
export interface StatementTally {
  count: number;
}

const storage = new AsyncLocalStorage<StatementTally>();

export function withStatementTally<T>(tally: StatementTally, fn: () => T): T {
  return storage.run(tally, fn);
}

export function currentTally(): StatementTally | undefined {
  return storage.getStore();
}

/** MikroORM logger that tallies every statement and prints them only when query logging is on. */
export class CountingLogger extends DefaultLogger {
  constructor(options: LoggerOptions) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    const tally = storage.getStore();
    if (tally) tally.count++;
    super.logQuery(context);
  }
}
