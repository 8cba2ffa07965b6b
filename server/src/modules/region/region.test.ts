import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import type { GraphqlClient } from '../../../test/graphql-client';
import { dropRegionSnapshot, regionSnapshot } from './region.cache';
import { RegionService } from './region.service';

const TREE = '{ regions(level: KECAMATAN) { code name level parent { code level } children { code name parent { code } } } }';

describe('regions (reference data kept per process)', () => {
  let t: TestApp;
  let vendor: GraphqlClient;
  beforeAll(async () => {
    t = await startTestApp();
    vendor = await t.as('081234560001');
  });
  afterAll(() => t?.close());

  it('serves the 6 kecamatan with their 51 kelurahan, parents and children from one read of the table', async () => {
    const first = await vendor.request<any>(TREE);
    const kecamatan = first.data!.regions;
    expect(kecamatan).toHaveLength(6);
    expect(kecamatan.every((k: any) => k.parent.code === '53.71' && k.parent.level === 'CITY')).toBe(true);
    expect(kecamatan.flatMap((k: any) => k.children)).toHaveLength(51);
    expect(kecamatan.flatMap((k: any) => k.children).every((c: any) => kecamatan.some((k: any) => k.code === c.parent.code))).toBe(true);
    // Session lookup plus at most the one read of the region table; afterwards only the session.
    expect(first.sqlStatements).toBeLessThanOrEqual(2);
    const again = await vendor.request<any>(TREE);
    expect(again.data).toEqual(first.data);
    expect(again.sqlStatements).toBe(1);
    const one = await vendor.request<any>('{ region(code: "53.71.02.1004") { name parent { name } } }');
    expect(one.data!.region).toEqual({ name: 'Naimata', parent: { name: 'Maulafa' } });
    expect((await vendor.request<any>('{ region(code: "53.71.99.9999") { name } }')).data!.region).toBeNull();
  });

  it('reads the table again after this process loads a region file', async () => {
    await vendor.request('{ regions { code } }');
    await t.sql(`update region set name = 'Naimata (uji)' where code = '53.71.02.1004'`);
    await new RegionService().load(t.em().fork(), {
      city: { code: '53.71', name: 'Kota Kupang', province: 'Nusa Tenggara Timur' },
      kecamatan: [{ code: '53.71.02', name: 'Maulafa', kelurahan: [{ code: '53.71.02.1004', name: 'Naimata' }] }],
    });
    const r = await vendor.request<any>('{ region(code: "53.71.02.1004") { name } }');
    expect(r.data!.region.name).toBe('Naimata');
    expect(r.sqlStatements).toBe(2);
  });
});

describe('regions with one pooled connection (as on the embedded database)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_MAX: '1' });
  });
  afterAll(() => t?.close());

  it("a transaction that needs the regions never waits for another request's read, which waits for its connection", async () => {
    dropRegionSnapshot();
    let other: Promise<unknown> | undefined;
    await t.em().fork().transactional(async (tx) => {
      await tx.getConnection().execute('select 1', [], 'all', tx.getTransactionContext()); // holds the only connection
      other = regionSnapshot(t.em().fork()); // another request: waits for a connection
      await new Promise((r) => setTimeout(r, 50));
      const mine = await regionSnapshot(tx);
      expect(mine.byCode.get('53.71.02.1004')?.name).toBe('Naimata');
    });
    expect(((await other) as { all: unknown[] }).all.length).toBeGreaterThan(50);
  }, 20_000);
});
