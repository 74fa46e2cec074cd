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
  | { kind: 'custom'; index: number; resolver: unknown };

type MethodParams = { kind: string; index: number }[];

/** The parameters of a method if every one of them can be built here and one is a SyncParamResolver, else null. */
function buildable(params: MethodParams | undefined, sync: ReadonlySet<unknown>): Param[] | null {
  if (!params || params.length === 0) return null;
  const ordered = [...params].sort((a, b) => a.index - b.index) as Param[];
  const ok = ordered.every(
    (param) =>
      param.kind === 'context' ||
      param.kind === 'info' ||
      (param.kind === 'root' && param.getType === undefined) ||
      (param.kind === 'custom' && sync.has(param.resolver)),
  );
  return ok && ordered.some((param) => param.kind === 'custom') ? ordered : null;
}

/**
 * type-graphql hands every resolver that takes an argument its parameters through its validation step, an async
 * function even with validation off, so each such field answers with a promise: every `name(lang:)` of every concept
 * in a list, and then the promise bookkeeping graphql-js does for the object and the list around it. For a field that
 * is a method of its object type, with no middleware or roles, whose parameters are only those of `sync` (the `lang`
 * argument), the context, the info or the root, this gives the field a resolver that builds the same parameters at
 * once and calls the same method. A root that is not an instance of the type is left to type-graphql's resolver, which
 * converts it first.
 */
export function resolveParamsSynchronously(schema: GraphQLSchema, sync: ReadonlySet<SyncParamResolver>): number {
  const storage = getMetadataStorage();
  let replaced = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const method of storage.fieldResolvers) {
      const declaredOn = method.target as abstract new (...args: never[]) => unknown;
      const inherited = objectType.target === declaredOn || objectType.target.prototype instanceof declaredOn;
      const field = fields[method.schemaName];
      if (method.kind !== 'internal' || !inherited || !field?.resolve) continue;
      if ((method.middlewares?.length ?? 0) > 0 || method.roles !== undefined) continue;
      const params = buildable(method.params, sync);
      if (!params) continue;
      const original = field.resolve;
      const name = method.methodName;
      const resolve: GraphQLFieldResolver<unknown, unknown, Record<string, unknown>> = (root, args, context, info) => {
        if (!(root instanceof declaredOn)) return original(root, args, context, info);
        const values = params.map((param) => {
          switch (param.kind) {
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
        return (root as Record<string, (...values: unknown[]) => unknown>)[name](...values);
      };
      field.resolve = resolve;
      replaced += 1;
    }
  }
  return replaced;
}
