import {
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';

/**
 * The size of a query, computed in one pass over the document: every fragment is analysed once and its result reused
 * at each spread, so the work is linear in the length of the text however the fragments fan out, while the figures
 * are those of the operation with every spread expanded (the multiplications are done on numbers, not by expanding).
 */
export interface QueryShape {
  /** Deepest nesting of fields, introspection fields not counted (the MAX_QUERY_DEPTH rule). */
  depth: number;
  /** Deepest nesting below an introspection field (`__schema`, `__type`), every field counted. */
  introspectionDepth: number;
  /** Field selections once every fragment spread is expanded: the work validation and execution face. */
  selections: number;
  /** Estimated cost: a list costs its first/last/limit/count times its children. */
  cost: number;
  /** A fragment spreads itself, directly or through others: validation reports it, the analysis stops there. */
  cyclic: boolean;
}

/** How much analysis work has been done in this process; tests read it to check the work stays linear. */
export const analysisCounters = { nodesVisited: 0, fragmentsAnalysed: 0, documentsAnalysed: 0 };

export interface CostSizes {
  defaultPageSize: number;
  /** Sizes above this are refused by the resolvers with a clearer BAD_USER_INPUT, so they are costed at it. */
  maxSize: number;
}

const SIZE_ARGS = ['first', 'last', 'limit', 'count'];
const EMPTY: QueryShape = { depth: 0, introspectionDepth: 0, selections: 0, cost: 0, cyclic: false };

type Variables = Record<string, unknown>;

/** The value an argument or directive argument has, with variables and the operation's variable defaults applied. */
function valueOf(node: ValueNode, variables: Variables): unknown {
  return valueFromASTUntyped(node, variables);
}

/** A selection that @skip or @include leaves out costs nothing (it still counts as text to validate). */
function skipped(directives: readonly DirectiveNode[] | undefined, variables: Variables): boolean {
  for (const directive of directives ?? []) {
    const condition = directive.arguments?.find((arg) => arg.name.value === 'if');
    if (!condition) continue;
    const value = valueOf(condition.value, variables);
    if (directive.name.value === 'skip' && value === true) return true;
    if (directive.name.value === 'include' && value === false) return true;
  }
  return false;
}

function numberArg(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  name: string,
  variables: Variables,
): number | undefined {
  const given = field.arguments?.find((arg) => arg.name.value === name);
  const value = given
    ? valueOf(given.value, variables)
    : definition.args.find((arg) => arg.name === name)?.defaultValue;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function fieldCost(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown> | undefined,
  childCost: number,
  variables: Variables,
  sizes: CostSizes,
): number {
  if (!definition || !definition.args.some((arg) => SIZE_ARGS.includes(arg.name))) return 1 + childCost;
  const requested = SIZE_ARGS.map((name) => numberArg(field, definition, name, variables)).find(
    (value) => value !== undefined,
  );
  const count = Math.min(sizes.maxSize, Math.max(1, Math.abs(requested ?? sizes.defaultPageSize)));
  const maxLength = numberArg(field, definition, 'maxLength', variables);
  return 1 + count * Math.max(1, childCost) * (maxLength === undefined ? 1 : Math.max(1, Math.abs(maxLength)));
}

/** One analysis of one document with one set of variables; fragments are memoised for its lifetime. */
class Analysis {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly shapes = new Map<string, QueryShape | 'in progress'>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Variables,
    private readonly sizes: CostSizes,
  ) {
    analysisCounters.documentsAnalysed += 1;
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION && !this.fragments.has(definition.name.value))
        this.fragments.set(definition.name.value, definition);
    }
  }

  operation(operation: OperationDefinitionNode): QueryShape {
    const root =
      operation.operation === OperationTypeNode.QUERY
        ? this.schema.getQueryType()
        : operation.operation === OperationTypeNode.MUTATION
          ? this.schema.getMutationType()
          : this.schema.getSubscriptionType();
    return this.selectionSet(operation.selectionSet, root ?? undefined);
  }

  private fieldDefinition(
    parent: GraphQLCompositeType | undefined,
    name: string,
  ): GraphQLField<unknown, unknown> | undefined {
    if (!parent) return undefined;
    if (parent === this.schema.getQueryType()) {
      if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
      if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    }
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  }

  private typeNamed(
    name: string | undefined,
    fallback: GraphQLCompositeType | undefined,
  ): GraphQLCompositeType | undefined {
    if (name === undefined) return fallback;
    const type = this.schema.getType(name);
    return type && isCompositeType(type) ? type : undefined;
  }

  private fragment(name: string): QueryShape {
    const known = this.shapes.get(name);
    if (known === 'in progress') return { ...EMPTY, cyclic: true };
    if (known) return known;
    const definition = this.fragments.get(name);
    // An unknown fragment is a validation error; it adds nothing here.
    if (!definition) return EMPTY;
    analysisCounters.fragmentsAnalysed += 1;
    this.shapes.set(name, 'in progress');
    const shape = this.selectionSet(
      definition.selectionSet,
      this.typeNamed(definition.typeCondition.name.value, undefined),
    );
    this.shapes.set(name, shape);
    return shape;
  }

  private selectionSet(set: SelectionSetNode, parent: GraphQLCompositeType | undefined): QueryShape {
    let depth = 0;
    let introspectionDepth = 0;
    let selections = 0;
    let cyclic = false;
    // Selections on the parent type itself all run; of those under other type conditions only one type's run for any
    // one object, so the dearest condition counts.
    let ownCost = 0;
    const conditionalCost = new Map<string, number>();
    const add = (shape: QueryShape, condition: string | undefined, costs: boolean) => {
      depth = Math.max(depth, shape.depth);
      introspectionDepth = Math.max(introspectionDepth, shape.introspectionDepth);
      selections += shape.selections;
      cyclic ||= shape.cyclic;
      if (!costs) return;
      if (condition === undefined || condition === parent?.name) ownCost += shape.cost;
      else conditionalCost.set(condition, (conditionalCost.get(condition) ?? 0) + shape.cost);
    };
    for (const selection of set.selections) {
      analysisCounters.nodesVisited += 1;
      const costs = !skipped(selection.directives, this.variables);
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const definition = this.fieldDefinition(parent, name);
        const childType = definition ? getNamedType(definition.type) : undefined;
        const child = selection.selectionSet
          ? this.selectionSet(selection.selectionSet, childType && isCompositeType(childType) ? childType : undefined)
          : EMPTY;
        const introspection = name.startsWith('__');
        const nesting = 1 + Math.max(child.introspectionDepth, child.depth);
        add(
          {
            depth: introspection ? 0 : 1 + child.depth,
            introspectionDepth: introspection && selection.selectionSet ? nesting : child.introspectionDepth,
            selections: 1 + child.selections,
            cost: fieldCost(selection, definition, child.cost, this.variables, this.sizes),
            cyclic: child.cyclic,
          },
          undefined,
          costs,
        );
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        add(this.selectionSet(selection.selectionSet, this.typeNamed(condition, parent)), condition, costs);
      } else {
        const definition = this.fragments.get(selection.name.value);
        add(this.fragment(selection.name.value), definition?.typeCondition.name.value, costs);
      }
    }
    const cost = ownCost + Math.max(0, ...conditionalCost.values());
    return { depth, introspectionDepth, selections, cost, cyclic };
  }
}

/** Default values of the operation's variables, overridden by the ones the request sends. */
function variablesWithDefaults(operation: OperationDefinitionNode, variables: Variables): Variables {
  const merged: Variables = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) merged[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  return { ...merged, ...variables };
}

/** The shape of one operation of a document, with the request's variables. */
export function operationShape(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  sizes: CostSizes,
): QueryShape {
  return new Analysis(schema, document, variablesWithDefaults(operation, variables), sizes).operation(operation);
}

/**
 * The shape of every operation of a document together (fragments shared between them analysed once): what validation
 * will walk, whichever operation the request then picks. Depths are the deepest operation's; selections and cost add up.
 */
export function documentShape(schema: GraphQLSchema, document: DocumentNode, sizes: CostSizes): QueryShape {
  const analysis = new Analysis(schema, document, {}, sizes);
  let total = EMPTY;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const shape = analysis.operation(definition);
    total = {
      depth: Math.max(total.depth, shape.depth),
      introspectionDepth: Math.max(total.introspectionDepth, shape.introspectionDepth),
      selections: total.selections + shape.selections,
      cost: total.cost + shape.cost,
      cyclic: total.cyclic || shape.cyclic,
    };
  }
  return total;
}

/** How many aliased fields the whole document uses (each written alias once, however often its fragment is spread). */
export function aliasCount(document: DocumentNode): number {
  let count = 0;
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      analysisCounters.nodesVisited += 1;
      if (selection.kind === Kind.FIELD && selection.alias) count += 1;
      if ('selectionSet' in selection) visit(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if ('selectionSet' in definition) visit(definition.selectionSet);
  }
  return count;
}
