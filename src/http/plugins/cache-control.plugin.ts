import { PRIVATE_NO_STORE } from '../../access/access.middleware';
import type { RequestHooks } from './request-hooks';

export interface CacheControlOptions {
  /** How long a shared cache may keep a successful answer; 0 keeps nothing. */
  maxAgeSeconds?: number;
}

/**
 * One Cache-Control header for the whole answer. Every field is equally cacheable (the graph changes only when it is
 * reseeded, and ETags follow the seed), so one max-age covers every successful answer; Apollo's cache-control plugin
 * would compute the same from per-field hints at the price of wrapping every field resolver. Answers with errors and
 * answers that differ on every call (a quiz without a seed) must not be kept. An answer to a request with a
 * credential is private to its caller: no cache may keep it, not even the browser's.
 */
export function useCacheControl({ maxAgeSeconds = 0 }: CacheControlOptions = {}): RequestHooks {
  const kept = `max-age=${maxAgeSeconds}, public`;
  return {
    willSendResponse({ response, contextValue }) {
      if (contextValue.caller.kind !== 'public') {
        response.http.headers.set('cache-control', PRIVATE_NO_STORE);
        return;
      }
      const cacheable =
        maxAgeSeconds > 0 &&
        response.body.kind === 'single' &&
        !response.body.singleResult.errors &&
        !contextValue.perCallAnswer;
      response.http.headers.set('cache-control', cacheable ? kept : 'no-store');
    },
  };
}
