import type { RequestHooks } from './request-hooks';

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/**
 * The GraphQL-over-HTTP spec: an application/graphql-response+json answer without data is a 4xx. Apollo answers an
 * unknown persisted query with 200, right only for application/json.
 */
export function useResponseStatus(): RequestHooks {
  return {
    willSendResponse({ response, contextValue }) {
      if (
        contextValue.responseMediaType === GRAPHQL_RESPONSE_JSON &&
        response.body.kind === 'single' &&
        response.body.singleResult.data === undefined &&
        (response.http.status ?? 200) === 200
      ) {
        response.http.status = 400;
      }
    },
  };
}
