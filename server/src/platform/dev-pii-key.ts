import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Outside production a missing PII_KEY is generated once into the data folder, so a first
 * `npm start` needs no set-up and the embedded data stays readable across restarts.
 */
export function loadOrCreateDevPiiKey(dataDir: string): string {
  const file = path.join(dataDir, 'pii.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
