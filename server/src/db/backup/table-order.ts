import type { EntityManager } from '@mikro-orm/postgresql';

/** Application tables, parents before children, so rows can be inserted in this order. */
export async function tablesInDependencyOrder(em: EntityManager): Promise<string[]> {
  const tables: { name: string }[] = await em.execute(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations' order by table_name`,
  );
  const edges: { child: string; parent: string }[] = await em.execute(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
     from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where c.contype = 'f' and n.nspname = 'public' and c.conrelid <> c.confrelid`,
  );
  const clean = (name: string) => name.replace(/^"|"$/g, '');
  const pending = new Map(tables.map((t) => [t.name, new Set(edges.filter((e) => clean(e.child) === t.name).map((e) => clean(e.parent)))]));
  const ordered: string[] = [];
  while (pending.size) {
    const ready = [...pending].filter(([, parents]) => [...parents].every((p) => !pending.has(p))).map(([name]) => name);
    if (!ready.length) throw new Error(`foreign keys form a cycle among: ${[...pending.keys()].join(', ')}`);
    for (const name of ready) {
      ordered.push(name);
      pending.delete(name);
    }
  }
  return ordered;
}
