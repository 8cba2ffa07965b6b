import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import type { EntityManager } from '@mikro-orm/postgresql';
import { tablesInDependencyOrder } from './table-order';

export const BACKUP_FORMAT = 'kupang-backup';
const CHUNK = 2000;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

export interface BackupSummary {
  tables: Record<string, number>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes every row of every table to a gzip'd JSON-lines file from ONE repeatable-read
 * snapshot, so the backup is consistent while the platform keeps running.
 */
export async function writeBackup(em: EntityManager, file: string): Promise<BackupSummary> {
  const summary: BackupSummary = { tables: {} };
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(file, { mode: 0o600 });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  gzip.pipe(out);
  await em.transactional(
    async (tx) => {
      const migrations: { name: string }[] = await tx.execute('select name from mikro_orm_migrations order by id', [], 'all');
      const tables = await tablesInDependencyOrder(tx);
      const header: BackupHeader = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations: migrations.map((m) => m.name), tables };
      gzip.write(`${JSON.stringify(header)}\n`);
      for (const table of tables) {
        let count = 0;
        for (let offset = 0; ; offset += CHUNK) {
          const [{ rows }] = await tx.execute(
            `select coalesce(json_agg(t), '[]'::json) as rows from (select * from ${quote(table)} order by 1 offset ? limit ?) t`,
            [offset, CHUNK],
          );
          if (!rows.length) break;
          gzip.write(`${JSON.stringify({ table, rows })}\n`);
          count += rows.length;
          if (rows.length < CHUNK) break;
        }
        summary.tables[table] = count;
      }
    },
    { isolationLevel: 'repeatable read' as never, readOnly: true },
  );
  gzip.end();
  await done;
  return summary;
}

/**
 * Replaces the data of a migrated database with a backup's, in one transaction: either every
 * row is restored or nothing changes. Refuses a backup made by a newer version of the platform.
 */
export async function restoreBackup(em: EntityManager, file: string): Promise<BackupSummary> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = JSON.parse(first.value ?? '{}') as BackupHeader;
  if (header.format !== BACKUP_FORMAT) throw new Error(`${file} is not a platform backup`);
  const summary: BackupSummary = { tables: {} };
  await em.transactional(async (tx) => {
    const applied: { name: string }[] = await tx.execute('select name from mikro_orm_migrations order by id', [], 'all');
    const known = new Set(applied.map((m) => m.name));
    const unknown = header.migrations.filter((m) => !known.has(m));
    if (unknown.length) throw new Error(`the backup was made by a newer version of the platform (migrations ${unknown.join(', ')}); upgrade first`);
    const tables = await tablesInDependencyOrder(tx);
    await tx.execute(`truncate ${tables.map(quote).join(', ')} cascade`, [], 'run');
    for (const table of header.tables) summary.tables[table] = 0;
    for await (const line of { [Symbol.asyncIterator]: () => iterator }) {
      if (!line.trim()) continue;
      const { table, rows } = JSON.parse(line) as { table: string; rows: unknown[] };
      if (!tables.includes(table)) throw new Error(`the backup has a table this version does not know: ${table}`);
      await tx.execute(`insert into ${quote(table)} select * from json_populate_recordset(null::${quote(table)}, ?::json)`, [JSON.stringify(rows)], 'run');
      summary.tables[table] = (summary.tables[table] ?? 0) + rows.length;
    }
    // Serial columns continue after the restored rows.
    const serials: { tbl: string; col: string }[] = await tx.execute(
      `select table_name as tbl, column_name as col from information_schema.columns
       where table_schema = 'public' and column_default like 'nextval(%'`,
    );
    for (const { tbl, col } of serials) {
      await tx.execute(
        `select setval(pg_get_serial_sequence(?, ?), coalesce((select max(${quote(col)}) from ${quote(tbl)}), 0) + 1, false)`,
        [tbl, col],
      );
    }
  });
  return summary;
}
