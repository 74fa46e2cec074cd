import crypto from 'node:crypto';
import http from 'node:http';

import { buildAtlasSchema } from '../src/schema/build';
import { useTestServer } from './support/server';

/** What a public API owes its clients over HTTP: headers, caching, compression, metrics. */
describe('HTTP hardening', () => {
  const server = useTestServer({ CORS_ORIGINS: 'https://learn.example.org,http://localhost:3000' });
  const base = () => server.url.replace(/\/graphql$/, '');

  it('has no subscriptions, and its mutations are refused without a credential (the public graph stays read-only)', async () => {
    const schema = await buildAtlasSchema();
    expect(schema.getSubscriptionType()).toBeUndefined();
    expect(schema.getMutationType()).toBeDefined();
    const res = await server.gql('mutation { __typename }');
    expect(res.status).toBe(401);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('sends security headers, a request id and the graph version', async () => {
    const { headers, body } = await server.gql('{ stats { seed { hash } } }', undefined, {
      'x-request-id': 'trace-123',
    });
    expect(headers.get('x-request-id')).toBe('trace-123');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('x-powered-by')).toBeNull();
    const hash = (body.data as { stats: { seed: { hash: string } } }).stats.seed.hash;
    expect(headers.get('x-graph-version')).toBe(hash.slice(0, 16));
    const generated = await server.gql('{ __typename }', undefined, { 'x-request-id': 'not valid! <script>' });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends every security header on every answer, errors and health checks included', async () => {
    const expected = {
      'content-security-policy':
        "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;font-src 'self' data:;worker-src 'self' blob:;connect-src 'self';object-src 'none';base-uri 'self';frame-ancestors 'self';form-action 'self'",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    };
    const answers = [
      await server.gql('{ __typename }'),
      await server.gql('{ stats { concepts } }'),
      await server.gql('{ nope }'),
    ];
    const live = await fetch(`${base()}/health/live`);
    for (const headers of [...answers.map((a) => a.headers), live.headers]) {
      const sent = Object.fromEntries(Object.keys(expected).map((name) => [name, headers.get(name)]));
      expect(sent).toEqual(expected);
      expect(headers.get('cross-origin-embedder-policy')).toBeNull();
    }
  });

  it('allows only the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(server.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('https://learn.example.org')).headers.get('access-control-allow-origin')).toBe(
      'https://learn.example.org',
    );
    expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a plain GET query, as urql sends it by default, with no preflight header, cacheable by URL', async () => {
    const url = `${server.url}?query=${encodeURIComponent('{ concept(slug: "docker") { slug kind } }')}`;
    // urql's default Accept header, and no Accept header at all (curl, a plain fetch).
    for (const headers of [
      {
        accept:
          'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
      },
      {},
    ] as Record<string, string>[]) {
      const response = await fetch(url, { headers });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { concept: { slug: 'docker', kind: 'PRODUCT' } } });
      expect(response.headers.get('cache-control')).toBe('max-age=300, public');
      expect(response.headers.get('etag')).toMatch(/^W\/".+"$/);
      expect(response.headers.get('vary')).toMatch(/accept-language/i);
    }
    // The same URL answers in the language the client prefers, which is why caches must vary on it.
    const korean = await fetch(`${server.url}?query=${encodeURIComponent('{ concept(slug: "container") { name } }')}`, {
      headers: { 'accept-language': 'ko' },
    });
    const english = await fetch(
      `${server.url}?query=${encodeURIComponent('{ concept(slug: "container") { name } }')}`,
      { headers: { 'accept-language': 'en' } },
    );
    expect(await korean.json()).toEqual({ data: { concept: { name: '컨테이너' } } });
    expect(await english.json()).toEqual({ data: { concept: { name: 'Container' } } });
    // With variables and an operation name in the URL too, as the GraphQL-over-HTTP spec describes.
    const params = new URLSearchParams({
      query: 'query One($slug: String!) { concept(slug: $slug) { slug } }',
      variables: JSON.stringify({ slug: 'unikernel' }),
      operationName: 'One',
    });
    const withVariables = await fetch(`${server.url}?${params.toString()}`);
    expect(await withVariables.json()).toEqual({ data: { concept: { slug: 'unikernel' } } });
  });

  it('still serves the playground to a browser opening GET /graphql', async () => {
    const response = await fetch(server.url, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('never runs a mutation over GET', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('mutation { __typename }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].message).toMatch(/mutation/i);
  });

  it('refuses a POST whose body is not JSON (what a form or a beacon on another site can send unpreflighted) with 415 and what to send', async () => {
    const query = '{ __typename }';
    const bodies: [string | undefined, string][] = [
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent(query)}`],
      ['text/plain;charset=UTF-8', JSON.stringify({ query })],
      [
        'multipart/form-data; boundary=x',
        `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${query}\r\n--x--\r\n`,
      ],
      [undefined, JSON.stringify({ query })],
    ];
    for (const [contentType, body] of bodies) {
      // A Blob without a type makes fetch send no Content-Type at all.
      const response = await fetch(server.url, {
        method: 'POST',
        headers: contentType ? { 'content-type': contentType } : {},
        body: contentType ? body : new Blob([body]),
      });
      expect(response.status).toBe(415);
      const answer = (await response.json()) as {
        data?: unknown;
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(answer.data).toBeUndefined();
      expect(answer.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(answer.errors[0].message).toContain('Content-Type: application/json');
    }
    const json = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ query }),
    });
    expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('compresses large responses', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ concepts(first: 100) { edges { node { slug name summary } } } }' }),
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const body = JSON.parse((await response.text()) || '{}') as { data?: { concepts: { edges: unknown[] } } };
    expect(body.data?.concepts.edges.length).toBeGreaterThan(50);
  });

  it('answers a client that accepts no encoding uncompressed, with Vary: Accept-Encoding for caches', async () => {
    const payload = JSON.stringify({ query: '{ concepts(first: 100) { edges { node { slug name summary } } } }' });
    const { headers, body } = await new Promise<{ headers: http.IncomingHttpHeaders; body: string }>(
      (resolve, reject) => {
        const request = http.request(
          server.url,
          { method: 'POST', headers: { 'content-type': 'application/json' } },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve({ headers: res.headers, body: text }));
          },
        );
        request.on('error', reject);
        request.end(payload);
      },
    );
    expect(headers['content-encoding']).toBeUndefined();
    expect(headers.vary).toMatch(/accept-encoding/i);
    expect(
      (JSON.parse(body) as { data: { concepts: { edges: unknown[] } } }).data.concepts.edges.length,
    ).toBeGreaterThan(50);
  });

  it('serves cacheable GET queries with Cache-Control and an ETag, and answers 304 when unchanged', async () => {
    const url = `${server.url}?query=${encodeURIComponent('{ concept(slug: "docker") { slug } }')}`;
    const headers = { accept: 'application/json', 'apollo-require-preflight': 'true' };
    const first = await fetch(url, { headers });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/max-age=300/);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    // fetch() turns a request with If-None-Match into Cache-Control: no-cache (as the Fetch standard says), which
    // rightly disables revalidation; a cache or browser revalidating sends plain If-None-Match, as http.get does here.
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(url, { headers: { ...headers, 'if-none-match': etag! } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status).toBe(304);
  });

  it('names in Vary every request header the answer depends on, and gives each variant its own ETag', async () => {
    // The same body in every variant: only the ETag and Vary can tell a cache they are different answers.
    const url = `${server.url}?query=${encodeURIComponent('{ concept(slug: "docker") { slug } }')}`;
    const ask = (headers: Record<string, string>) =>
      fetch(url, { headers: { 'apollo-require-preflight': 'true', origin: 'https://learn.example.org', ...headers } });
    const korean = await ask({ accept: 'application/json', 'accept-language': 'ko' });
    const english = await ask({ accept: 'application/json', 'accept-language': 'en' });
    const graphqlResponse = await ask({ accept: 'application/graphql-response+json', 'accept-language': 'en' });
    expect(await korean.text()).toBe(await english.text());
    expect(korean.headers.get('vary')).toBe('Origin, Accept, Accept-Language, Accept-Encoding');
    const etags = [korean, english, graphqlResponse].map((response) => response.headers.get('etag'));
    expect(new Set(etags).size).toBe(3);
  });

  it('never lets a cache keep an answer with errors', async () => {
    const headers = { accept: 'application/json', 'apollo-require-preflight': 'true' };
    for (const query of ['{ concept(slug: "docker") { noSuchField } }', '{ concepts(first: -1) { totalCount } }']) {
      const response = await fetch(`${server.url}?query=${encodeURIComponent(query)}`, { headers });
      const body = (await response.json()) as { errors?: unknown[] };
      expect(body.errors?.length).toBeGreaterThan(0);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('supports automatic persisted queries', async () => {
    const query = '{ concept(slug: "unikernel") { slug } }';
    const sha256Hash = crypto.createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const post = (body: object) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }>);
    expect((await post({ extensions })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ query, extensions })).data).toEqual({ concept: { slug: 'unikernel' } });
    expect((await post({ extensions })).data).toEqual({ concept: { slug: 'unikernel' } });
  });

  it('exposes Prometheus metrics with bounded labels', async () => {
    await server.gql(
      'query MyVeryOwnName123 { concept(slug: "docker") { slug related(first: 3) { edges { node { slug } } } } }',
    );
    await server.gql('{ concepts(first: 200) { totalCount } }');
    const text = await (await fetch(`${base()}/metrics`)).text();
    expect(text).toMatch(/atlas_graphql_requests_total\{operation="concept",outcome="ok"\} \d+/);
    expect(text).toMatch(/atlas_graphql_requests_total\{operation="concepts",outcome="BAD_USER_INPUT"\} \d+/);
    expect(text).not.toContain('MyVeryOwnName123');
    expect(text).toMatch(/atlas_graphql_request_duration_seconds_bucket/);
    expect(text).toMatch(/atlas_cypher_round_trips_per_request_count \d+/);
    expect(text).toMatch(/atlas_cypher_query_duration_seconds_count\{mode="read",outcome="ok"\} \d+/);
    expect(text).toMatch(/atlas_neo4j_sessions_in_use \d+/);
  });

  it('never includes stack traces outside development', async () => {
    const { body } = await server.gql('{ concepts(first: -5) { totalCount } }');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });
});
