/** What every benchmark shares: a real server process (node dist/main.js) on a database, and a GraphQL call. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const serverDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/**
 * Starts the built server on `dbUrl` (migrations run at start-up) and waits for /healthz.
 * Write rate limits are off: a benchmark sends every request from one address on purpose.
 */
export async function startServer(dbUrl, seed = 'never') {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kupang-bench-'));
  const env = {
    ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbUrl, DATA_DIR: dataDir, SEED_DEMO: seed, LOG_LEVEL: 'warn',
    NODE_ENV: 'development', PII_KEY: process.env.PII_KEY || '0'.repeat(63) + '1', RATE_LIMIT_ACCOUNT_PER_MINUTE: '0', RATE_LIMIT_ADDRESS_PER_MINUTE: '0',
  };
  const child = spawn(process.execPath, [path.join(serverDir, 'dist/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 480; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))).then(() => rmSync(dataDir, { recursive: true, force: true })) };
}

/** One GraphQL request; throws on GraphQL errors; returns the data, the Set-Cookie headers and the SQL statement count. */
export async function gql(url, query, variables, cookie) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { data: body.data, setCookie: res.headers.getSetCookie(), statements: Number(res.headers.get('x-sql-statements') ?? -1) };
}
