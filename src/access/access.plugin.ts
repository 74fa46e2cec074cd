import type { ApolloServerPlugin } from '@apollo/server';

import type { AccessConfig } from '../config';
import type { AtlasContext } from '../context';
import { UnauthenticatedError } from '../errors';

/**
 * The rules that depend on what an operation is, once it is known: a mutation needs a credential, whatever it asks
 * for (each resolver checks which learner or frontend it reaches, too).
 */
export function useAccessRules(_config: AccessConfig): ApolloServerPlugin<AtlasContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'mutation' && contextValue.caller.kind === 'public') {
            throw new UnauthenticatedError(
              'Every mutation needs a credential: send `Authorization: Bearer <key>` with your frontend key, or `Authorization: Bearer <token>` with a learner token.',
            );
          }
        },
      };
    },
  };
}
