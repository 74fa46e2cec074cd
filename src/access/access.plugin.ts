import { OperationTypeNode } from 'graphql';

import type { RequestHooks } from '../http/plugins/request-hooks';
import { RateLimitedError, UnauthenticatedError } from '../errors';
import { type AccessLimits, rateLimitMessage } from './access.rate-limit';

/**
 * The rules that depend on what an operation is, once it is known: a mutation needs a credential, whatever it asks
 * for (each resolver checks which learner or frontend it reaches, too); and a credential's queries and mutations each
 * count against its rate limit, so a refused request runs nothing.
 */
export function useAccessRules(limits: AccessLimits, perMinute: { read: number; write: number }): RequestHooks {
  return {
    didResolveOperation({ operation, contextValue }) {
      const traffic = operation?.operation === OperationTypeNode.MUTATION ? 'write' : 'read';
      if (traffic === 'write' && contextValue.caller.kind === 'public') {
        throw new UnauthenticatedError(
          'Every mutation needs a credential: send `Authorization: Bearer <key>` with your frontend key, or `Authorization: Bearer <token>` with a learner token.',
        );
      }
      const verdict = limits.take(contextValue.caller, traffic);
      if (!verdict.ok)
        throw new RateLimitedError(
          rateLimitMessage(traffic, perMinute[traffic], verdict.retryAfterSeconds),
          verdict.retryAfterSeconds,
        );
    },
  };
}
