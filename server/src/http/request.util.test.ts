import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientIp, normalizeForwarding } from './request.util';

function request(peer: string, headers: Record<string, string> = {}, encrypted = false): IncomingMessage {
  return { socket: { remoteAddress: peer, encrypted }, headers: { ...headers } } as unknown as IncomingMessage;
}

describe('who is calling (X-Forwarded-For / -Proto)', () => {
  it('ignores forwarded headers from an address that is not a trusted proxy', () => {
    const req = request('203.0.113.7', { 'x-forwarded-for': '10.0.0.1', 'x-forwarded-proto': 'https' });
    normalizeForwarding(req, []);
    expect(clientIp(req)).toBe('203.0.113.7');
    expect(req.headers['x-forwarded-proto']).toBe('http');
  });

  it('believes a trusted proxy and takes the nearest hop it appended, not one the client forged', () => {
    const req = request('::ffff:172.18.0.1', { 'x-forwarded-for': '6.6.6.6, 36.80.1.2', 'x-forwarded-proto': 'https' });
    normalizeForwarding(req, ['172.18.0.1', '::ffff:172.18.0.1']);
    expect(clientIp(req)).toBe('36.80.1.2');
    expect(req.headers['x-forwarded-proto']).toBe('https');
  });

  it('skips chained trusted proxies and always trusts the loopback (the portal calling its API)', () => {
    const req = request('127.0.0.1', { 'x-forwarded-for': '36.80.1.2, 10.1.1.1' });
    normalizeForwarding(req, ['10.1.1.1']);
    expect(clientIp(req)).toBe('36.80.1.2');
  });

  it('uses the socket when a trusted caller sends no forwarded headers, and TLS decides the protocol', () => {
    const req = request('127.0.0.1', {}, true);
    normalizeForwarding(req, []);
    expect(clientIp(req)).toBe('127.0.0.1');
    expect(req.headers['x-forwarded-proto']).toBe('https');
  });
});
