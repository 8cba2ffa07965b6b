/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The portal's service worker: makes it installable and keeps the app shell on the phone.
 *
 * - Kept: the offline page (fetched without cookies, so it never holds anyone's data) with
 *   its stylesheet, the icons and manifest, and the hashed JavaScript/CSS files, which never
 *   change under the same name. Those are cached as pages use them, not all at install, so a
 *   phone on weak signal does not download every feature's code up front.
 * - Pages (HTML) the person opened, in a cache of their own (`kupang-pages`), so that a reload
 *   without signal shows the page as it was last loaded instead of the offline page: an officer
 *   door to door keeps her round open. It holds one person's pages only: emptied at every
 *   sign-in and sign-out and when a page answer sends to the sign-in page (session ended);
 *   a copy older than PAGE_MAX_AGE_MS is not shown; at most PAGE_LIMIT pages.
 * - Never kept: page data (`__data.json`), form posts, downloads and `/graphql`: they always go to
 *   the network. A page never opened before, with no connection, gets the offline page.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `kupang-shell-${version}`;
const PAGES = 'kupang-pages';
const PAGE_LIMIT = 30;
const PAGE_MAX_AGE_MS = 12 * 3600_000;
const SIGN_IN_OR_OUT = new Set(['/masuk', '/keluar']);
const OFFLINE_PAGE = '/offline';
const IMMUTABLE = new Set(build);
const STATIC = new Set(files.filter((f) => !f.endsWith('.map')));

/**
 * The offline page without its scripts (it needs none: its retry is a plain link), so it can
 * never start a reload loop by missing a script, also after an update removed old files; and
 * the stylesheets it uses.
 */
async function cacheShell(cache: Cache): Promise<void> {
  const pageUrl = new URL(OFFLINE_PAGE, sw.location.origin);
  const response = await fetch(pageUrl, { credentials: 'omit', cache: 'no-store' });
  if (!response.ok) throw new Error(`${OFFLINE_PAGE}: HTTP ${response.status}`);
  const html = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<link rel="modulepreload"[^>]*>/g, '');
  const headers = new Headers({ 'content-type': 'text/html; charset=utf-8' });
  const csp = response.headers.get('content-security-policy');
  if (csp) headers.set('content-security-policy', csp);
  await cache.put(OFFLINE_PAGE, new Response(html, { headers }));
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)]
    .map((tag) => /href="([^"]+)"/.exec(tag[0])?.[1])
    .filter((href): href is string => !!href)
    .map((href) => new URL(href, pageUrl).pathname);
  await cache.addAll([...new Set([...styles, ...STATIC])]);
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(cacheShell)
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE && key !== PAGES) await caches.delete(key);
      await sw.clients.claim();
    })(),
  );
});

/** Hashed build files and static files: from the phone first, else fetched once and kept. */
async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** Keeps a loaded page for a reload without signal; the oldest go beyond PAGE_LIMIT. */
async function keepPage(request: Request, response: Response): Promise<void> {
  const cache = await caches.open(PAGES);
  await cache.delete(request.url); // re-inserted last, so the list stays oldest first
  await cache.put(request.url, response);
  const kept = await cache.keys();
  for (const old of kept.slice(0, Math.max(0, kept.length - PAGE_LIMIT))) await cache.delete(old);
}

/**
 * A page: from the network, kept for a reload without signal; with no connection, the copy kept
 * of this address (if recent), else the offline page.
 */
async function page(event: FetchEvent): Promise<Response> {
  const { request } = event;
  try {
    const response = await fetch(request);
    const url = new URL(response.url || request.url);
    // Sent to the sign-in page: the session ended, the pages kept were someone's who is gone.
    if (response.redirected && url.pathname === '/masuk') event.waitUntil(caches.delete(PAGES));
    else if (response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html') && !/no-store/.test(response.headers.get('cache-control') ?? ''))
      event.waitUntil(keepPage(request, response.clone()));
    return response;
  } catch {
    const kept = await (await caches.open(PAGES)).match(request.url);
    const keptAt = Date.parse(kept?.headers.get('date') ?? '');
    if (kept && Date.now() - keptAt < PAGE_MAX_AGE_MS) return kept;
    const offline = await caches.match(OFFLINE_PAGE);
    return offline ?? new Response('Offline', { status: 503, headers: { 'content-type': 'text/plain' } });
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  // A sign-in or sign-out (the form's POST, with or without the page's scripts): the pages kept go.
  if (request.method === 'POST' && SIGN_IN_OR_OUT.has(url.pathname)) event.waitUntil(caches.delete(PAGES));
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    event.respondWith(page(event));
    return;
  }
  if (IMMUTABLE.has(url.pathname) || STATIC.has(url.pathname)) event.respondWith(cacheFirst(request));
  // Everything else (page data, /graphql, downloads) is left to the network, never cached.
});
