import type { IncomingMessage, ServerResponse } from 'node:http';

import { type ApolloServer, HeaderMap } from '@apollo/server';

import type { AtlasContext } from '../context';
import type { Step } from './chain';
import { stateOf } from './request-state';
import { sendText } from './respond';

/**
 * The last step of /graphql: hands the request to Apollo Server as its framework integrations do (method, headers as
 * a HeaderMap, the query string, the parsed body) and writes what it answers: the status, the headers, and the body
 * whole (through `sendText`, for the ETag, a 304 and the response cache) or, for an incremental answer, chunk by
 * chunk as Apollo yields them. A failure is passed on to the error steps.
 */
export function graphqlHandler(
  apollo: ApolloServer<AtlasContext>,
  contextOf: (req: IncomingMessage, res: ServerResponse) => AtlasContext,
): Step {
  apollo.assertStarted('graphqlHandler()');
  return async (req, res) => {
    const state = stateOf(req);
    const headers = new HeaderMap();
    for (const name in req.headers) {
      const value = req.headers[name];
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: state.searchText,
        body: state.body,
      },
      context: () => Promise.resolve(contextOf(req, res)),
    });
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      sendText(req, res, answer.body.string);
      return;
    }
    // Each part is sent as soon as it is ready; the compression middleware would otherwise hold it back.
    const flushing = res as ServerResponse & { flush?: () => void };
    for await (const chunk of answer.body.asyncIterator) {
      res.write(chunk);
      flushing.flush?.();
    }
    res.end();
  };
}
