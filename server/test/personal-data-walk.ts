import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  Lexer,
  parse,
  Source,
  validate,
  TokenKind,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { recordIdField } from '../src/graphql/personal-data';
import { QUERY_LIMITS, queryLimitsRule } from '../src/graphql/query-limits';

/**
 * The schema walk behind personal-data.test.ts: every path from a root operation to a field
 * marked `@PersonalData`, the documents that read those paths, and the values an answer gave.
 */

/** One way to reach a personal field: root operation, then each field down to the marked one. */
export interface PersonalPath {
  operation: 'query' | 'mutation';
  /** `Query.families`, `Family.members`, …, `FamilyMember.name` */
  steps: string[];
}

/** A personal value an answer gave: which field, on which record (when it has an id), how reached. */
export interface PersonalValue {
  field: string;
  record?: string;
  path: string;
}

export interface WalkRules {
  /** May the role read `Type.field` (its permissions)? */
  may: (key: string) => boolean;
  marked: Set<string>;
  /** Edges that return only the caller's own records: followed only for an account that owns such records. */
  selfScoped: Set<string>;
  followSelfScoped: boolean;
}

const objectOf = (type: GraphQLType): GraphQLObjectType | undefined => {
  const named = getNamedType(type);
  return isObjectType(named) || isInterfaceType(named) ? (named as GraphQLObjectType) : undefined;
};

/** The field that names a record in an answer, as the audit trail names it. */
export const idFieldOf = recordIdField;

/** Every path from one root field to a marked field, no type twice on a path, within the API's depth limit. */
export function personalPaths(schema: GraphQLSchema, operation: 'query' | 'mutation', rootField: string, rules: WalkRules): PersonalPath[] {
  const root = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const out: PersonalPath[] = [];
  const walk = (type: GraphQLObjectType, steps: string[], seen: Set<string>) => {
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      if (!rules.may(key) || field.args.some((a) => isNonNullType(a.type))) continue;
      if (rules.marked.has(key)) out.push({ operation, steps: [...steps, key] });
      const next = objectOf(field.type);
      if (!next || seen.has(next.name) || steps.length + 1 >= QUERY_LIMITS.maxDepth) continue;
      if (rules.selfScoped.has(key) && !rules.followSelfScoped) continue;
      walk(next, [...steps, key], new Set([...seen, next.name]));
    }
  };
  const field = root.getFields()[rootField];
  const key = `${root.name}.${rootField}`;
  if (!rules.may(key)) return out;
  if (rules.marked.has(key)) out.push({ operation, steps: [key] });
  const type = objectOf(field.type);
  if (type) walk(type, [key], new Set([type.name]));
  return out;
}

interface Node {
  type: GraphQLObjectType;
  children: Map<string, Node | null>;
}

function selection(schema: GraphQLSchema, node: Node): string {
  const parts: string[] = [];
  const id = idFieldOf(node.type);
  if (id && !node.children.has(id)) parts.push(id);
  for (const [name, child] of node.children) {
    if (child) parts.push(`${name} ${selection(schema, child)}`);
    else {
      const leaf = objectOf(node.type.getFields()[name].type);
      // A marked field that returns objects (an import's report lines) is read with all their plain fields.
      parts.push(leaf ? `${name} { ${Object.values(leaf.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && !f.args.length).map((f) => f.name).join(' ')} }` : name);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

/** One document reading the given paths of one root field; `args` are the root field's arguments present in the variables. */
export function documentFor(schema: GraphQLSchema, paths: PersonalPath[], variables: Record<string, unknown>): string {
  const { operation } = paths[0];
  const rootType = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const rootName = paths[0].steps[0].split('.')[1];
  const rootField = rootType.getFields()[rootName];
  const top: Node = { type: rootType, children: new Map() };
  for (const path of paths) {
    let node = top;
    path.steps.forEach((step, i) => {
      const name = step.split('.')[1];
      const last = i === path.steps.length - 1;
      if (last) {
        if (!node.children.has(name)) node.children.set(name, null);
        return;
      }
      let child = node.children.get(name);
      if (!child) {
        child = { type: objectOf(node.type.getFields()[name].type)!, children: new Map() };
        node.children.set(name, child);
      }
      node = child;
    });
  }
  // A page size is written out: the API's cost limit counts a `first` given as a variable as the largest page.
  const args = rootField.args.filter((a) => a.name in variables);
  const decl = args.filter((a) => a.name !== 'first').map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = args.map((a) => (a.name === 'first' ? `first: ${Number(variables.first)}` : `${a.name}: $${a.name}`)).join(', ');
  const root = top.children.get(rootName);
  const body = root ? selection(schema, root) : '';
  return `${operation}${decl ? `(${decl})` : ''} { ${rootName}${call ? `(${call})` : ''} ${body} }`;
}

/** Whether the API would take the document: its token, depth and cost limits. */
function withinLimits(schema: GraphQLSchema, document: string): boolean {
  const lexer = new Lexer(new Source(document));
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  return tokens <= QUERY_LIMITS.maxTokens && validate(schema, parse(document), [queryLimitsRule({ introspection: false })]).length === 0;
}

/** The paths of one root field in as few documents as the API's limits allow. */
export function documentsFor(schema: GraphQLSchema, paths: PersonalPath[], variables: Record<string, unknown>): { document: string; paths: PersonalPath[] }[] {
  const chunks: PersonalPath[][] = [];
  for (const path of paths) {
    const current = chunks.at(-1);
    if (current && withinLimits(schema, documentFor(schema, [...current, path], variables))) current.push(path);
    else chunks.push([path]);
  }
  return chunks.map((chunk) => ({ document: documentFor(schema, chunk, variables), paths: chunk }));
}

/** The personal values an answer gave along each path (null values are not values). */
export function personalValues(schema: GraphQLSchema, data: Record<string, unknown>, paths: PersonalPath[]): PersonalValue[] {
  const out: PersonalValue[] = [];
  for (const path of paths) {
    const walk = (value: unknown, depth: number, parentType: GraphQLObjectType) => {
      if (value === null || value === undefined) return;
      if (Array.isArray(value)) return value.forEach((v) => walk(v, depth, parentType));
      const [typeName, name] = path.steps[depth].split('.');
      const obj = value as Record<string, unknown>;
      const next = obj[name];
      if (depth === path.steps.length - 1) {
        if (next === null || next === undefined) return;
        const id = idFieldOf(parentType);
        out.push({ field: `${typeName}.${name}`, record: id && typeof obj[id] === 'string' ? `${typeName}:${obj[id]}` : undefined, path: path.steps.join(' → ') });
        return;
      }
      const childType = objectOf(parentType.getFields()[name].type)!;
      walk(next, depth + 1, childType);
    };
    const rootType = path.operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
    walk(data, 0, rootType);
  }
  return out;
}
