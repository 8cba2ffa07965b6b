import { AsyncLocalStorage } from 'node:async_hooks';
import { DefaultLogger, type LogContext, type LoggerNamespace, type LoggerOptions } from '@mikro-orm/core';
import type { Logger } from 'pino';

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

/**
 * MikroORM logger that tallies every statement and, when query logging is on (LOG_LEVEL=trace),
 * writes them as JSON entries of the application's log (never MikroORM's plain coloured lines).
 * Statements are logged with their placeholders, never their values (no `query-params`).
 */
export class CountingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly json?: Logger,
  ) {
    super(options);
  }

  override log(namespace: LoggerNamespace, message: string, context?: LogContext): void {
    if (!this.json) return super.log(namespace, message, context);
    if (!this.isEnabled(namespace, context)) return;
    const level = context?.level === 'error' ? 'error' : context?.level === 'warning' ? 'warn' : 'debug';
    // MikroORM's message ends in a coloured "[took 3 ms, 1 row affected]": the figures are fields here.
    const text = message.replace(/\u001b\[\d+m/g, '').replace(/\s*\[took [^\]]*\]\s*$/, '');
    this.json[level]({ orm: namespace, took: context?.took, results: context?.results }, text.replace(/\s+/g, ' ').trim());
  }

  override logQuery(context: { query: string } & LogContext): void {
    const tally = storage.getStore();
    if (tally) tally.count++;
    super.logQuery(context);
  }
}
