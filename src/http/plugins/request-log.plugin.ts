import type { ApolloServerPlugin } from '@apollo/server';

import type { AtlasContext } from '../../context';

/** One debug line per GraphQL request: its operation, how long it took, its round trips and its error codes. */
export function useRequestLog(): ApolloServerPlugin<AtlasContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, operationName, errors }) {
          contextValue.logger.debug(
            {
              operationName,
              ms: Math.round(performance.now() - started),
              roundTrips: contextValue.queryStats.roundTrips,
              errors: errors?.map((e) => e.extensions?.code),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
