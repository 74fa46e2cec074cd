import type { RequestHooks } from './request-hooks';

export interface ResponseHeadersOptions {
  /** The version of the graph content answers are read from (the seed hash, shortened). */
  graphVersion: () => string;
}

/** Tells a client what an answer cost and which graph it came from: X-Db-Round-Trips and X-Graph-Version. */
export function useResponseHeaders({ graphVersion }: ResponseHeadersOptions): RequestHooks {
  return {
    willSendResponse({ response, contextValue }) {
      response.http.headers.set('x-db-round-trips', String(contextValue.queryStats.roundTrips));
      response.http.headers.set('x-graph-version', graphVersion());
    },
  };
}
