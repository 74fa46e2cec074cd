import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { type ExecutionResult, type GraphQLSchema, printSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, type CompiledQuery, isCompiledQuery } from 'graphql-jit';

/**
 * Compiled executor (graphql-jit) for Apollo Server. Apollo Server 5 has no `executor` option; a custom executor goes
 * in through its gateway interface, which must hand over the schema by calling the load-or-update callback before
 * `load()` resolves, or Apollo starts without a schema. Apollo still parses, validates and runs every plugin hook; only
 * execution is replaced: each distinct operation is compiled once into a function that resolves it without
 * graphql-js's per-field interpretation, and kept within a byte budget like the parsed documents.
 */
export function jitGateway(schema: GraphQLSchema, budgetBytes: number): GatewayInterface {
  const compiled = new InMemoryLRUCache<{ query: CompiledQuery; textLength: number }>({
    maxSize: Math.max(1, budgetBytes),
    // The generated code grows with the operation's text; 20 bytes of heap per character of it is a generous bound.
    sizeCalculation: (value) => 20 * value.textLength + 200,
  });
  const executor: GatewayExecutor = async ({ document, operation, operationName, queryHash, source, request, context }) => {
    const key = `${queryHash}:${operationName ?? ''}`;
    let entry = await compiled.get(key);
    if (!entry) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      if (!isCompiledQuery(result)) return result as ExecutionResult;
      entry = { query: result, textLength: source.length };
      await compiled.set(key, entry);
    }
    const variables = request.variables ?? {};
    const result = await entry.query.query(undefined, context, variables);
    if (result.errors?.length && !result.data) {
      // Bad variables: graphql-js's coercion words them as Apollo recognises (and answers 400 BAD_USER_INPUT, with the
      // variable's location); graphql-jit's own messages carry neither. Only a failed request pays this second pass.
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
    }
    return result as ExecutionResult;
  };
  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async stop() {},
  };
}
