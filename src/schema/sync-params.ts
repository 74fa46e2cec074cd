import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * A parameter decorator's resolver (as given to createParameterDecorator) that reads only the resolver data it is
 * given and returns its value at once, never a promise.
 */
export type SyncParamResolver = (data: never) => unknown;

type ResolverData = { root: unknown; args: Record<string, unknown>; context: unknown; info: unknown };

/** The parameter kinds of a resolver method that this pass can build, as type-graphql's metadata describes them. */
type Param =
  | { kind: 'context' | 'root'; index: number; propertyName?: string; getType?: unknown }
  | { kind: 'info'; index: number }
  | { kind: 'custom'; index: number; resolver: unknown }
  | { kind: 'args'; index: number; getType: () => unknown; validateSettings?: unknown; validateFn?: unknown };

type ArgsClass = new () => Record<string, unknown>;

/**
 * The class of an `@Args()` parameter when type-graphql would build it with no step that can be asynchronous or
 * build nested instances: no validation of its own (the schema is built with validation off), and only scalar and
 * enum fields (no input types, which type-graphql converts into instances of their own). Else undefined.
 */
function plainArgsClass(param: Extract<Param, { kind: 'args' }>): PlainArgs | undefined {
  if (param.validateSettings !== undefined || param.validateFn !== undefined) return undefined;
  const target = param.getType();
  if (typeof target !== 'function' || !getMetadataStorage().argumentTypes.some((type) => type.target === target))
    return undefined;
  const storage = getMetadataStorage();
  const names: string[] = [];
  for (let cls: unknown = target; typeof cls === 'function' && cls.prototype; cls = Object.getPrototypeOf(cls)) {
    for (const field of storage.argumentTypes.find((type) => type.target === cls)?.fields ?? []) {
      if (storage.inputTypes.some((input) => input.target === field.getType())) return undefined;
      names.push(field.name);
    }
  }
  return { Target: target as ArgsClass, names };
}

interface PlainArgs {
  Target: ArgsClass;
  /** The args type's fields, its superclasses' included. */
  names: string[];
}

/**
 * The arguments as an instance of the args class, as type-graphql's conversion makes it for scalar and enum fields:
 * the fields the request has a value for, over a new instance that loses its own undefined fields the request lacks.
 */
function argsInstance({ Target, names }: PlainArgs, args: Record<string, unknown>): Record<string, unknown> {
  const instance = new Target();
  for (const key of Object.keys(instance))
    if (instance[key] === undefined && args[key] === undefined) delete instance[key];
  for (const key of names) if (args[key] !== undefined) instance[key] = args[key];
  return instance;
}

type MethodParams = { kind: string; index: number }[];

/** The parameters of a method if every one of them can be built here and one is a SyncParamResolver, else null. */
function buildable(params: MethodParams | undefined, sync: ReadonlySet<unknown>, objectClass: unknown): Param[] | null {
  if (!params || params.length === 0) return null;
  const ordered = [...params].sort((a, b) => a.index - b.index) as Param[];
  const ok = ordered.every(
    (param) =>
      param.kind === 'context' ||
      param.kind === 'info' ||
      // A root typed as the object type is the root itself once the resolver has checked it is an instance.
      (param.kind === 'root' &&
        (param.getType === undefined || (param.getType as () => unknown)() === objectClass) &&
        param.propertyName === undefined) ||
      (param.kind === 'custom' && sync.has(param.resolver)) ||
      (param.kind === 'args' && plainArgsClass(param) !== undefined),
  );
  return ok && ordered.some((param) => param.kind === 'custom' || param.kind === 'args') ? ordered : null;
}

/**
 * type-graphql hands every resolver that takes an argument its parameters through its validation step, an async
 * function even with validation off, so each such field answers with a promise: every `name(lang:)` of every concept
 * in a list, and then the promise bookkeeping graphql-js does for the object and the list around it. For a field that
 * is a method of its object type or of a resolver class for it, with no middleware or roles, whose parameters are
 * only those of `sync` (the `lang` argument), `@Args` of scalars and enums, the context, the info or the root, this
 * gives the field a resolver that builds the same parameters at once and calls the same method. A root that is not an
 * instance of the type is left to type-graphql's resolver, which converts it first.
 */
export function resolveParamsSynchronously(schema: GraphQLSchema, sync: ReadonlySet<SyncParamResolver>): number {
  const storage = getMetadataStorage();
  let replaced = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const method of storage.fieldResolvers) {
      // A method of the type itself, or of a resolver class for the type (`@Resolver(() => Type)`).
      const external = method.kind === 'external';
      const declaredOn = (external ? method.getObjectType?.() : method.target) as
        (abstract new (...args: never[]) => unknown) | undefined;
      if (!declaredOn) continue;
      const inherited = objectType.target === declaredOn || objectType.target.prototype instanceof declaredOn;
      const field = fields[method.schemaName];
      if (!inherited || !field?.resolve) continue;
      if ((method.middlewares?.length ?? 0) > 0 || method.roles !== undefined) continue;
      const params = buildable(method.params, sync, declaredOn);
      if (!params) continue;
      const original = field.resolve;
      const name = method.methodName;
      // type-graphql's default container makes one instance of a resolver class and keeps it; resolver classes are
      // stateless, so one of our own answers the same.
      let handler: Record<string, (...values: unknown[]) => unknown> | undefined;
      const handlerOf = (root: unknown) =>
        external
          ? (handler ??= new (method.target as new () => Record<string, (...values: unknown[]) => unknown>)())
          : (root as Record<string, (...values: unknown[]) => unknown>);
      const argsClasses = params.map((param) => (param.kind === 'args' ? plainArgsClass(param) : undefined));
      const resolve: GraphQLFieldResolver<unknown, unknown, Record<string, unknown>> = (root, args, context, info) => {
        if (!(root instanceof declaredOn)) return original(root, args, context, info);
        const values = params.map((param, i) => {
          switch (param.kind) {
            case 'args':
              return argsInstance(argsClasses[i]!, args);
            case 'custom':
              return (param.resolver as (data: ResolverData) => unknown)({ root, args, context, info });
            case 'info':
              return info;
            case 'context':
              return param.propertyName ? (context as Record<string, unknown>)[param.propertyName] : context;
            default:
              return param.propertyName ? (root as Record<string, unknown>)[param.propertyName] : root;
          }
        });
        return handlerOf(root)[name](...values);
      };
      field.resolve = resolve;
      replaced += 1;
    }
  }
  return replaced;
}
