import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from '../../test/test-database';
import { TcpProxy } from '../../test/tcp-proxy';
import { REGISTER } from '../../test/market.fixtures';
import { DATABASE_RETRY_AFTER_SECONDS } from '../graphql/error-mapping';

describe.runIf(requireRealPostgres('database outage and recovery'))('when the database goes away and comes back (real PostgreSQL)', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    let viaProxy: string;
    ({ proxy, url: viaProxy } = await TcpProxy.inFrontOf(db.url!));
    t = await startTestApp({ DATABASE_URL: viaProxy }, { database: db });
  });
  afterAll(async () => {
    proxy?.up();
    await t?.close();
    await proxy?.stop();
  });

  const health = async () => {
    const res = await fetch(`${t.url}/healthz`);
    return { status: res.status, body: await res.json() };
  };

  it('reports the outage, fails requests cleanly and recovers by itself', async () => {
    const admin = await t.as('admin@kupang.demo');
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: 'ok' } });

    proxy.down();
    expect(await health()).toEqual({ status: 503, body: { status: 'degraded', database: 'unreachable' } });
    const started = Date.now();
    const during = await admin.request('{ partners { name } }');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(during.errors?.[0]).toMatchObject({ extensions: { code: 'DATABASE_UNAVAILABLE' }, message: 'Database sedang tidak dapat dihubungi. Silakan coba lagi sebentar lagi.' });
    expect(JSON.stringify(during.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|select /i);
    // 503 with Retry-After, so proxies and the portal's offline outbox try again later: for a
    // signed-in request (its session lookup fails), an anonymous read and a write.
    const anonymousRead = await t.client({ 'accept-language': 'en' }).request('{ publicMarket { venue } }');
    const write = await t.client().request(REGISTER, { i: { businessName: 'Dapur Mama', ownerName: 'Mama Yuli', phone: '081299990002', password: 'rahasia-pasar-1', category: 'KULINER', products: "Se'i", kelurahanCode: '53.71.02.1004' } });
    for (const r of [during, anonymousRead, write]) {
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      expect(r.errors?.[0].extensions?.code).toBe('DATABASE_UNAVAILABLE');
    }
    expect(anonymousRead.errors?.[0].message).toBe('The database is unreachable. Please try again shortly.');

    proxy.up();
    expect((await health()).status).toBe(200);
    const after = await admin.ok<any>('{ partners { name } }');
    expect(after.partners.length).toBeGreaterThan(0);
  });
});
