import { getMetadataStorage } from 'type-graphql';

/** Root operations and the permissions their resolver declares, read from the decorators (after the schema is built). */
export function declaredPermissions(): Map<string, string[]> {
  const storage = getMetadataStorage();
  const out = new Map<string, string[]>();
  for (const op of [...storage.queries, ...storage.mutations]) {
    const auth = storage.authorizedFields.find((a) => a.target === op.target && a.fieldName === op.methodName);
    if (auth) out.set(op.schemaName, auth.roles as string[]);
  }
  return out;
}

/** Permissions declared on every `Type.field` (root operations as Query.x / Mutation.x), read from the decorators. */
export function fieldPermissions(): Map<string, string[]> {
  const storage = getMetadataStorage();
  const typeName = new Map<unknown, string>();
  for (const o of storage.objectTypes) typeName.set(o.target, o.name);
  const out = new Map<string, string[]>();
  for (const a of storage.authorizedFields) {
    const op = [...storage.queries, ...storage.mutations].find((q) => q.target === a.target && q.methodName === a.fieldName);
    if (op) {
      out.set(`${storage.queries.includes(op) ? 'Query' : 'Mutation'}.${op.schemaName}`, a.roles as string[]);
      continue;
    }
    const resolverField = storage.fieldResolvers.find((f) => f.target === a.target && f.methodName === a.fieldName);
    const owner = resolverField?.getObjectType ? typeName.get(resolverField.getObjectType()) : typeName.get(a.target);
    if (owner) out.set(`${owner}.${resolverField?.schemaName ?? a.fieldName}`, a.roles as string[]);
  }
  return out;
}
