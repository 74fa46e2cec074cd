import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { createTestFrontend } from './support/access';
import { restoreShippedSeed } from './support/seed';
import { useTestServer, type TestServer } from './support/server';

/**
 * The in-process response cache, through the real server and database: repeated questions are answered without
 * GraphQL or Neo4j and with the same headers, private and per-call answers are never kept, the byte budget evicts
 * the least recently used answer, and a re-seed from the command line reaches the cache within the version check.
 */

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'src', 'seed', 'seed.cli.js');
const CHECK_MS = 250;

interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

async function get(url: string, params: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}?${new URLSearchParams(params)}`, { headers });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

async function metric(server: TestServer, line: string): Promise<number> {
  const text = await (await fetch(server.url.replace(/\/graphql$/, '/metrics'))).text();
  const found = text.split('\n').find((l) => l.startsWith(line + ' '));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

const SUMMARY = 'query ($slug: String!) { concept(slug: $slug) { slug summary } }';

describe('response cache on (default budget)', () => {
  const server = useTestServer({ GRAPH_VERSION_CHECK_MS: String(CHECK_MS) });

  it('answers a repeated question from the cache: no round trip, no GraphQL run, the same body and headers', async () => {
    const query = { query: '{ concept(slug: "kernel") { slug name } }' };
    const first = await post(server.url, query);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-response-cache')).toBe('miss');
    expect(first.headers.get('x-db-round-trips')).toBe('1');
    const executedBefore = await metric(server, 'atlas_graphql_requests_total{operation="concept",outcome="ok"}');
    const hitsBefore = await metric(server, 'atlas_response_cache_total{result="hit"}');

    const second = await post(server.url, query);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-response-cache')).toBe('hit');
    expect(second.headers.get('x-db-round-trips')).toBe('0');
    expect(second.text).toBe(first.text);
    expect(JSON.parse(second.text)).toEqual({ data: { concept: { slug: 'kernel', name: 'Kernel' } } });
    for (const name of [
      'etag',
      'vary',
      'cache-control',
      'x-graph-version',
      'content-type',
      'access-control-expose-headers',
      'x-content-type-options',
    ]) {
      expect([name, second.headers.get(name)]).toEqual([name, first.headers.get(name)]);
    }
    expect(second.headers.get('cache-control')).toBe('max-age=300, public');
    expect(second.headers.get('vary')).toBe('Origin, Accept, Accept-Language, Accept-Encoding');
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(await metric(server, 'atlas_graphql_requests_total{operation="concept",outcome="ok"}')).toBe(executedBefore);
    expect(await metric(server, 'atlas_response_cache_total{result="hit"}')).toBe(hitsBefore + 1);
  });

  it('shares an answer between texts that differ only in whitespace, commas and comments, and between key orders of the variables', async () => {
    const first = await post(server.url, {
      query: 'query Two($slug: String!, $lang: Lang) { concept(slug: $slug) { slug name(lang: $lang) } }',
      variables: { slug: 'image', lang: 'KO' },
    });
    expect(first.headers.get('x-response-cache')).toBe('miss');
    const spaced = await post(server.url, {
      query:
        '# the same question\nquery   Two( $slug : String! , $lang : Lang )\n{\n  concept( slug : $slug ) {\n    slug,\n    name( lang: $lang )\n  }\n}\n',
      variables: { lang: 'KO', slug: 'image' },
    });
    expect(spaced.headers.get('x-response-cache')).toBe('hit');
    expect(spaced.text).toBe(first.text);
  });

  it('keeps a separate answer per language, media type, operation and variables', async () => {
    const body = { query: SUMMARY, variables: { slug: 'kernel' } };
    expect((await post(server.url, body)).headers.get('x-response-cache')).toBe('miss');
    const korean = await post(server.url, body, { 'accept-language': 'ko' });
    expect(korean.headers.get('x-response-cache')).toBe('miss');
    expect(JSON.parse(korean.text).data.concept.summary).toMatch(/[가-힣]/);
    expect(
      (await post(server.url, body, { 'accept-language': 'ko-KR,ko;q=0.9' })).headers.get('x-response-cache'),
    ).toBe('hit');
    const typed = await post(server.url, body, { accept: 'application/graphql-response+json' });
    expect(typed.headers.get('x-response-cache')).toBe('miss');
    expect(typed.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect((await post(server.url, { ...body, variables: { slug: 'process' } })).headers.get('x-response-cache')).toBe(
      'miss',
    );
    const named = {
      query: `query A { a: concept(slug: "kernel") { slug } } query B { b: concept(slug: "kernel") { name } }`,
    };
    expect((await post(server.url, { ...named, operationName: 'A' })).headers.get('x-response-cache')).toBe('miss');
    const b = await post(server.url, { ...named, operationName: 'B' });
    expect(b.headers.get('x-response-cache')).toBe('miss');
    expect(JSON.parse(b.text)).toEqual({ data: { b: { name: 'Kernel' } } });
  });

  it('serves a GET from the cache too, and answers a revalidation on a hit with 304', async () => {
    const params = { query: '{ concept(slug: "isolation") { slug } }' };
    const first = await get(server.url, params);
    expect(first.headers.get('x-response-cache')).toBe('miss');
    const second = await get(server.url, params);
    expect(second.headers.get('x-response-cache')).toBe('hit');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    // node:http, not fetch: fetch adds Cache-Control: no-cache to a conditional request, which forbids a 304.
    const revalidated = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get(
          `${server.url}?${new URLSearchParams(params)}`,
          { headers: { 'if-none-match': first.headers.get('etag') as string } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res));
          },
        )
        .on('error', reject);
    });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.headers['x-response-cache']).toBe('hit');
  });

  it('never keeps an answer that differs per call (a quiz without a seed), but keeps a seeded quiz', async () => {
    const unseeded = { query: '{ quiz(topic: "docker", count: 2) { id } }' };
    for (let i = 0; i < 2; i += 1) {
      const answer = await post(server.url, unseeded);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-response-cache')).toBe('bypass');
      expect(Number(answer.headers.get('x-db-round-trips'))).toBeGreaterThan(0);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    const seeded = { query: '{ quiz(topic: "docker", count: 2, seed: 7) { id } }' };
    expect((await post(server.url, seeded)).headers.get('x-response-cache')).toBe('miss');
    expect((await post(server.url, seeded)).headers.get('x-response-cache')).toBe('hit');
  });

  it('never keeps nor serves an answer to a request with Authorization or a cookie', async () => {
    const query = { query: '{ concept(slug: "cgroups") { slug } }' };
    // A real key: an unknown one is refused with 401 before the cache is consulted.
    const { key } = await createTestFrontend('response-cache');
    const credentials: Record<string, string>[] = [{ authorization: `Bearer ${key}` }, { cookie: 'session=abc' }];
    for (const credential of credentials) {
      for (let i = 0; i < 2; i += 1) {
        const answer = await post(server.url, query, credential);
        expect(answer.status).toBe(200);
        expect(answer.headers.get('x-response-cache')).toBe('bypass');
        expect(answer.headers.get('x-db-round-trips')).toBe('1');
      }
    }
    expect((await post(server.url, query)).headers.get('x-response-cache')).toBe('miss');
    expect((await post(server.url, query)).headers.get('x-response-cache')).toBe('hit');
    const credentialed = await post(server.url, query, { authorization: `Bearer ${key}` });
    expect(credentialed.headers.get('x-response-cache')).toBe('bypass');
    expect(credentialed.headers.get('x-db-round-trips')).toBe('1');
  });

  it('never keeps an answer with errors', async () => {
    const missing = { query: '{ concept(slug: "no-such-concept-anywhere") { slug } nope }' };
    for (let i = 0; i < 2; i += 1) {
      const answer = await post(server.url, missing);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('x-response-cache')).not.toBe('hit');
    }
    const invalid = { query: '{ concept(slug: 1) { slug } }' };
    for (let i = 0; i < 2; i += 1)
      expect((await post(server.url, invalid)).headers.get('x-response-cache')).not.toBe('hit');
  });

  describe('after the graph is re-seeded from the command line', () => {
    let seedDir: string;

    beforeAll(() => {
      seedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-changed-seed-'));
      fs.cpSync(path.join(ROOT, 'seed'), seedDir, { recursive: true });
      const file = path.join(seedDir, 'concepts', '00-foundations.yaml');
      const text = fs.readFileSync(file, 'utf8');
      const changed = text.replace(
        'en: "One running program as the operating system manages it',
        'en: "A single running program as the operating system manages it',
      );
      expect(changed).not.toBe(text);
      fs.writeFileSync(file, changed);
    });

    afterAll(async () => {
      await restoreShippedSeed(server.atlas.database.gateway);
      fs.rmSync(seedDir, { recursive: true, force: true });
    });

    it(`serves the new answer within the version check (${CHECK_MS} ms) plus one read of the version`, async () => {
      const body = { query: SUMMARY, variables: { slug: 'process' } };
      await post(server.url, body);
      const cached = await post(server.url, body);
      expect(cached.headers.get('x-response-cache')).toBe('hit');
      expect(JSON.parse(cached.text).data.concept.summary).toMatch(/^One running program/);

      const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI], {
          cwd: ROOT,
          env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', LOG_PRETTY: 'false', SEED_DIR: seedDir },
        });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(run).toEqual({ code: 0, stderr: '' });
      const seededAt = performance.now();

      let fresh: Answer | undefined;
      while (performance.now() - seededAt < CHECK_MS + 5000) {
        const answer = await post(server.url, body);
        if (JSON.parse(answer.text).data.concept.summary.startsWith('A single running program')) {
          fresh = answer;
          break;
        }
        await sleep(20);
      }
      const lag = performance.now() - seededAt;
      expect(fresh?.headers.get('x-response-cache')).toBe('miss');
      expect(fresh?.headers.get('x-graph-version')).not.toBe(cached.headers.get('x-graph-version'));
      expect(fresh?.headers.get('etag')).not.toBe(cached.headers.get('etag'));
      // The bound: one check interval, plus a read of the version on a loaded machine.
      expect(lag).toBeLessThan(CHECK_MS + 1000);
      expect((await post(server.url, body)).headers.get('x-response-cache')).toBe('hit');
    });
  });
});

describe('response cache with a small byte budget', () => {
  // Each answer below is about 60 characters of key, 45 of body and 140 of headers (Content-Type, Cache-Control,
  // X-Graph-Version, ETag): 2 × 245 + 512 ≈ 1000 bytes, so two fit in 2600 bytes and a third pushes one out.
  const server = useTestServer({ RESPONSE_CACHE_BYTES: '2600' });

  it('evicts the least recently used answer when a new one passes the budget', async () => {
    const ask = async (slug: string) =>
      (await post(server.url, { query: `{ concept(slug: "${slug}") { slug } }` })).headers.get('x-response-cache');
    expect(await ask('kernel')).toBe('miss');
    expect(await ask('process')).toBe('miss');
    expect(await ask('kernel')).toBe('hit');
    expect(await ask('isolation')).toBe('miss');
    expect(await ask('kernel')).toBe('hit');
    expect(await ask('isolation')).toBe('hit');
    expect(await ask('process')).toBe('miss');
  });
});

describe('response cache off (RESPONSE_CACHE_BYTES=0)', () => {
  const server = useTestServer({ RESPONSE_CACHE_BYTES: '0' });

  it('runs every request and says nothing about a cache', async () => {
    const query = { query: '{ concept(slug: "kernel") { slug } }' };
    for (let i = 0; i < 2; i += 1) {
      const answer = await post(server.url, query);
      expect(answer.headers.get('x-response-cache')).toBeNull();
      expect(answer.headers.get('x-db-round-trips')).toBe('1');
    }
  });
});
