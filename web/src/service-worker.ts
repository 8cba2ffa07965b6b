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
 * - Never kept: pages (HTML), their data (`__data.json`), form posts and `/graphql` — those
 *   carry personal data and always go to the network. When a page cannot be loaded because
 *   there is no connection, the offline page is shown instead.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `kupang-shell-${version}`;
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
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
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

/** A page: always from the network (it may hold personal data); with no connection, the offline page. */
async function page(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    const offline = await caches.match(OFFLINE_PAGE);
    return offline ?? new Response('Offline', { status: 503, headers: { 'content-type': 'text/plain' } });
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
    return;
  }
  if (IMMUTABLE.has(url.pathname) || STATIC.has(url.pathname)) event.respondWith(cacheFirst(request));
  // Everything else (page data, /graphql, downloads) is left to the network, never cached.
});
