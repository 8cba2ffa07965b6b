import {
  BREAK,
  coerceInputValue,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** Why a value in a request's input is refused before any resolver runs. */
export type InputProblemReason = 'INVALID_CHARACTERS' | 'INVALID_UNICODE' | 'INVALID_ID' | 'INVALID_VALUE';

/** Where the value sits (variable or argument name, then input fields and list positions) and what is wrong; never the value. */
export interface InputProblem {
  reason: InputProblemReason;
  path: string[];
}

// NUL cannot be stored by PostgreSQL at all; the other C0 controls (except tab and line breaks) are never legitimate text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// A UTF-16 surrogate without its partner: JSON may carry one ("\ud800"), UTF-8 and PostgreSQL cannot.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Every record of the platform is identified by a UUID (`BaseEntity`); an ID argument is nothing else. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PROBLEMS = 20;

function textProblem(text: string): InputProblemReason | undefined {
  if (CONTROL.test(text)) return 'INVALID_CHARACTERS';
  if (LONE_SURROGATE.test(text)) return 'INVALID_UNICODE';
  return undefined;
}

/** Text problems anywhere in a raw value, whatever its type (also where the type is wrong). */
function findTextProblems(value: unknown, path: string[], out: InputProblem[]): void {
  if (out.length >= MAX_PROBLEMS) return;
  if (typeof value === 'string') {
    const reason = textProblem(value);
    if (reason) out.push({ reason, path });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findTextProblems(item, [...path, String(i)], out));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) findTextProblems(item, [...path, key], out);
  }
}

/** IDs in a value already coerced to `type` (so lists are lists and objects hold only declared fields). */
function findBadIds(value: unknown, type: GraphQLInputType, path: string[], out: InputProblem[]): void {
  if (value == null || out.length >= MAX_PROBLEMS) return;
  if (isNonNullType(type)) return findBadIds(value, type.ofType, path, out);
  if (isListType(type)) {
    (value as unknown[]).forEach((item, i) => findBadIds(item, type.ofType, [...path, String(i)], out));
    return;
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) findBadIds((value as Record<string, unknown>)[field.name], field.type, [...path, field.name], out);
    return;
  }
  if (type.name === 'ID' && !UUID.test(String(value))) out.push({ reason: 'INVALID_ID', path });
}

/**
 * What is wrong with the variables of one operation: text that is not well-formed Unicode or holds
 * control characters, values that do not fit their declared type (found here with graphql-js's own
 * coercion, so its messages, which quote the value, never reach the client) and IDs that are not
 * UUIDs. Missing required variables are left to graphql-js (its message names only the variable).
 */
export function variableProblems(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): InputProblem[] {
  const out: InputProblem[] = [];
  if (!variables) return out;
  findTextProblems(variables, [], out);
  if (out.length) return out;
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const value = variables[name];
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (value === undefined || value === null || !type) continue;
    const coerced = coerceInputValue(value, type, (path) => {
      if (out.length < MAX_PROBLEMS) out.push({ reason: 'INVALID_VALUE', path: [name, ...path.map(String)] });
    });
    if (!out.length) findBadIds(coerced, type, [name], out);
  }
  return out;
}

const literalCache = new WeakMap<DocumentNode, InputProblem[]>();

/**
 * Problems in the literal values of a (validated) document: IDs that are not UUIDs and control
 * characters written as \u escapes (the lexer itself refuses lone surrogates and raw control
 * characters in strings). Depends only on the document, which Apollo reuses for the same query
 * text, so it is worked out once per document.
 */
export function literalProblems(schema: GraphQLSchema, document: DocumentNode): InputProblem[] {
  const cached = literalCache.get(document);
  if (cached) return cached;
  const out: InputProblem[] = [];
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
      ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
      StringValue(node) {
        const reason = textProblem(node.value) ?? (isIdPosition(typeInfo) && !UUID.test(node.value) ? 'INVALID_ID' : undefined);
        if (reason) out.push({ reason, path: [...path] });
        return out.length >= MAX_PROBLEMS ? BREAK : undefined;
      },
      IntValue() {
        if (isIdPosition(typeInfo)) out.push({ reason: 'INVALID_ID', path: [...path] });
        return out.length >= MAX_PROBLEMS ? BREAK : undefined;
      },
    }),
  );
  literalCache.set(document, out);
  return out;
}

const isIdPosition = (typeInfo: TypeInfo) => {
  const type = typeInfo.getInputType();
  return !!type && getNamedType(type).name === 'ID';
};
