import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type FieldMeta = {
  name: string;
  schemaName: string;
  target: unknown;
  simple?: boolean;
  middlewares?: unknown[];
  roles?: unknown[];
};

/** Whether `name` is a getter of the class (or a class it extends) rather than a method. */
function isGetter(target: abstract new (...args: never[]) => unknown, name: string): boolean {
  for (
    let proto: unknown = target.prototype;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor.get !== undefined && descriptor.value === undefined;
  }
  return false;
}

/**
 * type-graphql wraps every field: a property in a resolver that builds a resolver-data object and walks the (empty)
 * middleware list before it reads `root[name]`; a getter, which it treats as a resolver method, in one that also
 * converts the root to the type first. A page of 50 concepts with their related concepts reads about 1,100 such fields.
 * For a property, or a getter of an instance of the type, with no middleware and no roles (and none are set globally:
 * buildAtlasSchema passes neither), this reads the same property directly. Methods, resolver classes' fields and
 * fields with middlewares or roles keep type-graphql's resolver, as does a getter asked of a plain object. Returns how
 * many fields it changed.
 */
export function readPlainFieldsDirectly(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  let replaced = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type) || objectType.simpleResolvers === true) continue;
    const fields = type.getFields();
    // The schema field of a name comes from the last metadata of that name, in the order type-graphql lets them
    // win: the superclasses' fields (the farthest first), an interface's, then the type's own.
    const inherited: FieldMeta[] = [];
    for (
      let parent: unknown = Object.getPrototypeOf(objectType.target);
      typeof parent === 'function' && parent !== Function.prototype;
      parent = Object.getPrototypeOf(parent)
    ) {
      const meta = storage.objectTypes.find((it) => it.target === parent);
      if (meta) inherited.unshift(...((meta.fields ?? []) as FieldMeta[]));
    }
    const interfaceFields = storage.interfaceTypes
      .filter((it) => objectType.interfaceClasses?.includes(it.target))
      .flatMap((it) => (it.fields ?? []) as FieldMeta[]);
    const byName = new Map<string, FieldMeta>();
    for (const field of [...inherited, ...interfaceFields, ...((objectType.fields ?? []) as FieldMeta[])])
      byName.set(field.schemaName, field);
    for (const [schemaName, field] of byName) {
      const schemaField = fields[schemaName];
      if (!schemaField?.resolve || field.simple === true) continue;
      if ((field.middlewares?.length ?? 0) > 0 || field.roles !== undefined) continue;
      const resolver = storage.fieldResolvers.find(
        (one) => one.getObjectType?.() === field.target && one.methodName === field.name,
      );
      const property = field.name;
      if (!resolver) {
        schemaField.resolve = (root) => (root as Record<string, unknown>)[property];
      } else {
        // A getter: type-graphql converts the root to the type first (a new instance when it is a plain object),
        // so only an instance is read directly.
        const declaredOn = field.target as abstract new (...args: never[]) => unknown;
        if (resolver.kind !== 'internal' || !isGetter(declaredOn, property)) continue;
        if ((resolver.middlewares?.length ?? 0) > 0 || resolver.roles !== undefined) continue;
        const original = schemaField.resolve;
        const resolve: GraphQLFieldResolver<unknown, unknown> = (root, args, context, info) =>
          root instanceof declaredOn
            ? (root as Record<string, unknown>)[property]
            : original(root, args, context, info);
        schemaField.resolve = resolve;
      }
      replaced += 1;
    }
  }
  return replaced;
}
