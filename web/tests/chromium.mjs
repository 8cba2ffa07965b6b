/**
 * Which Chromium the browser tests (and scripts/screenshots.mjs) drive with playwright-core.
 *
 * - `TEST_CHROMIUM=/path/to/chrome`: that one.
 * - `TEST_CHROMIUM=bundled`: the one shipped inside the `@sparticuz/chromium` package.
 * - otherwise the system's (Debian's `chromium`) when installed, else the bundled one, so a
 *   machine with only Node and `npm install` runs the browser tests too.
 *
 * The package unpacks its browser into the temporary directory and reuses whatever it finds
 * there, whichever version and however complete. Here it is unpacked once per package version
 * into node_modules/.cache, into a private folder first and then renamed into place, so two
 * test runs on one machine never start a half-written browser.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @typedef {object} ChosenChromium
 * @property {string} executablePath
 * @property {Record<string, string>} env  extra environment for the browser process
 */

/** @returns {Promise<ChosenChromium>} */
export async function chooseChromium() {
  const wanted = process.env.TEST_CHROMIUM;
  if (wanted && wanted !== 'bundled') return { executablePath: wanted, env: {} };
  const system = SYSTEM_CHROMIUM.find((file) => existsSync(file));
  if (system && wanted !== 'bundled') return { executablePath: system, env: {} };
  return bundledChromium();
}

/** @returns {Promise<ChosenChromium>} */
async function bundledChromium() {
  // The package exports only its entry (build/index.js), not its package.json.
  const packageDir = path.resolve(fileURLToPath(import.meta.resolve('@sparticuz/chromium')), '../..');
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const dir = path.join(repoRoot, 'node_modules', '.cache', `sparticuz-chromium-${version}`);
  if (!existsSync(path.join(dir, 'chromium'))) await unpack(path.join(packageDir, 'bin'), dir);
  // A bare machine has no fontconfig setup: then the package's own fonts, or pages render without text.
  /** @type {Record<string, string>} */
  const env = existsSync('/etc/fonts/fonts.conf') ? {} : { FONTCONFIG_FILE: fontConfig(dir) };
  return { executablePath: path.join(dir, 'chromium'), env };
}

/**
 * @param {string} bin the package's folder of compressed files
 * @param {string} dir where the browser ends up
 */
async function unpack(bin, dir) {
  const { inflate } = await import('@sparticuz/chromium');
  mkdirSync(path.dirname(dir), { recursive: true });
  const scratch = mkdtempSync(`${dir}.unpacking-`);
  // The package unpacks into os.tmpdir(), which reads TMPDIR on every call.
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
  try {
    await Promise.all(['chromium.br', 'fonts.tar.br', 'swiftshader.tar.br'].map((file) => inflate(path.join(bin, file))));
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
  try {
    renameSync(scratch, dir);
  } catch (error) {
    // Another run finished first: use its copy.
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(path.join(dir, 'chromium'))) throw error;
  }
}

/** @param {string} dir */
function fontConfig(dir) {
  const file = path.join(dir, 'fonts.local.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${path.join(dir, 'fonts', 'fonts')}</dir>\n  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
  );
  return file;
}
