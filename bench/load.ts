import autocannon from 'autocannon';

import { startApiProcess } from './api-process';
import { runFlood } from './load-flood';

/**
 * `npm run load`: a fixed number of concurrent clients send a mix of typical learner queries to the real API server
 * for a fixed time, then it prints throughput, latency, errors and the server's peak memory. Loopback only.
 * Options (environment): LOAD_CONNECTIONS (16), LOAD_SECONDS (20), LOAD_URL (use a running server instead).
 *
 * `npm run load -- --flood`: distinct query texts and variables for LOAD_FLOOD_SECONDS (60), then LOAD_SETTLE_SECONDS
 * (30) of quiet; prints the server's resident memory before, at the peak and after (see load-flood.ts).
 */

const MIX = [
  '{ concept(slug: "container") { name summary related(first: 10) { edges { relations { type } node { slug name } } } } }',
  '{ search(query: "컨테이너", first: 10) { score concept { slug name(lang: KO) } } }',
  '{ search(query: "hyperv", first: 10) { score concept { slug name } } }',
  '{ neighborhood(slug: "docker", depth: 2, limit: 50) { nodes { slug name } edges { type from { slug } to { slug } } } }',
  '{ paths(from: "docker-stop", to: "sigkill", maxLength: 4, first: 3) { length explanation(lang: EN) } }',
  '{ concepts(first: 20) { totalCount edges { cursor node { slug name kind } } } }',
  '{ lifecycle { order concept { name } commands { name syntax } } }',
  '{ learningPath(slug: "unikernel") { slug } }',
];

async function flood(): Promise<void> {
  const server = await startApiProcess();
  try {
    const lines = await runFlood(server, {
      connections: Number(process.env.LOAD_CONNECTIONS ?? 16),
      seconds: Number(process.env.LOAD_FLOOD_SECONDS ?? 60),
      settleSeconds: Number(process.env.LOAD_SETTLE_SECONDS ?? 30),
    });
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--flood')) return flood();
  const connections = Number(process.env.LOAD_CONNECTIONS ?? 16);
  const duration = Number(process.env.LOAD_SECONDS ?? 20);
  const server = process.env.LOAD_URL ? undefined : await startApiProcess();
  const url = process.env.LOAD_URL ?? server!.url;

  // Every query must work before we measure it, or the figures would count errors as speed.
  for (const query of MIX) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    if (body.errors) throw new Error(`query failed before the load: ${query}\n${body.errors[0].message}`);
  }

  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: MIX.map((query) => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    })),
    setupClient(client) {
      client.on('body', (body: Buffer) => {
        if (body.includes('"errors"')) graphqlErrors += 1;
      });
    },
  });

  const lines = [
    `load: ${connections} connections, ${duration} s, ${MIX.length} query shapes in rotation, against ${url}`,
    `requests/s (mean): ${result.requests.average.toFixed(0)}   total: ${result.requests.total}`,
    `latency ms: p50 ${result.latency.p50}  p99 ${result.latency.p99}  max ${result.latency.max}`,
    `errors: HTTP non-2xx ${result.non2xx}, transport ${result.errors}, timeouts ${result.timeouts}, GraphQL errors ${graphqlErrors}`,
    server ? `server peak RSS: ${server.peakRssMiB()} MiB` : 'server peak RSS: n/a (LOAD_URL given)',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await server?.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
