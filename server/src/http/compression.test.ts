import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressWhenSafe } from './compression';

/** A page of the size of the partner's report, answered the ways the portal answers. */
const PAGE = `<!doctype html><html><body>${'<tr><th>Des 2026</th><td>Rp 1.250.000</td></tr>'.repeat(800)}</body></html>`;

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    compressWhenSafe(req, res);
    const path = (req.url ?? '/').split('?')[0];
    if (path.endsWith('.js')) {
      // A precompressed asset: already encoded, left as it is.
      res.writeHead(200, { 'content-type': 'text/javascript', 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync('console.log(1)'));
    } else if (path.endsWith('/unduh')) {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': '5' });
      res.end('a,b\n1');
    } else if (path.endsWith('/big')) {
      // Written chunk by chunk, waiting for 'drain' whenever write says so (as SvelteKit's setResponse does).
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunks = Array.from({ length: 64 }, () => PAGE);
      const next = () => {
        while (chunks.length) if (!res.write(chunks.shift())) return void res.once('drain', next);
        res.end();
      };
      next();
    } else if (path.endsWith('/stream')) {
      // Written in parts with writeHead's headers, as SvelteKit streams a page.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(PAGE.slice(0, 1000));
      setTimeout(() => res.end(PAGE.slice(1000)), 20);
    } else {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-length', Buffer.byteLength(PAGE));
      res.end(PAGE);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string, headers: Record<string, string>): Promise<{ encoding?: string; vary?: string; bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          const plain = encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body;
          resolve({ encoding, vary: res.headers.vary, bytes: body.length, text: plain.toString() });
        });
      })
      .on('error', reject);
  });
}

const SESSION = { cookie: 'kp_lang=id; kp_session=abc' };

describe('compression of portal answers (only where it gives nothing away)', () => {
  it.each([
    ['a public page, brotli', '/pasar-akhir-pekan', { 'accept-encoding': 'gzip, deflate, br' }, 'br'],
    ['a public page, gzip only', '/', { 'accept-encoding': 'gzip' }, 'gzip'],
    ['a streamed public page', '/stream', { 'accept-encoding': 'br' }, 'br'],
    ['the partner report, signed in', '/mitra/dana', { 'accept-encoding': 'br', ...SESSION }, 'br'],
    ['the partner report data', '/mitra/dana/__data.json', { 'accept-encoding': 'br', ...SESSION }, 'br'],
    ['the vendor’s market days', '/usaha/pasar', { 'accept-encoding': 'gzip', ...SESSION }, 'gzip'],
  ])('%s is compressed', async (_, path, headers, expected) => {
    const r = await get(path, headers);
    expect(r.encoding).toBe(expected);
    expect(r.vary).toMatch(/Accept-Encoding/);
    expect(r.text).toBe(PAGE);
    expect(r.bytes).toBeLessThan(PAGE.length / 5);
  });

  it.each([
    ['a family page, signed in (personal data beside a search echoed from the address)', '/program/keluarga', { 'accept-encoding': 'br', ...SESSION }],
    ['the vendor’s own data page', '/usaha/data', { 'accept-encoding': 'br', ...SESSION }],
    ['a client that accepts no encoding', '/', {}],
  ])('%s is sent as it is', async (_, path, headers) => {
    const r = await get(path, headers);
    expect(r.encoding).toBeUndefined();
    expect(r.text).toBe(PAGE);
  });

  it('lets a writer that waits for drain finish a large page', async () => {
    const r = await get('/big', { 'accept-encoding': 'br' });
    expect(r.encoding).toBe('br');
    expect(r.text).toBe(PAGE.repeat(64));
  });

  it('leaves downloads and precompressed assets alone', async () => {
    const csv = await get('/mitra/dana/unduh', { 'accept-encoding': 'br', ...SESSION });
    expect(csv.encoding).toBeUndefined();
    expect(csv.text).toBe('a,b\n1');
    const js = await get('/_app/immutable/app.js', { 'accept-encoding': 'br, gzip' });
    expect(js.encoding).toBe('gzip');
    expect(js.text).toBe('console.log(1)');
  });
});
