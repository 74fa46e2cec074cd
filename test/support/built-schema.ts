import { execute, type ExecutionResult, type GraphQLSchema, parse } from 'graphql';
import { buildSchema, type ClassType, Query, Resolver } from 'type-graphql';

/**
 * Resolvers of a pure test's own, built by type-graphql in a `beforeAll` and changed there by `pass` (a pass over the
 * built schema, the code under test), with `run` to execute a query on the result: no HTTP, no Apollo. `run` hands
 * back what graphql-js does, an answer or a promise of one, since whether a field answered at once is what some
 * passes change. Read `passed()` (what the pass returned) inside a test.
 */
export function useBuiltSchema<T>(resolvers: [ClassType, ...ClassType[]], pass: (schema: GraphQLSchema) => T) {
  let built: { schema: GraphQLSchema; passed: T } | undefined;
  beforeAll(async () => {
    const schema = await buildSchema({ resolvers, validate: false });
    built = { schema, passed: pass(schema) };
  });
  const ready = () => {
    if (!built) throw new Error('the schema is built in a beforeAll: run queries inside a test');
    return built;
  };
  return {
    run: (query: string, context: Record<string, unknown> = {}): ExecutionResult | Promise<ExecutionResult> =>
      execute({ schema: ready().schema, document: parse(query), contextValue: context }),
    passed: () => ready().passed,
  };
}

/**
 * A resolver of two queries of `type`: `name`, answered with an instance, and `plain` + Name, answered with a plain
 * object where type-graphql expects an instance. A pass over the built schema must answer the second as type-graphql
 * does (which turns it into an instance first) or leave it to type-graphql.
 */
export function instanceAndPlainQueries<T extends object>(
  type: ClassType<T>,
  name: string,
  instance: () => T,
  plain: () => Partial<T>,
): ClassType {
  const plainName = `plain${name[0].toUpperCase()}${name.slice(1)}`;
  @Resolver()
  class InstanceAndPlainResolver {}
  const queries: [string, string, () => unknown][] = [
    [name, `A ${type.name}.`, instance],
    [plainName, `A plain object where a ${type.name} is expected.`, plain],
  ];
  for (const [field, description, answer] of queries) {
    Object.defineProperty(InstanceAndPlainResolver.prototype, field, { value: answer });
    Query(() => type, { description })(InstanceAndPlainResolver.prototype, field, {});
  }
  return InstanceAndPlainResolver;
}
