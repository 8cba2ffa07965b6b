import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import { SESSION_COOKIE } from '../modules/auth/session-cookie.util';

/**
 * Portal pages and page data compressed on the way out, where that gives nothing away.
 *
 * Compression leaks, through the size of the answer, whether text the attacker put into a page
 * repeats a secret elsewhere in it (BREACH). So only answers with no secret beside
 * attacker-controlled text are compressed:
 * - anything asked without a session cookie (public pages: nobody's data in them);
 * - signed-in pages that show aggregates or the vendor's own market days, and echo no free text
 *   from the address (COMPRESSED_SIGNED_IN_PATHS).
 * Other signed-in pages (registry, families, turnover, vendor data, search results) go
 * uncompressed. The portal's JavaScript and CSS are precompressed at build time and served as
 * they are. `/graphql` is not compressed (its answers carry personal data and echo input).
 */
const COMPRESSED_SIGNED_IN_PATHS = [/^\/mitra(\/|$)/, /^\/usaha\/?$/, /^\/usaha\/(pasar|riwayat|pelatihan)(\/__data\.json)?\/?$/, /^\/usaha\/__data\.json$/];

/** Types worth compressing; images and downloads (XLSX is already zipped) are left alone. */
const COMPRESSIBLE_TYPE = /^(text\/html|application\/json)\b/;

/** Brotli at quality 4: about gzip's speed, a little smaller (measured in docs/portal.md). */
const BROTLI_QUALITY = 4;

function hasSession(req: IncomingMessage): boolean {
  return (req.headers.cookie ?? '').split(';').some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`));
}

/** Whether this request's answer may be compressed (see above). */
export function mayCompress(req: IncomingMessage): boolean {
  if (req.method !== 'GET') return false;
  if (!hasSession(req)) return true;
  const pathname = (req.url ?? '/').split('?')[0];
  return COMPRESSED_SIGNED_IN_PATHS.some((p) => p.test(pathname));
}

function chosenEncoding(req: IncomingMessage): 'br' | 'gzip' | null {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

/**
 * Makes `res` compress its body when the request may be compressed (mayCompress), the client
 * accepts br or gzip, and the answer turns out to be HTML or JSON not already encoded. Call it
 * before handing `res` to the portal; the decision on the type is taken when the headers go out.
 */
export function compressWhenSafe(req: IncomingMessage, res: ServerResponse): void {
  const encoding = chosenEncoding(req);
  if (!encoding || !mayCompress(req)) return;
  const vary = String(res.getHeader('vary') ?? '');
  if (!/accept-encoding/i.test(vary)) res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');

  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  let stream: zlib.BrotliCompress | zlib.Gzip | undefined;
  let decided = false;

  const decide = () => {
    if (decided) return;
    decided = true;
    const type = String(res.getHeader('content-type') ?? '');
    if (res.getHeader('content-encoding') || !COMPRESSIBLE_TYPE.test(type) || res.statusCode === 204 || res.statusCode === 304) return;
    stream =
      encoding === 'br'
        ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })
        : zlib.createGzip({ level: 6 });
    res.setHeader('content-encoding', encoding);
    res.removeHeader('content-length');
    stream.on('data', (chunk: Buffer) => write(chunk));
    stream.on('end', () => end());
  };

  // Headers given to writeHead are set one by one first, so that the choice above can still change them.
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find((r) => typeof r === 'object' && r !== null) as OutgoingHttpHeaders | string[] | undefined;
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    res.statusCode = status;
    decide();
    return writeHead(status);
  }) as typeof res.writeHead;

  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    decide();
    if (!stream) return write(chunk, ...rest);
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    const ok = stream.write(chunk as Buffer, typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8');
    // A writer that waits for 'drain' after `false` (SvelteKit does) gets it when the compressor drains.
    if (!ok) stream.once('drain', () => res.emit('drain'));
    // Streamed pages (SvelteKit sends promises' results later) must not wait in the compressor.
    stream.flush(() => callback?.());
    return ok;
  }) as typeof res.write;

  res.end = ((...args: unknown[]) => {
    decide();
    if (!stream) return end(...args);
    const [chunk, maybeEncoding] = args;
    const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    if (callback) res.once('finish', callback);
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') stream.end(chunk as Buffer, typeof maybeEncoding === 'string' ? (maybeEncoding as BufferEncoding) : 'utf8');
    else stream.end();
    return res;
  }) as typeof res.end;
}
