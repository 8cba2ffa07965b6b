/** Shared by seed-scale.mjs and impact.mjs: the scale database and a real server process on it. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const serverDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** `--factor N` (default 1). */
export function factorArg() {
  const i = process.argv.indexOf('--factor');
  const raw = i >= 0 ? process.argv[i + 1] : (process.argv.find((a) => a.startsWith('--factor=')) ?? '').split('=')[1];
  const n = raw === undefined || raw === '' ? 1 : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    console.error('--factor must be a whole number from 1 to 100');
    process.exit(2);
  }
  return n;
}

export const databaseName = (factor) => `kupang_scale_f${factor}`;
export function databaseUrl(factor) {
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName(factor)}`;
  return url.toString();
}

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Starts node dist/main.js on the database (migrations run at start-up). */
export async function startServer(dbUrl, seed = 'never') {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kupang-scale-'));
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbUrl, DATA_DIR: dataDir, SEED_DEMO: seed, LOG_LEVEL: 'warn', NODE_ENV: 'development', PII_KEY: process.env.PII_KEY || '0'.repeat(63) + '1' };
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
