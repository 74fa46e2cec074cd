import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { quantile } from './measure';

/**
 * One client asking again and again, no concurrency: the time a learner waits for one answer when nothing queues.
 * Every server is asked through the same lean client (node's `http` with one keep-alive connection, no `fetch`
 * machinery), so what the client itself costs is the same for every contestant and can be measured on its own
 * (clientOverhead).
 */

/** Latency of one client, in ms. */
export interface SerialMeasurement {
  p50: number;
  p90: number;
  /** Answers timed. */
  asks: number;
}

export interface SerialOptions {
  /** Unmeasured asking before the timed asks, in ms (0: none). */
  warmupMs: number;
  /** Timed asks, at most. */
  asks: number;
  /** The timed asks stop after this many ms, once at least 5 answers are in. */
  budgetMs: number;
}

/**
 * Times `ask` one call after another after a warm-up (`unmeasured` calls, then asking for `options.warmupMs`); p50 and
 * p90 of the timed calls.
 */
export async function timeSerial(
  ask: () => Promise<unknown>,
  options: SerialOptions,
  unmeasured = 0,
): Promise<SerialMeasurement> {
  for (let i = 0; i < unmeasured; i += 1) await ask();
  const warmEnd = performance.now() + options.warmupMs;
  while (performance.now() < warmEnd) await ask();
  const times: number[] = [];
  const deadline = performance.now() + options.budgetMs;
  while (times.length < options.asks && (times.length < 5 || performance.now() < deadline)) {
    const started = performance.now();
    await ask();
    times.push(performance.now() - started);
  }
  return { p50: quantile(times, 0.5), p90: quantile(times, 0.9), asks: times.length };
}

/** A POST of a fixed JSON body over one kept-alive connection; `ask` resolves with the whole answer as text. */
export interface HttpAsker {
  ask(): Promise<string>;
  close(): void;
}

export function httpAsker(url: string, body: string, headers: Record<string, string> = {}): HttpAsker {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(url);
  const payload = Buffer.from(body);
  const options: http.RequestOptions = {
    agent,
    method: 'POST',
    hostname: target.hostname,
    port: target.port,
    path: `${target.pathname}${target.search}`,
    headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers },
  };
  const ask = () =>
    new Promise<string>((resolve, reject) => {
      const request = http.request(options, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((response.statusCode ?? 0) >= 300)
            reject(new Error(`HTTP ${response.statusCode} from ${url}: ${text.slice(0, 200)}`));
          else resolve(text);
        });
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(payload);
    });
  return { ask, close: () => agent.destroy() };
}

/**
 * One client POSTing `body` to `url` over one kept-alive connection: `unmeasured` asks first (they open the
 * connection and reach every lazily made part of the server once), then timed as `options` say. `headers` go with
 * every ask (a frontend's bearer key).
 */
export async function timeHttpSerial(
  url: string,
  body: string,
  options: SerialOptions,
  unmeasured: number,
  headers: Record<string, string> = {},
): Promise<SerialMeasurement> {
  const client = httpAsker(url, body, headers);
  try {
    return await timeSerial(client.ask, options, unmeasured);
  } finally {
    client.close();
  }
}

/** The same POST through undici's `fetch`, the client the bench used before: only to show what it costs. */
export function fetchAsker(url: string, body: string): HttpAsker {
  const ask = async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}: ${text.slice(0, 200)}`);
    return text;
  };
  return { ask, close: () => undefined };
}

/**
 * What the lean client costs by itself: the same client, with the same body, asking a local `http` server that
 * answers a fixed small body at once. No server of ours can answer faster than this, so it is the part of every
 * HTTP contestant's one-client latency that raw Cypher (asked in process) does not pay. The server runs in this
 * process, so its few µs per answer are counted in too.
 */
export async function clientOverhead(
  body: string,
  options: SerialOptions,
  makeClient: (url: string, body: string) => HttpAsker = httpAsker,
): Promise<SerialMeasurement> {
  const answer = Buffer.from('{"data":{"__typename":"Query"}}');
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = makeClient(`http://127.0.0.1:${port}/graphql`, body);
  try {
    return await timeSerial(client.ask, options);
  } finally {
    client.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
