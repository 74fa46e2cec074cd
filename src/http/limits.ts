import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

import type { LimitsConfig } from '../config';
import { ErrorCode } from '../errors';

/** A request asked for too much; answered with HTTP 400 before any resolver runs. */
function tooComplex(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 }, ...extensions } });
}

/** How deep the operation's selections nest, following fragment spreads (each fragment once per path). */
export function queryDepth(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string> = new Set()): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, selection.name.value.startsWith('__') ? 0 : 1 + queryDepth(selection.selectionSet, fragments, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, queryDepth(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (fragment && !seen.has(name)) deepest = Math.max(deepest, queryDepth(fragment.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return deepest;
}

/** How many aliased fields the whole document uses. */
export function aliasCount(document: DocumentNode): number {
  let count = 0;
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.alias) count += 1;
      if ('selectionSet' in selection) visit(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if ('selectionSet' in definition) visit(definition.selectionSet);
  }
  return count;
}

const SIZE_ARGS = ['first', 'last', 'limit', 'count'] as const;

/**
 * Lists cost by how many items they ask for: a field with `first`/`last`/`limit`/`count` costs that many times its children
 * (`paths` also by its maxLength). Lists without a size argument (edges, nodes) are already counted by their parent.
 */
function sizedListEstimator(defaultPageSize: number, maxSize: number): ComplexityEstimator {
  return ({ args, childComplexity, field }) => {
    if (!field.args.some((arg) => (SIZE_ARGS as readonly string[]).includes(arg.name))) return 1 + childComplexity;
    const requested = SIZE_ARGS.map((name) => args[name]).find((value) => typeof value === 'number') as number | undefined;
    // Sizes above the cap are refused by the resolver with BAD_USER_INPUT naming the argument, a clearer answer than a
    // cost error, so they are costed at the cap here.
    const count = Math.min(maxSize, Math.max(1, Math.abs(requested ?? defaultPageSize)));
    const perItem = Math.max(1, childComplexity) * (typeof args.maxLength === 'number' ? Math.max(1, Math.abs(args.maxLength)) : 1);
    return 1 + count * perItem;
  };
}

/** The estimated cost of one operation, as the limits plugin computes it. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, limits: LimitsConfig): number {
  const maxSize = Math.max(limits.maxPageSize, limits.maxNeighborhoodNodes);
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [sizedListEstimator(limits.defaultPageSize, maxSize), simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** The limit an operation breaks with the given variables, as the error to answer with; null when within limits. */
function verdict(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, operationName: string | undefined, variables: Record<string, unknown>, limits: LimitsConfig): GraphQLError | null {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const depth = queryDepth(operation.selectionSet, fragments);
  if (depth > limits.maxQueryDepth) {
    return tooComplex(`The query nests ${depth} levels deep; the limit is ${limits.maxQueryDepth}. Ask for fewer nested levels, or make several smaller queries.`, { depth, maxDepth: limits.maxQueryDepth });
  }
  const aliases = aliasCount(document);
  if (aliases > limits.maxAliases) {
    return tooComplex(`The query uses ${aliases} aliases; the limit is ${limits.maxAliases}. Split it into several requests.`, { aliases, maxAliases: limits.maxAliases });
  }
  let cost: number;
  try {
    cost = operationCost(schema, document, operationName, variables, limits);
  } catch {
    // Variables that do not fit their types: execution reports that as BAD_USER_INPUT with the variable named.
    return null;
  }
  if (cost > limits.maxQueryCost) {
    return tooComplex(`The query's estimated cost is ${cost}; the limit is ${limits.maxQueryCost}. Lists cost by their first/last/limit: ask for smaller pages or fewer nested lists.`, { cost, maxCost: limits.maxQueryCost });
  }
  return null;
}

/** Verdicts kept per document; a document asked with ever new variables starts over past this many. */
const MAX_VERDICTS_PER_DOCUMENT = 100;

/**
 * Rejects operations that are too deep, too costly or use too many aliases, after parsing and validation and before
 * execution, with HTTP 400 and a message that says the limit and how to stay under it.
 *
 * Apollo keeps one parsed document per query text, so verdicts are remembered per document, operation and
 * variables: a client repeating a query (the usual case) has it analysed once, not on every request.
 */
export function queryLimitsPlugin(limits: LimitsConfig, schema: GraphQLSchema): ApolloServerPlugin {
  const verdicts = new WeakMap<DocumentNode, Map<string, GraphQLError | null>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // No operation of that name (or several and none named): execution answers that, with a clear message.
          if (!operation) return;
          const operationName = request.operationName ?? undefined;
          const variables = request.variables ?? {};
          const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
          let known = verdicts.get(document);
          if (!known || known.size >= MAX_VERDICTS_PER_DOCUMENT) verdicts.set(document, (known = new Map()));
          let found = known.get(key);
          if (found === undefined) {
            found = verdict(schema, document, operation as OperationDefinitionNode, operationName, variables, limits);
            known.set(key, found);
          }
          // A fresh error each time: Apollo's error handling may annotate the one it is given.
          if (found) throw new GraphQLError(found.message, { extensions: found.extensions });
        },
      };
    },
  };
}
