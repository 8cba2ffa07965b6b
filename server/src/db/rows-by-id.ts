import DataLoader from 'dataloader';
import type { LoaderFactory } from '../graphql/loaders';
import { plainRows } from './plain-sql';
import { idArray, type RowShape } from './row-shape';

/** One plain statement per batch: the rows of a table by id, read through its shape (undefined: no such row). */
export function rowsById<T extends { id: string }>(table: string, shape: RowShape<T>): LoaderFactory<string, T | undefined> {
  const sql = `select ${shape.columns('t')} from ${table} t where t.id = any(?::uuid[])`;
  return (ctx) =>
    new DataLoader(async (ids) => {
      const raw = await plainRows(ctx.em, sql, [idArray(ids)]);
      const rows = new Map(raw.map((r) => [r.id as string, shape.read(r)]));
      return ids.map((id) => rows.get(id));
    });
}
