/**
 * Browser-test harness: runs the real server (API + built portal on one origin) as a child
 * process on a fresh database with the demo data, and drives Chromium with playwright-core:
 * the system's when installed, else the one inside @sparticuz/chromium (see chromium.mjs).
 * Builds nothing: run `npm run build` (server and web) first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { TcpProxy } from '../../server/test/tcp-proxy';
import { chooseChromium } from './chromium.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const serverMain = path.join(repoRoot, 'server/dist/main.js');
const webHandler = path.join(repoRoot, 'web/build/handler.js');

export const DEMO_PASSWORD = 'kupang2026';

export interface RunningPortal {
  url: string;
  /** The portal's database, for tests that count rows: TEST_DATABASE_URL's, or the embedded one's port. */
  databaseUrl: string;
  /** With `databaseProxy`: cut the server's connections to PostgreSQL (as a restart does) and let them through again. */
  database?: { down(): void; up(): void };
  /** What the server process printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on TEST_DATABASE_URL's server, via the `pg` driver the server already depends on. */
async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const { Client } = createRequire(path.join(repoRoot, 'server/package.json'))('pg') as typeof import('pg');
  const name = `kupang_web_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before it was healthy:\n${output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${output()}`);
}

export interface PortalOptions {
  /** The market's clock (MARKET_CLOCK), for tests that need a particular day and hour. */
  marketClock?: string;
  /** Put a TCP proxy between the server and TEST_DATABASE_URL's PostgreSQL, so a test can take the database away. */
  databaseProxy?: boolean;
}

/** Starts `node server/dist/main.js` on a free port with a fresh database and the demo sign-ins. */
export async function startPortal(options: PortalOptions = {}): Promise<RunningPortal> {
  for (const file of [serverMain, webHandler]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build -w server && npm run build -w web first`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kupang-web-test-'));
  const database = process.env.TEST_DATABASE_URL ? await createTestDatabase(process.env.TEST_DATABASE_URL) : undefined;
  const url = `http://127.0.0.1:${port}`;
  // No ORIGIN: the portal must accept form posts over plain http exactly as `npm start` serves it.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'always', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.ORIGIN;
  if (options.marketClock) env.MARKET_CLOCK = options.marketClock;
  if (database) env.DATABASE_URL = database.url;
  let proxy: TcpProxy | undefined;
  if (database && options.databaseProxy) ({ proxy, url: env.DATABASE_URL } = await TcpProxy.inFrontOf(database.url));
  // Without TEST_DATABASE_URL the server runs its embedded PostgreSQL; a fixed port lets the tests
  // read it over the same wire protocol.
  const embeddedPort = database ? undefined : await freePort();
  if (embeddedPort) env.EMBEDDED_DB_PORT = String(embeddedPort);

  const child = spawn(process.execPath, [serverMain], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await proxy?.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url,
    databaseUrl: database?.url ?? `postgres://postgres@127.0.0.1:${embeddedPort}/postgres`,
    database: proxy && { down: () => proxy.down(), up: () => proxy.up() },
    output: () => output,
    stop,
  };
}

/** Runs one SQL query on the portal's database (the `pg` driver the server already depends on). */
export async function queryDatabase<T = Record<string, unknown>>(portal: RunningPortal, sql: string, params: unknown[] = []): Promise<T[]> {
  const { Client } = createRequire(path.join(repoRoot, 'server/package.json'))('pg') as typeof import('pg');
  const client = new Client({ connectionString: portal.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function launchBrowser(): Promise<Browser> {
  const { executablePath, env } = await chooseChromium();
  return chromium.launch({
    executablePath,
    env: { ...process.env, ...env },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone-sized page (360 px wide) in a fresh context, so cookies never carry over between tests. */
export async function newPhonePage(browser: Browser, portal: RunningPortal, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: portal.url, viewport: { width: 360, height: 740 }, ...options });
  return context.newPage();
}

export interface PortalInBrowser {
  readonly portal: RunningPortal;
  readonly browser: Browser;
  /** A fresh phone page signed in through the form, past the sign-in page. */
  signedIn(login: string, password?: string): Promise<Page>;
}

/** One portal and one Chromium for a test file: started before its tests, stopped after them. */
export function usePortalAndBrowser(options: PortalOptions = {}): PortalInBrowser {
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the portal is not started yet: use it inside a test or a hook');
    return value;
  };
  beforeAll(async () => {
    portal = await startPortal(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });
  return {
    get portal() {
      return started(portal);
    },
    get browser() {
      return started(browser);
    },
    async signedIn(login, password) {
      const page = await newPhonePage(started(browser), started(portal));
      await page.goto('/masuk');
      await signInWithForm(page, login, password);
      await page.waitForURL((url) => url.pathname !== '/masuk');
      return page;
    },
  };
}

/** Waits until the page's scripts have taken it over: before that a link click loads a whole new page. */
export async function hydrated(page: Page): Promise<void> {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Signs in through the form on /masuk, as a person would. */
export async function signInWithForm(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Nomor HP atau e-mail').fill(login);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

/**
 * Form controls a screen reader could not name: no label, no text, no aria-label.
 * One evaluate finds and checks them in the same moment: `$$eval` finds the controls first and
 * checks them after, so a navigation in between leaves it checking the old page's controls,
 * detached and with no label any more.
 */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
      .filter((c) => !(c as HTMLInputElement).labels?.length && !c.getAttribute('aria-label') && !(c as HTMLElement).innerText?.trim())
      .map((c) => c.outerHTML),
  );
}
