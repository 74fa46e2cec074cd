import { ErrorCode } from '../../errors';
import type { RequestHooks } from './request-hooks';

/**
 * Logs a fault (an error without a code of ours, or an internal one) with its cause and stack, and a client's mistake
 * as one info line with its code, so the two are easy to tell apart in the log.
 */
export function useErrorLog(): RequestHooks {
  return {
    didEncounterErrors({ errors, contextValue }) {
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
}
