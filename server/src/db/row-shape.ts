/**
 * A table's columns under the property names of its entity, and how to read them back from a row
 * that `plainRows` returned: the read paths serve such rows where mutations serve entities, and the
 * GraphQL fields read the same property names on both.
 */
export interface RowShape<T> {
  /** `t.created_at as "<prefix>createdAt", …`; a prefix keeps tables apart in one joined statement. */
  columns(alias: string, prefix?: string): string;
  /** The row of this table in a result row; undefined when an outer join found none. */
  read(raw: Record<string, unknown>, prefix?: string): T | undefined;
}

type Prop<T> = keyof T & string;

/**
 * `instants` are timestamps (MikroORM's pool hands `timestamptz` over as text; the entities and the
 * Date scalar hold Dates); `numbers` are `bigint` columns, which arrive as text too.
 */
export function rowShape<T>(columns: Record<Prop<T>, string>, convert: { instants?: Prop<T>[]; numbers?: Prop<T>[] } = {}): RowShape<T> {
  const props = Object.entries(columns) as [string, string][];
  const instants = new Set<string>(convert.instants);
  const numbers = new Set<string>(convert.numbers);
  return {
    columns: (alias, prefix = '') => props.map(([prop, column]) => `${alias}.${column} as "${prefix}${prop}"`).join(', '),
    read(raw, prefix = '') {
      if (raw[`${prefix}id`] == null) return undefined;
      const row: Record<string, unknown> = {};
      for (const [prop] of props) {
        const value = raw[prefix + prop];
        row[prop] = value == null ? null : instants.has(prop) ? new Date(value as string) : numbers.has(prop) ? Number(value) : value;
      }
      return row as T;
    },
  };
}

/** Ids as one PostgreSQL array parameter (`= any(?::uuid[])`), the same in and outside a transaction. */
export const idArray = (ids: readonly string[]) => `{${ids.join(',')}}`;
