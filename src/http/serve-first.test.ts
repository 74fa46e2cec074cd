import http, { type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

import pino from 'pino';

import { type Step, chain, serveFirst } from './chain';
import { frontDoor } from './front-door';
import { finalErrorHandler } from './request-errors';
import { stateOf } from './request-state';
import { sendText } from './respond';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Serves `listener` on a free port for one request and returns the answer (or fails on a hang after 2 s). */
async function ask(
  listener: RequestListener,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<Answer>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      request.setTimeout(2000, () => request.destroy(new Error('no answer within 2 s')));
      request.on('error', reject);
      request.end();
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const lines: { level: number; msg: string; path?: string; requestId?: string }[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
const front = frontDoor({ corsOrigins: ['*'], cacheMaxAgeSeconds: 0, graphVersionCheckMs: 1000 }, logger);
const elsewhere: RequestListener = (_req, res) => res.end('the app');

/** The endpoint as src/http/server.ts wires it: the front door, then `steps`, errors to the last handler. */
const endpoint = (...steps: Step[]) =>
  serveFirst((url) => url.startsWith('/graphql'), front, chain(steps), elsewhere, finalErrorHandler(logger, false));

describe('serveFirst with the last error handler', () => {
  beforeEach(() => (lines.length = 0));

  it('answers an error thrown by a step as a GraphQL-shaped 500, logged with the request id, never a hang or a page', async () => {
    const answer = await ask(
      endpoint(() => {
        throw new Error('a bug in a step');
      }),
      '/graphql?query=x',
      { headers: { 'x-request-id': 'failing-1' } },
    );
    expect(answer.status).toBe(500);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['x-request-id']).toBe('failing-1');
    expect(JSON.parse(answer.body)).toEqual({
      errors: [
        {
          message: 'Internal server error. The problem was logged; try again, and report it if it persists.',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    expect(lines.map(({ level, msg, path, requestId }) => ({ level, msg, path, requestId }))).toEqual([
      { level: 50, msg: 'unexpected error while handling a request', path: '/graphql', requestId: 'failing-1' },
    ]);
  });

  it('answers an async step that rejects with a client error as that 4xx, code BAD_REQUEST', async () => {
    const answer = await ask(
      endpoint(() => Promise.reject(Object.assign(new Error('The thing sent is wrong'), { status: 422 }))),
      '/graphql',
    );
    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.body)).toEqual({
      errors: [
        {
          message: "The thing sent is wrong. Check the request against the API's documentation and send it again.",
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });

  it('hands other URLs, and a request the steps pass on, to the app', async () => {
    const passes: Step = (_req, _res, next) => next('router');
    expect((await ask(endpoint(passes), '/health/live')).body).toBe('the app');
    expect((await ask(endpoint(passes), '/graphql')).body).toBe('the app');
  });
});

describe('sendText', () => {
  /** Answers with the same body and an ETag made from it, as /graphql does. */
  const answering: Step = (req, res) => {
    stateOf(req).etag = (_req, _res, body) => `W/"${body.length}"`;
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    sendText(req, res, '{"data":{"ok":true}}');
  };
  const served = endpoint(answering);

  it('sends the body with its length and ETag', async () => {
    const answer = await ask(served, '/graphql');
    expect(answer).toMatchObject({ status: 200, body: '{"data":{"ok":true}}' });
    expect(answer.headers).toMatchObject({ etag: 'W/"20"', 'content-length': '20' });
  });

  it('answers a GET whose If-None-Match names the ETag with 304 and no body', async () => {
    for (const tag of ['W/"20"', '"x", W/"20"', '*']) {
      const answer = await ask(served, '/graphql', { headers: { 'if-none-match': tag } });
      expect({ status: answer.status, body: answer.body, type: answer.headers['content-type'] }).toEqual({
        status: 304,
        body: '',
        type: undefined,
      });
    }
  });

  it('sends the body again to a POST, to another ETag, and to a client asking for no-cache', async () => {
    const cases: [string, Record<string, string>][] = [
      ['POST', { 'if-none-match': 'W/"20"' }],
      ['GET', { 'if-none-match': 'W/"21"' }],
      ['GET', { 'if-none-match': 'W/"20"', 'cache-control': 'no-cache' }],
    ];
    for (const [method, headers] of cases) {
      expect((await ask(served, '/graphql', { method, headers })).status).toBe(200);
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const answer = await ask(served, '/graphql', { method: 'HEAD' });
    expect({ status: answer.status, body: answer.body, length: answer.headers['content-length'] }).toEqual({
      status: 200,
      body: '',
      length: '20',
    });
  });
});
