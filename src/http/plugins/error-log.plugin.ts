import type { ApolloServerPlugin } from '@apollo/server';

import type { AtlasContext } from '../../context';
import { ErrorCode } from '../../errors';

/**
 * Logs a fault (an error without a code of ours, or an internal one) with its cause and stack, and a client's mistake
 * as one info line with its code, so the two are easy to tell apart in the log.
 */
export function useErrorLog(): ApolloServerPlugin<AtlasContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!error.extensions?.code || error.extensions.code === ErrorCode.INTERNAL_SERVER_ERROR) {
              contextValue.logger.error(
                { err: error.originalError ?? error, path: error.path },
                'unexpected error while resolving',
              );
            } else {
              contextValue.logger.info(
                { code: error.extensions.code, reason: error.message, path: error.path },
                'request answered with an error',
              );
            }
          }
        },
      };
    },
  };
}
