import type { RequestHooks } from './request-hooks';

/** One debug line per GraphQL request: its operation, how long it took, its round trips and its error codes. */
export function useRequestLog(): RequestHooks {
  return {
    willSendResponse({ contextValue, operationName, errors }, startedMs) {
      contextValue.logger.debug(
        {
          operationName,
          ms: Math.round(performance.now() - startedMs),
          roundTrips: contextValue.queryStats.roundTrips,
          errors: errors?.map((e) => e.extensions?.code),
        },
        'graphql request',
      );
    },
  };
}
