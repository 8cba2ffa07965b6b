import { MAX_PAGE_SIZE } from './connection';
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Bounds on what one request may ask for, checked before any resolver or SQL runs. Sized to
 * what the portal sends with room to spare (GraphQL Armor's defaults are the starting point).
 */
export const QUERY_LIMITS = {
  maxDepth: 7,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  /** Each field costs 1; a paginated field multiplies what is inside it by its `first`. */
  maxCost: 5000,
};

function refuse(context: ValidationContext, message: string): void {
  context.reportError(new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } }));
}

/** Walks a selection set, following fragments, with a callback per field. */
function walk(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  depth: number,
  seen: Set<string>,
  visit: (depth: number, field: import('graphql').FieldNode, inner: () => number) => number,
): number {
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      total += visit(depth, sel, () => (sel.selectionSet ? walk(sel.selectionSet, fragments, depth + 1, seen, visit) : 0));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      total += walk(sel.selectionSet, fragments, depth, seen, visit);
    } else {
      const frag = fragments[sel.name.value];
      if (frag && !seen.has(frag.name.value)) {
        seen.add(frag.name.value);
        total += walk(frag.selectionSet, fragments, depth, seen, visit);
        seen.delete(frag.name.value);
      }
    }
  }
  return total;
}

/** A page's size as written, or the largest page allowed when it comes from a variable (validation is cached per document). */
function listSize(field: import('graphql').FieldNode): number {
  const arg = field.arguments?.find((a) => a.name.value === 'first');
  if (!arg) return 1;
  if (arg.value.kind === Kind.INT) return Number(arg.value.value);
  return MAX_PAGE_SIZE;
}

/** Fields every schema answers about itself; an operation of only these reads the schema, not the data. */
const META_FIELDS = new Set(['__schema', '__type', '__typename']);

/** True when every root field of the operation (through fragments) is a meta field: an introspection query. */
function readsOnlySchema(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): boolean {
  return set.selections.every((sel) => {
    if (sel.kind === Kind.FIELD) return META_FIELDS.has(sel.name.value);
    if (sel.kind === Kind.INLINE_FRAGMENT) return readsOnlySchema(sel.selectionSet, fragments, seen);
    // A fragment cycle is refused by the standard rules; here it only must not loop.
    const frag = fragments[sel.name.value];
    if (!frag || seen.has(frag.name.value)) return false;
    return readsOnlySchema(frag.selectionSet, fragments, new Set(seen).add(frag.name.value));
  });
}

/**
 * Depth, aliases, directives and cost of each operation in one pass. Where introspection is
 * allowed (development), an introspection query is exempt: the standard one nests `ofType`
 * deeper than any data query may, and explorers and code generators must be able to send it.
 * In production introspection is refused anyway, and every operation is bounded.
 */
export function queryLimitsRule(options: { introspection: boolean }): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(doc) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const def of doc.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
      for (const def of doc.definitions) {
        if (def.kind !== Kind.OPERATION_DEFINITION) continue;
        if (options.introspection && readsOnlySchema(def.selectionSet, fragments)) continue;
        let maxDepth = 0;
        let aliases = 0;
        let directives = def.directives?.length ?? 0;
        const cost = walk(def.selectionSet, fragments, 1, new Set(), (depth, field, inner) => {
          maxDepth = Math.max(maxDepth, depth);
          if (field.alias) aliases++;
          directives += field.directives?.length ?? 0;
          const n = listSize(field);
          return 1 + Math.max(1, n) * inner();
        });
        if (maxDepth > QUERY_LIMITS.maxDepth) refuse(context, `Kueri bersarang ${maxDepth} tingkat; paling banyak ${QUERY_LIMITS.maxDepth}. (Query is nested ${maxDepth} levels deep; at most ${QUERY_LIMITS.maxDepth} are allowed.)`);
        if (aliases > QUERY_LIMITS.maxAliases) refuse(context, `Kueri memakai ${aliases} alias; paling banyak ${QUERY_LIMITS.maxAliases}. (Query uses ${aliases} aliases; at most ${QUERY_LIMITS.maxAliases} are allowed.)`);
        if (directives > QUERY_LIMITS.maxDirectives) refuse(context, `Kueri memakai ${directives} direktif; paling banyak ${QUERY_LIMITS.maxDirectives}. (Query uses ${directives} directives; at most ${QUERY_LIMITS.maxDirectives} are allowed.)`);
        if (cost > QUERY_LIMITS.maxCost) refuse(context, `Kueri terlalu berat (biaya ${cost}; paling banyak ${QUERY_LIMITS.maxCost}): minta lebih sedikit data per daftar. (Query would cost ${cost}; at most ${QUERY_LIMITS.maxCost} is allowed (ask for fewer items per list).)`);
      }
    },
  });
}
