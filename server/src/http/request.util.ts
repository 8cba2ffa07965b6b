import type { TLSSocket } from 'node:tls';
import type { IncomingMessage } from 'node:http';

export class RequestTooLargeError extends Error {}

export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // A declared length over the limit is refused before a byte is read, so the answer arrives.
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      reject(new RequestTooLargeError());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) {
        reject(new RequestTooLargeError());
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function peerAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? '';
}

/**
 * Decides once per request who the caller is and whether TLS was used, and writes the answer into
 * X-Forwarded-For (one address) and X-Forwarded-Proto, which the API and the portal then read.
 * Those headers are believed only from the loopback (the portal calling its own API) and from the
 * reverse proxies named in TRUSTED_PROXIES; anyone else's are replaced by what the socket says.
 */
export function normalizeForwarding(req: IncomingMessage, trustedProxies: readonly string[]): void {
  const peer = peerAddress(req);
  const trusted = (address: string) => LOOPBACK.has(address) || trustedProxies.includes(address);
  const socketProto = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  let client = peer;
  let proto = socketProto;
  if (trusted(peer)) {
    const forwarded = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').map((h) => h.trim()).filter(Boolean);
    // The nearest hop that is not one of our own proxies is the client; a client cannot forge the hops our proxies append.
    while (hops.length > 1 && trusted(hops[hops.length - 1])) hops.pop();
    if (hops.length) client = hops[hops.length - 1];
    const forwardedProto = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim();
    if (forwardedProto === 'https' || forwardedProto === 'http') proto = forwardedProto;
  }
  req.headers['x-forwarded-for'] = client.slice(0, 64);
  req.headers['x-forwarded-proto'] = proto;
}

/** The caller's address as decided by normalizeForwarding. */
export function clientIp(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  return (typeof forwarded === 'string' && forwarded ? forwarded : peerAddress(req)).slice(0, 64);
}
