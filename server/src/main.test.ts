import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const main = path.resolve(__dirname, '..', 'dist', 'main.js');

function start(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [main], { env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stderr: r.stderr.trim(), stdout: r.stdout.trim() };
}

describe.runIf(fs.existsSync(main))('start-up failures print one clear line (built server)', () => {
  it('stops on a malformed DATABASE_URL', () => {
    const r = start({ DATABASE_URL: 'postgres//oops' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Configuration error: DATABASE_URL is not a PostgreSQL URL; expected postgres://USER:PASSWORD@HOST:5432/DATABASE');
  });

  it('stops when the database cannot be reached', () => {
    const r = start({ DATABASE_URL: 'postgres://kupang@127.0.0.1:1/kupang' });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^Start-up failed: cannot reach the database at 127\.0\.0\.1:1\/kupang: .*ECONNREFUSED/);
  });
});

describe.runIf(fs.existsSync(main))('shutdown', () => {
  it('stops cleanly on SIGTERM with the embedded database, after serving requests', async () => {
    const { spawn } = await import('node:child_process');
    const os = await import('node:os');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kupang-shutdown-'));
    const child = spawn(process.execPath, [main], { env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_BUILD_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    const url = await new Promise<string>((resolve) => {
      const timer = setInterval(() => {
        const m = /running at (http:\/\/localhost:\d+)/.exec(out);
        if (m) {
          clearInterval(timer);
          resolve(m[1]);
        }
      }, 100);
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const started = Date.now();
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(Date.now() - started).toBeLessThan(8000);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
