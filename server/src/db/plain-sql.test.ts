import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app';
import { plainRows } from './plain-sql';
import { withStatementTally } from './sql-statement-counter';

describe('plainRows (parameterised SQL on the ORM pool, no hydration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('sends values as parameters, returns plain rows and counts the statement in the request tally', async () => {
    const tally = { count: 0 };
    const rows = await withStatementTally(tally, () =>
      plainRows<{ code: string; quote: string }>(t.em().fork(), 'select code, ?::text as quote from region where code = ? or name = ?', ["O'Neil; drop table region --", '53.71.02.1004', 'x?y']),
    );
    expect(rows).toEqual([{ code: '53.71.02.1004', quote: "O'Neil; drop table region --" }]);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(tally.count).toBe(1);
  });

  it("runs inside the EntityManager's transaction, so it sees that transaction's uncommitted rows", async () => {
    const em = t.em().fork();
    await em.transactional(async (tx) => {
      await tx.getConnection().execute(`update region set postal_code = '85999' where code = '53.71.02.1004'`, [], 'run', tx.getTransactionContext());
      const [row] = await plainRows<{ postal_code: string }>(tx, 'select postal_code from region where code = ?', ['53.71.02.1004']);
      expect(row.postal_code).toBe('85999');
      throw new Error('roll back');
    }).catch((err: Error) => expect(err.message).toBe('roll back'));
    expect((await t.sql(`select postal_code from region where code = '53.71.02.1004'`))[0].postal_code).not.toBe('85999');
  });

  it("turns driver errors into MikroORM's exceptions, so the one error mapping applies", async () => {
    const err = await plainRows(t.em().fork(), 'insert into region select * from region where code = ?', ['53.71.02.1004']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UniqueConstraintViolationException);
    expect(err).toBeInstanceOf(DriverException);
  });
});
