import autocannon, { type Request } from 'autocannon';

import { type LoadOptions, type Measurement, summarize } from './measure';

/**
 * Fixed-concurrency load on one GraphQL request with autocannon: a warm-up whose figures are dropped, then the
 * measured run. Latencies are taken from every 2xx response at full (sub-millisecond) resolution; HTTP errors,
 * transport errors, timeouts and answers that carry GraphQL `errors` count as failures.
 *
 * `distinct`: every request carries one more variable with a value never sent before (the operation does not
 * declare it, so GraphQL ignores it), so no two requests are the same question to a cache, while each costs the
 * server what the plain request costs.
 *
 * `bodyFor`: a new body for every request (a learner picked at random, a fresh idempotency key), `body` being the
 * first; `headers` are sent with every request (a bearer key).
 */
export async function loadHttp(
  url: string,
  body: string,
  options: LoadOptions,
  {
    distinct = false,
    bodyFor,
    headers = {},
  }: { distinct?: boolean; bodyFor?: () => string; headers?: Record<string, string> } = {},
): Promise<Measurement> {
  const parsed = JSON.parse(body) as { variables?: Record<string, unknown> };
  let sent = 0;
  const next = distinct
    ? () => JSON.stringify({ ...parsed, variables: { ...parsed.variables, distinctRequest: (sent += 1) } })
    : bodyFor;
  const request = {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', ...headers },
    body,
    ...(next ? { setupRequest: (req: Request): Request => ({ ...req, body: next() }) } : {}),
  };
  const verifyBody = (text: string | Buffer | undefined) => text !== undefined && !text.includes('"errors"');
  if (options.warmupSeconds > 0) {
    await autocannon({ url, connections: options.connections, duration: options.warmupSeconds, requests: [request] });
  }
  const latencies: number[] = [];
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    requests: [request],
    verifyBody,
    setupClient(client) {
      let last = -1;
      client.on('response', (statusCode: number, _bytes: number, responseTime: number) => {
        last = statusCode >= 200 && statusCode < 300 ? latencies.push(responseTime) - 1 : -1;
      });
      // Emitted right after 'response' for the same answer when verifyBody rejects it: it was not a success.
      // The typings do not list 'mismatch', though the client emits it (autocannon lib/httpClient.js).
      (client as unknown as NodeJS.EventEmitter).on('mismatch', () => {
        if (last >= 0) latencies[last] = Number.NaN;
      });
    },
  });
  const failed = result.non2xx + result.mismatches + result.errors + result.timeouts;
  return summarize(
    latencies.filter((v) => !Number.isNaN(v)),
    failed,
    result.duration || options.seconds,
  );
}
