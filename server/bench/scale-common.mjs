/** Shared by seed-scale.mjs and impact.mjs: the scale database and a real server process on it. */
import { adminUrl } from './bench-server.mjs';

export { adminUrl, startServer } from './bench-server.mjs';

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

