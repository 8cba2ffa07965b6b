import type { TestApp } from './test-app';

/**
 * A test-only trigger on every application table appends one journal row per row inserted,
 * updated or deleted (and per TRUNCATE). The journal is written in the writer's own transaction,
 * so a rolled-back attempt leaves nothing and a committed write cannot be missed; reading it is
 * one small query, where a digest of every table costs a scan of the whole database.
 */
export interface WriteJournal {
  /** Journal rows so far: compare two marks to know whether anything was written in between. */
  mark(): Promise<number>;
  /** What was written after `mark`, e.g. "market_day INSERT ×1", for a failure message. */
  describeSince(mark: number): Promise<string>;
}

const JOURNAL = 'test_write_journal';

export async function installWriteJournal(t: TestApp): Promise<WriteJournal> {
  await t.sql(`create table ${JOURNAL} (id bigserial primary key, table_name text not null, op text not null)`);
  await t.sql(`create function test_journal_write() returns trigger language plpgsql as $$
    begin
      insert into ${JOURNAL} (table_name, op) values (tg_table_name, tg_op);
      return null;
    end $$`);
  const tables = await t.sql<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('${JOURNAL}', 'mikro_orm_migrations')`,
  );
  for (const { name } of tables) {
    await t.sql(`create trigger test_journal_row after insert or update or delete on "${name}" for each row execute function test_journal_write()`);
    await t.sql(`create trigger test_journal_truncate after truncate on "${name}" for each statement execute function test_journal_write()`);
  }
  return {
    async mark() {
      const [{ n }] = await t.sql<{ n: string }>(`select count(*) as n from ${JOURNAL}`);
      return Number(n);
    },
    async describeSince(mark) {
      const rows = await t.sql<{ table_name: string; op: string; n: string }>(
        `select table_name, op, count(*) as n from (select * from ${JOURNAL} order by id offset ?) w group by 1, 2 order by 1, 2`,
        [mark],
      );
      return rows.map((r) => `${r.table_name} ${r.op} ×${r.n}`).join(', ');
    },
  };
}
