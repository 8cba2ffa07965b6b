import type { IncomingMessage } from 'node:http';

export class RequestTooLargeError extends Error {}

export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new RequestTooLargeError());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The caller's address; X-Forwarded-For is trusted only from the loopback (the portal, a local proxy). */
export function isLoopback(req: IncomingMessage): boolean {
  const direct = req.socket.remoteAddress ?? '';
  return direct === '127.0.0.1' || direct === '::1' || direct === '::ffff:127.0.0.1';
}

export function clientIp(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (isLoopback(req) && typeof forwarded === 'string' && forwarded) return forwarded.split(',')[0].trim().slice(0, 64);
  return (req.socket.remoteAddress ?? '').slice(0, 64);
}
