import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import pino from 'pino';

import { useTestServer } from './support/server';

/**
 * Every kind of malformed request we could think of. Each is the client's mistake: it gets a precise code and a 4xx
 * status (200 only where the GraphQL-over-HTTP spec allows it for application/json), never INTERNAL_SERVER_ERROR or
 * a 5xx; and whatever fails, the log stays one JSON object per line, at info or warn, without a stack.
 */

interface Case {
  name: string;
  method?: string;
  /** Appended to the endpoint's URL. */
  search?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  status: number;
  code: string;
}

const QUERY = '{ stats { concepts } }';
const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
const json = { 'content-type': 'application/json' };
const preflight = { 'apollo-require-preflight': 'true', accept: 'application/json' };

const CASES: Case[] = [
  {
    name: 'a mutation of a field Mutation does not have',
    headers: json,
    body: JSON.stringify({ query: 'mutation { stats { concepts } }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a valid mutation without a credential',
    headers: json,
    body: JSON.stringify({ query: 'mutation { createLearnerToken(learnerId: "u1") { token } }' }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'a subscription (the schema has none)',
    headers: json,
    body: JSON.stringify({ query: 'subscription { stats { concepts } }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: "a persisted query whose hash is not its text's",
    headers: json,
    body: JSON.stringify({
      query: QUERY,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha('{ other }') } },
    }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a persisted query of version 2',
    headers: json,
    body: JSON.stringify({ query: QUERY, extensions: { persistedQuery: { version: 2, sha256Hash: sha(QUERY) } } }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a persisted query with a hash that is not hex',
    headers: json,
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'not-a-hash' } } }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'an unknown persisted query (application/json: 200, as APQ clients expect)',
    headers: json,
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha('{ never sent }') } } }),
    status: 200,
    code: 'PERSISTED_QUERY_NOT_FOUND',
  },
  {
    name: 'an unknown persisted query asking for application/graphql-response+json',
    headers: { ...json, accept: 'application/graphql-response+json' },
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha('{ never sent either }') } } }),
    status: 400,
    code: 'PERSISTED_QUERY_NOT_FOUND',
  },
  {
    name: 'a GET with a body',
    method: 'GET',
    search: `?query=${encodeURIComponent(QUERY)}`,
    headers: { ...preflight, 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a GET with variables that are not JSON',
    method: 'GET',
    search: `?query=${encodeURIComponent(QUERY)}&variables=%7Bnope`,
    headers: preflight,
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a GET with extensions that are not JSON',
    method: 'GET',
    search: `?query=${encodeURIComponent(QUERY)}&extensions=%7Bnope`,
    headers: preflight,
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a GET with variables that are a list',
    method: 'GET',
    search: `?query=${encodeURIComponent(QUERY)}&variables=%5B1%5D`,
    headers: preflight,
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a GET without a query',
    method: 'GET',
    search: '?variables=%7B%7D',
    headers: preflight,
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a GET with a valid mutation',
    method: 'GET',
    search: `?query=${encodeURIComponent('mutation { createLearnerToken(learnerId: "u1") { token } }')}`,
    headers: preflight,
    status: 405,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a GET with a mutation of a field Mutation does not have',
    method: 'GET',
    search: `?query=${encodeURIComponent('mutation { stats { concepts } }')}`,
    headers: preflight,
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'text/plain',
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify({ query: QUERY }),
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'application/xml',
    headers: { 'content-type': 'application/xml' },
    body: '<query>{ stats { concepts } }</query>',
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'multipart/form-data',
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
    body: '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--\r\n',
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'application/graphql',
    headers: { 'content-type': 'application/graphql' },
    body: QUERY,
    status: 415,
    code: 'BAD_REQUEST',
  },
  { name: 'no content type', headers: {}, body: JSON.stringify({ query: QUERY }), status: 415, code: 'BAD_REQUEST' },
  {
    name: 'a Latin-1 charset',
    headers: { 'content-type': 'application/json; charset=latin1' },
    body: JSON.stringify({ query: QUERY }),
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'gzip that is not gzip',
    headers: { ...json, 'content-encoding': 'gzip' },
    body: 'definitely not gzip',
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'an unknown content encoding',
    headers: { ...json, 'content-encoding': 'compress' },
    body: JSON.stringify({ query: QUERY }),
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a JSON string as the body',
    headers: json,
    body: '"{ stats { concepts } }"',
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'a JSON number as the body', headers: json, body: '42', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON null as the body', headers: json, body: 'null', status: 400, code: 'BAD_REQUEST' },
  { name: 'an empty list as the body', headers: json, body: '[]', status: 400, code: 'BAD_REQUEST' },
  { name: 'an empty body', headers: json, body: '', status: 400, code: 'BAD_REQUEST' },
  { name: 'an empty object', headers: json, body: '{}', status: 400, code: 'BAD_REQUEST' },
  {
    name: 'a query that is a number',
    headers: json,
    body: JSON.stringify({ query: 42 }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'an empty query', headers: json, body: JSON.stringify({ query: '' }), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'variables that are a string',
    headers: json,
    body: JSON.stringify({ query: QUERY, variables: '{"a":1}' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'variables that are a list',
    headers: json,
    body: JSON.stringify({ query: QUERY, variables: [1, 2] }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'extensions that are a string',
    headers: json,
    body: JSON.stringify({ query: QUERY, extensions: 'x' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'an operation name that is a number',
    headers: json,
    body: JSON.stringify({ query: QUERY, operationName: 7 }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'two operations and no operation name',
    headers: json,
    body: JSON.stringify({ query: 'query A { __typename } query B { __typename }' }),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  { name: 'a truncated JSON body', headers: json, body: '{"query": "{ stats { conc', status: 400, code: 'BAD_REQUEST' },
  {
    name: 'a JSON body with a trailing comma',
    headers: json,
    body: '{"query": "{ __typename }",}',
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'PUT',
    method: 'PUT',
    headers: json,
    body: JSON.stringify({ query: QUERY }),
    status: 405,
    code: 'BAD_REQUEST',
  },
  { name: 'DELETE', method: 'DELETE', headers: json, status: 405, code: 'BAD_REQUEST' },
  {
    name: 'an Accept header no GraphQL media type satisfies',
    headers: { ...json, accept: 'text/csv' },
    body: JSON.stringify({ query: QUERY }),
    status: 406,
    code: 'BAD_REQUEST',
  },
];

describe('malformed requests', () => {
  const lines: string[] = [];
  const stderr: string[] = [];
  let restoreStderr: () => void;
  const logger = pino({ name: 'container-atlas', level: 'info' }, { write: (line: string) => void lines.push(line) });
  const server = useTestServer({ NODE_ENV: 'production', LOG_PRETTY: 'false' }, { logger });

  beforeAll(() => {
    // Express's default error handler writes raw stacks to stderr: nothing may get that far.
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (chunk: string | Uint8Array, ...rest: never[]) => {
      stderr.push(String(chunk));
      return write(chunk, ...rest);
    };
    restoreStderr = () => (process.stderr.write = write);
  });
  afterAll(() => restoreStderr());

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    // node:http, not fetch: fetch refuses to send a GET with a body. The length is set, as node:http sends a GET's
    // body without one.
    const length = testCase.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(testCase.body)) };
    const response = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        `${server.url}${testCase.search ?? ''}`,
        { method: testCase.method ?? 'POST', headers: { ...testCase.headers, ...length } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      request.on('error', reject);
      request.end(testCase.body);
    });
    const text = response.text;
    let code: unknown;
    try {
      code = (JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]?.extensions?.code;
    } catch {
      code = `not JSON: ${text.slice(0, 200)}`;
    }
    expect({ status: response.status, code }).toEqual({ status: testCase.status, code: testCase.code });
  });

  /** Sends raw bytes over a socket and reads until the server closes or answers. */
  function raw(request: string, end: 'half-close' | 'destroy'): Promise<string> {
    const { port } = new URL(server.url);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(request);
        if (end === 'half-close') socket.end();
        else setTimeout(() => socket.destroy(), 50);
      });
      let answer = '';
      socket.on('data', (chunk) => (answer += String(chunk)));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });
  }

  it('answers a body shorter than its Content-Length as a client error', async () => {
    const body = '{"query":"{ __typ';
    const answer = await raw(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n${body}`,
      'half-close',
    );
    // Either the 400 reaches the half-closed client or the server saw the abort first; never a 5xx.
    expect(answer).not.toMatch(/^HTTP\/1\.1 5/);
    if (answer) expect(answer).toMatch(/^HTTP\/1\.1 400/);
  });

  it('reads a body that arrives in pieces, a character cut between them, and drops a UTF-8 byte-order mark', async () => {
    const body = Buffer.from(
      '\uFEFF' +
        JSON.stringify({ query: 'query ($x: Boolean!) { __typename @skip(if: $x) }', variables: { x: '컨테이너' } }),
    );
    // Inside the three bytes of the first Korean character.
    const cut = body.indexOf(Buffer.from('컨')) + 1;
    const { port } = new URL(server.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
        );
        socket.write(body.subarray(0, cut));
        setTimeout(() => socket.write(body.subarray(cut)), 30);
      });
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
    const [head, text] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400/);
    const error = (JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] }).errors[0];
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('"컨테이너"');
  });

  it('logs an aborted body at info, as one JSON line', async () => {
    const before = lines.length;
    await raw(
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"query":',
      'destroy',
    );
    // The abort is noticed after the socket closes.
    for (let i = 0; i < 50 && !lines.slice(before).some((line) => line.includes('request refused')); i += 1)
      await sleep(20);
    const refused = lines
      .slice(before)
      .map((line) => JSON.parse(line) as { level: number; code?: string; msg: string })
      .filter((entry) => entry.msg === 'request refused');
    expect(refused.map((entry) => ({ level: entry.level, code: entry.code }))).toEqual([
      { level: 30, code: 'BAD_REQUEST' },
    ]);
  });

  it('wrote one JSON object per log line, none above warn, none with a stack, and nothing raw to stderr', () => {
    expect(lines.length).toBeGreaterThan(CASES.length / 2);
    const entries = lines.map((line) => JSON.parse(line) as { level: number; err?: unknown; msg: string });
    expect(entries.filter((entry) => entry.level > 40).map((entry) => entry.msg)).toEqual([]);
    expect(lines.filter((line) => /"stack"|\n\s+at /.test(line.trimEnd()))).toEqual([]);
    expect(stderr.join('')).toBe('');
  });
});
