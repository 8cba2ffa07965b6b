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
