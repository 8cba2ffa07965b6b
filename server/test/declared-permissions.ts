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
