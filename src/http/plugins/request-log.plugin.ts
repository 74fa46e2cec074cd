import type { Logger } from '../../logger';
import type { RequestHooks } from './request-hooks';

/**
 * One debug line per GraphQL request: its operation, how long it took, its round trips and its error codes. The
 * level is asked of the server's logger first, since the request's logger child is made when first asked for: at
 * info level (the default) a request that logs nothing makes none.
 */
export function useRequestLog(logger: Logger): RequestHooks {
  return {
    willSendResponse({ contextValue, operationName, errors }, startedMs) {
      if (!logger.isLevelEnabled('debug')) return;
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
