import { getNamedType, isNonNullType, isObjectType, Kind, type GraphQLNamedType, type GraphQLResolveInfo } from 'graphql';
import { getMetadataStorage, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { RequestContext } from './context';

/**
 * Personal data in the API, marked where each field is declared: `@PersonalData()` beside its
 * `@Field`/`@FieldResolver` (and its `@Allow`). Every value such a field returns is written to
 * the audit trail — which record, which fields, through which operation — in one statement at
 * the end of the request (`AuditReads`), unless the caller reads her own record (then it only
 * adds to an entry a service made, such as her data export's). The schema walk
 * in personal-data.test.ts reads every marked field through every path that reaches it and fails
 * when one is not audited, and fails when a field that looks personal is not marked.
 */
export interface PersonalDataOptions<T = any> {
  /**
   * The record the value is about, as it is named in the audit trail (`entityType`, `entityId`):
   * by default the object itself (its GraphQL type and `id`); a member's name is about her family.
   */
  subject?: (root: T) => readonly [type: string, id: string | null | undefined];
  /** The account the record belongs to: its owner reading it is not a disclosure and is not audited. */
  owner?: (root: T) => string | null | undefined;
}

const marked: { target: object; property: string }[] = [];
const idFields = new WeakMap<GraphQLNamedType, string | null>();

/**
 * The field that names a record of a type in answers and in the audit trail: `id`, else its one
 * required ID field (`enrolmentId` of a certificate, `memberId` of a revealed NIK).
 */
export function recordIdField(type: GraphQLNamedType): string | undefined {
  if (!idFields.has(type)) {
    const fields = isObjectType(type) ? Object.values(type.getFields()).filter((f) => !f.args.length && getNamedType(f.type).name === 'ID') : [];
    const required = fields.filter((f) => isNonNullType(f.type) || f.name === 'id');
    idFields.set(type, required.find((f) => f.name === 'id')?.name ?? (required.length === 1 ? required[0].name : null));
  }
  return idFields.get(type) ?? undefined;
}

/** The root operation a field was reached through, e.g. `Query.duplicateFlags`. */
function operationOf(info: GraphQLResolveInfo): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  const top = info.operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && (s.alias?.value ?? s.name.value) === path.key);
  const name = top?.kind === Kind.FIELD ? top.name.value : String(path.key);
  return `${info.operation.operation === 'mutation' ? 'Mutation' : 'Query'}.${name}`;
}

function auditRead(options: PersonalDataOptions): MiddlewareFn<RequestContext> {
  return async ({ root, context, info }, next) => {
    const value = await next();
    if (value === null || value === undefined) return value;
    const reader = context.user?.id ?? context.auditReads.signedInAs;
    const own = !!reader && options.owner?.(root) === reader;
    const parent = info.parentType.name;
    const idField = recordIdField(info.parentType);
    const recordId = idField ? (root?.[idField] as string | undefined) : undefined;
    const [type, id] = options.subject ? options.subject(root) : [parent, recordId];
    const record = recordId && (type !== parent || id !== recordId) ? `${parent}:${recordId}` : undefined;
    context.auditReads.personalField(type, id ?? undefined, `${parent}.${info.fieldName}`, operationOf(info), record, own);
    return value;
  };
}

/** Marks a field (property or field resolver) as personal data: each value returned is audited. */
export function PersonalData<T = any>(options: PersonalDataOptions<T> = {}): PropertyDecorator & MethodDecorator {
  const middleware = UseMiddleware(auditRead(options));
  return (target: object, property: string | symbol, descriptor?: PropertyDescriptor) => {
    marked.push({ target, property: String(property) });
    (middleware as (t: object, p: string | symbol, d?: PropertyDescriptor) => void)(target, property, descriptor);
  };
}

/** Every marked field as `Type.field` (read from the decorators once the schema is built). */
export function personalDataFields(): Set<string> {
  const storage = getMetadataStorage();
  const typeName = new Map<unknown, string>();
  for (const o of storage.objectTypes) typeName.set(o.target, o.name);
  const out = new Set<string>();
  for (const m of marked) {
    const cls = m.target.constructor;
    const resolverField = storage.fieldResolvers.find((f) => f.target === cls && f.methodName === m.property);
    if (resolverField) {
      out.add(`${typeName.get(resolverField.getObjectType?.())}.${resolverField.schemaName}`);
      continue;
    }
    const field = storage.fields.find((f) => f.target === cls && f.name === m.property);
    out.add(`${typeName.get(cls)}.${field?.schemaName ?? m.property}`);
  }
  return out;
}
