import { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormOptions } from '../db/orm.config';
import { fireAtOnce } from '../../test/race';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from '../../test/test-database';
import { purgeIdempotencyKeys } from './idempotency-retention';

/** Old idempotency keys are deleted; recent ones survive; two processes never purge at once. */
describe.runIf(requireRealPostgres('idempotency key retention across two processes'))('idempotency key retention (real PostgreSQL)', () => {
  let db: TestDatabase;
  let a: MikroORM<PostgreSqlDriver>;
  let b: MikroORM<PostgreSqlDriver>;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await MikroORM.init<PostgreSqlDriver>(ormOptions({ clientUrl: db.url!, poolMax: 5 }));
    await a.getMigrator().up();
    b = await MikroORM.init<PostgreSqlDriver>(ormOptions({ clientUrl: db.url!, poolMax: 5 }));
  });
  afterAll(async () => {
    await a?.close(true);
    await b?.close(true);
    await db?.drop();
  });

  const seed = async () => {
    const conn = a.em.getConnection();
    await conn.execute('delete from idempotency_key');
    await conn.execute(
      `insert into idempotency_key (operation, key, created_at, response)
       select 'test.op', 'old-' || i, now() - interval '31 days' - (i || ' minutes')::interval, '{"id":1}'::jsonb from generate_series(1, 200) i`,
    );
    await conn.execute(
      `insert into idempotency_key (operation, key, created_at, response)
       select 'test.op', 'new-' || i, now() - interval '29 days', '{"id":2}'::jsonb from generate_series(1, 50) i`,
    );
  };
  const count = async (prefix: string) =>
    (await a.em.getConnection().execute(`select count(*)::int as n from idempotency_key where key like ?`, [`${prefix}%`]))[0].n as number;

  it('deletes keys older than the retention and keeps younger ones (a phone offline for 29 days can still retry)', async () => {
    await seed();
    expect(await purgeIdempotencyKeys(a.em.fork(), 30)).toBe(200);
    expect(await count('old-')).toBe(0);
    expect(await count('new-')).toBe(50);
    expect(await purgeIdempotencyKeys(a.em.fork(), 30)).toBe(0);
  });

  it('lets only one of many simultaneous purges from two processes run; every old key is gone exactly once', async () => {
    await seed();
    const results = await fireAtOnce(10, (i) => purgeIdempotencyKeys((i % 2 ? a : b).em.fork(), 30));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const values = results.map((r) => (r as PromiseFulfilledResult<number | null>).value);
    const ran = values.filter((v) => typeof v === 'number') as number[];
    expect(ran.reduce((s, n) => s + n, 0)).toBe(200);
    expect(await count('old-')).toBe(0);
    expect(await count('new-')).toBe(50);
  });

  it('also clears rate-limit counters whose window ended over an hour ago', async () => {
    const conn = a.em.getConnection();
    await conn.execute(`insert into api_edge.rate_limit (bucket, window_start, hits) values ('ip:old', now() - interval '2 hours', 3), ('ip:now', now(), 1) on conflict do nothing`);
    await purgeIdempotencyKeys(a.em.fork(), 30);
    expect((await conn.execute(`select bucket from api_edge.rate_limit where bucket like 'ip:%' order by bucket`)).map((r) => r.bucket)).toEqual(['ip:now']);
  });

  it('skips a round while another process holds the lock', async () => {
    await seed();
    const holder = a.em.fork();
    await holder.transactional(async (tx) => {
      await tx.getConnection().execute('select pg_advisory_xact_lock(?)', [0x6b702d6964656d], 'all', tx.getTransactionContext());
      expect(await purgeIdempotencyKeys(b.em.fork(), 30)).toBeNull();
    });
    expect(await count('old-')).toBe(200);
  });
});
