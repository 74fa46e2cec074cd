import type { RequestHooks } from './request-hooks';

/**
 * Names the GraphQL operation in the request's query trace once it is known (after parsing: a request may name it in
 * its document alone), so every Cypher statement the request sends carries it in Neo4j's transaction metadata.
 */
export function useOperationTrace(): RequestHooks {
  return {
    didResolveOperation({ contextValue, operationName }) {
      if (operationName) contextValue.trace.operationName = operationName;
    },
  };
}
