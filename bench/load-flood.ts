import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import autocannon from 'autocannon';

import type { ApiProcess } from './api-process';

/**
 * The flood scenario of `npm run load`: every request a query text and variables never sent before (some registered
 * as automatic persisted queries), so every cache the server keeps sees only new keys. It reports the server's
 * resident memory before, at the peak (sampled while the flood runs) and after a settle period.
 */

export interface FloodOptions {
  connections: number;
  seconds: number;
  settleSeconds: number;
}

const SLUGS = ['docker', 'container', 'kernel', 'unikernel', 'hypervisor', 'docker-kill', 'os-container', 'namespace'];

/** A query text of its own for request n: different names, aliases and lengths. */
export function floodRequest(n: number): { query: string; variables: Record<string, unknown>; extensions?: unknown } {
  const slug = SLUGS[n % SLUGS.length];
  // Aliased fields without database work give every text its own length and shape (0.2 to 1 kB); one concept is
  // looked up, so each request still reaches Neo4j once.
  const extra = Array.from({ length: n % 25 }, (_, i) => `t${n.toString(36)}x${i}: __typename`).join(' ');
  const query = `query Flood${n}($slug: String!, $note: String!) { c${n}: concept(slug: $slug) { slug name(lang: KO) } n${n}: concept(slug: $note) { slug } ${extra} }`;
  const variables = { slug, note: crypto.randomBytes(48).toString('base64'), [`unused${n}`]: { n, at: Date.now() } };
  // Every third request registers itself as a persisted query, so the persisted-query cache fills too.
  const extensions =
    n % 3 === 0
      ? { persistedQuery: { version: 1, sha256Hash: crypto.createHash('sha256').update(query).digest('hex') } }
      : undefined;
  return { query, variables, extensions };
}

/** Heap in use by the server's JavaScript, in MiB, from its own /metrics (what is live, as opposed to resident). */
async function heapUsedMiB(url: string): Promise<number> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  const bytes = Number(/^atlas_process_nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
  return Math.round(bytes / 1024 / 1024);
}

export async function runFlood(server: ApiProcess, options: FloodOptions): Promise<string[]> {
  const url = server.url;
  const probe = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(floodRequest(1)),
  });
  const probeBody = (await probe.json()) as { errors?: { message: string }[] };
  if (probeBody.errors) throw new Error(`the flood's query failed before the load: ${probeBody.errors[0].message}`);

  const before = server.rssMiB();
  const heapBefore = await heapUsedMiB(url);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, server.rssMiB())), 250);
  let n = 2;
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        setupRequest(request) {
          n += 1;
          return { ...request, body: JSON.stringify(floodRequest(n)) };
        },
      },
    ],
    setupClient(client) {
      client.on('body', (body: Buffer) => {
        if (body.includes('"errors"')) graphqlErrors += 1;
      });
    },
  });
  clearInterval(sampler);
  peak = Math.max(peak, server.rssMiB());
  const atEnd = server.rssMiB();
  await sleep(options.settleSeconds * 1000);
  const after = server.rssMiB();
  const heapAfter = await heapUsedMiB(url);
  return [
    `flood: ${options.connections} connections, ${options.seconds} s, every request a new query text and new variables (every third an APQ registration), against ${url}`,
    `requests: ${result.requests.total} (${result.requests.average.toFixed(0)}/s)   errors: HTTP non-2xx ${result.non2xx}, transport ${result.errors}, timeouts ${result.timeouts}, GraphQL errors ${graphqlErrors}`,
    `server resident memory (MiB): before ${before}   peak ${peak}   at the end ${atEnd}   after ${options.settleSeconds} s settling ${after}   (target: peak < 350, after - before < 50)`,
    `server heap in use (MiB): before ${heapBefore}   after ${heapAfter}`,
  ];
}
