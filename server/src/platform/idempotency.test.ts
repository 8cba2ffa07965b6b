import { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormOptions } from '../db/orm.config';
import { fireAtOnce } from '../../test/race';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from '../../test/test-database';
import { runIdempotent } from './idempotency.service';

/**
 * The race harness itself is tested here: two independent connection pools (as two server
 * processes would have) hammer one rule. The naive check-then-insert variant must be caught
 * overbooking; the idempotency routine must never do the work twice.
 */
describe.runIf(requireRealPostgres('idempotency and race harness'))('idempotency keys under parallel retries (real PostgreSQL)', () => {
  let db: TestDatabase;
  let a: MikroORM<PostgreSqlDriver>;
  let b: MikroORM<PostgreSqlDriver>;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await MikroORM.init<PostgreSqlDriver>(ormOptions({ clientUrl: db.url!, poolMax: 10 }));
    await a.getMigrator().up();
    b = await MikroORM.init<PostgreSqlDriver>(ormOptions({ clientUrl: db.url!, poolMax: 10 }));
    await a.em.getConnection().execute('create table race_claim (id serial primary key, slot text not null, who int not null)');
  });
  afterAll(async () => {
    await a?.close(true);
    await b?.close(true);
    await db?.drop();
  });

  const pick = (i: number): EntityManager => (i % 2 ? a : b).em.fork();

  it('catches the naive check-then-insert variant overbooking (the harness can see a race)', async () => {
    await fireAtOnce(20, async (i) => {
      const em = pick(i);
      const conn = em.getConnection();
      const [{ n }] = await conn.execute(`select count(*)::int as n from race_claim where slot = 'naive'`);
      await new Promise((r) => setTimeout(r, 5)); // the gap every real request has between read and write
      if (n === 0) await conn.execute(`insert into race_claim (slot, who) values ('naive', ?)`, [i]);
    });
    const [{ n }] = await a.em.getConnection().execute(`select count(*)::int as n from race_claim where slot = 'naive'`);
    expect(n).toBeGreaterThan(1);
  });

  it('does the work once for 20 parallel retries with one key, from two processes, and replays the first result', async () => {
    const results = await fireAtOnce(20, (i) =>
      runIdempotent(pick(i), 'test.claim', 'retry-key-0001', undefined, async (tx) => {
        const [row] = await tx.getConnection().execute(`insert into race_claim (slot, who) values ('keyed', ?) returning id`, [i], 'all', tx.getTransactionContext());
        await new Promise((r) => setTimeout(r, 5));
        return { id: row.id as number };
      }),
    );
    const values = results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason));
    expect(values.every((v) => 'value' in v)).toBe(true);
    const [{ n }] = await a.em.getConnection().execute(`select count(*)::int as n from race_claim where slot = 'keyed'`);
    expect(n).toBe(1);
    expect(new Set(values.map((v) => v.value.id)).size).toBe(1);
    expect(values.filter((v) => !v.replayed)).toHaveLength(1);
  });

  it('frees the key when the work fails, so a retry can succeed', async () => {
    await expect(
      runIdempotent(pick(0), 'test.claim', 'retry-key-0002', undefined, async () => {
        throw new Error('connection dropped');
      }),
    ).rejects.toThrow('connection dropped');
    const second = await runIdempotent(pick(1), 'test.claim', 'retry-key-0002', undefined, async () => ({ ok: true }));
    expect(second).toEqual({ value: { ok: true }, replayed: false });
  });

  it('refuses malformed keys', async () => {
    await expect(runIdempotent(pick(0), 'test.claim', 'x', undefined, async () => 1)).rejects.toMatchObject({ code: 'INVALID_IDEMPOTENCY_KEY' });
  });
});
