import type { ApolloServerPlugin } from '@apollo/server';

import type { AtlasContext } from '../../context';

export interface ResponseHeadersOptions {
  /** The version of the graph content answers are read from (the seed hash, shortened). */
  graphVersion: () => string;
}

/** Tells a client what an answer cost and which graph it came from: X-Db-Round-Trips and X-Graph-Version. */
export function useResponseHeaders({ graphVersion }: ResponseHeadersOptions): ApolloServerPlugin<AtlasContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          response.http.headers.set('x-db-round-trips', String(contextValue.queryStats.roundTrips));
          response.http.headers.set('x-graph-version', graphVersion());
        },
      };
    },
  };
}
