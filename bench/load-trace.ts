import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm run build && npm run build:bench && node dist/bench/load-trace.js [--shapes concept,nav2] [--asks 300]`: one
 * request's timeline on our server (response cache off), warm, one client, on every shape, beside raw Cypher's own
 * time for the hand-written statement. The server runs with this file preloaded (`--require`), which marks per
 * request, from node's `request` event: the body read, the first write on the Bolt socket (the Cypher sent), the
 * first and last bytes back from Neo4j, the answer's JSON.stringify, `res.end` and `finish` (the bytes handed to the
 * socket), and the idle time between the previous answer's `finish` and this request. Medians per shape, in ms.
 *
 * A diagnostic, not a benchmark: it patches node's http and net prototypes in the traced process, which costs a
 * little time of its own.
 */

const MARKS = [
  'bodyRead',
  'cypherWrite',
  'recordsFirst',
  'recordsLast',
  'stringifyStart',
  'stringifyEnd',
  'resEnd',
  'finish',
] as const;
type MarkName = (typeof MARKS)[number] | 'idleBefore';
type Timeline = Partial<Record<MarkName, number>> & { shape: string };

/** In the traced server: patch node so each request's marks are kept, and written to `file` when it exits. */
function installMarks(file: string, boltPort: number): void {
  const all: Timeline[] = [];
  let current: { t0: number; line: Timeline } | undefined;
  let lastFinish: number | undefined;
  const mark = (name: MarkName, first = true) => {
    if (current && !(first && name in current.line)) current.line[name] = performance.now() - current.t0;
  };
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const shape = req.headers['x-trace-shape'];
      const t0 = performance.now();
      current = typeof shape === 'string' ? { t0, line: { shape } } : undefined;
      if (current) {
        if (lastFinish !== undefined) current.line.idleBefore = t0 - lastFinish;
        all.push(current.line);
        req.prependListener('end', () => mark('bodyRead'));
        res.once('finish', () => {
          mark('finish');
          lastFinish = performance.now();
        });
      }
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
  const end = http.ServerResponse.prototype.end;
  http.ServerResponse.prototype.end = function (this: http.ServerResponse, ...args: unknown[]) {
    mark('resEnd');
    return (end as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof http.ServerResponse.prototype.end;
  const write = net.Socket.prototype.write;
  net.Socket.prototype.write = function (this: net.Socket, ...args: unknown[]) {
    if (this.remotePort === boltPort) mark('cypherWrite');
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  };
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const socket = (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    this.prependListener('data', () => {
      if (this.remotePort !== boltPort || !current || !('cypherWrite' in current.line)) return;
      mark('recordsFirst');
      mark('recordsLast', false);
    });
    return socket;
  };
  const stringify = JSON.stringify;
  JSON.stringify = function (value: unknown, ...rest: unknown[]) {
    const started = performance.now();
    const text = (stringify as (...a: unknown[]) => string)(value, ...rest);
    if (current && 'recordsLast' in current.line && value && typeof value === 'object' && 'data' in value) {
      current.line.stringifyStart = started - current.t0;
      current.line.stringifyEnd = performance.now() - current.t0;
    }
    return text;
  } as typeof JSON.stringify;
  process.on('exit', () => fs.writeFileSync(file, stringify(all)));
}

async function main(): Promise<void> {
  // Loaded only here: the traced server preloads this file and must not load the bench's modules.
  const { openBenchDatabase } = await import('./database');
  const { syncSeed } = await import('../src/seed/seed.sync');
  const { checkSeed } = await import('../src/seed/seed.validate');
  const { probeSeed } = await import('./probe');
  const { shapeCases } = await import('./shapes');
  const { startApiProcess } = await import('./api-process');
  const { httpAsker, timeSerial } = await import('./load-serial');
  const { loadHttp } = await import('./load-http');
  const { runRawOnce } = await import('./load-raw');
  const { quantile } = await import('./measure');
  const { optionValue } = await import('./options');

  const asks = Number(optionValue('--asks') ?? 300);
  const only = optionValue('--shapes')?.split(',');
  const db = await openBenchDatabase({ heap: '1g', pageCache: '512m' });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-trace-')), 'marks.json');
  let server: Awaited<ReturnType<typeof startApiProcess>> | undefined;
  try {
    await syncSeed(db.gateway, checkSeed(db.config.seed.dir));
    const params = await probeSeed(db.driver, db.config.neo4j.database);
    const boltPort = new URL(db.uri.replace(/^[a-z+]+:/, 'http:')).port;
    server = await startApiProcess(
      {
        NEO4J_URI: db.uri,
        RESPONSE_CACHE_BYTES: '0',
        SEED_ON_START: 'false',
        RATE_LIMIT_READS_PER_MINUTE: '0',
        ATLAS_TRACE_FILE: file,
        ATLAS_TRACE_BOLT_PORT: boltPort,
      },
      ['--require', __filename],
    );
    const cases = shapeCases(params).filter((c) => !only || only.includes(c.id));
    const options = { warmupMs: 1000, asks, budgetMs: 10000 };
    const client = new Map<string, { p50: number; asks: number; raw: number }>();
    for (const shape of cases) {
      const body = JSON.stringify(shape.ours);
      await loadHttp(server.url, body, { connections: 4, seconds: 2, warmupSeconds: 0 });
      const asker = httpAsker(server.url, body, { 'x-trace-shape': shape.id });
      const ours = await timeSerial(asker.ask, options);
      asker.close();
      const raw = await timeSerial(
        () => runRawOnce(db.driver, db.config.neo4j.database, shape.raw.cypher, shape.raw.params),
        options,
      );
      client.set(shape.id, { p50: ours.p50, asks: ours.asks, raw: raw.p50 });
    }
    await server.stop();
    server = undefined;
    const lines = JSON.parse(fs.readFileSync(file, 'utf8')) as Timeline[];
    const median = (values: (number | undefined)[]) => {
      const present = values.filter((v): v is number => v !== undefined);
      return present.length ? quantile(present, 0.5).toFixed(2) : '–';
    };
    const out = [
      `one client, warm, ${asks} asks per shape, ${new Date().toISOString()}, load average ${os.loadavg()[0].toFixed(1)}; ms from the request event, medians`,
      '',
      `| shape | client p50 | ${MARKS.join(' | ')} | idle before | raw Cypher p50 |`,
      `| --- | ---: | ${MARKS.map(() => '---:').join(' | ')} | ---: | ---: |`,
    ];
    for (const [shape, c] of client) {
      // The warm-up asks are traced too; only the timed ones count.
      const timed = lines.filter((l) => l.shape === shape).slice(-c.asks);
      out.push(
        `| ${shape} | ${c.p50.toFixed(2)} | ${MARKS.map((m) => median(timed.map((l) => l[m]))).join(' | ')} | ${median(timed.map((l) => l.idleBefore))} | ${c.raw.toFixed(2)} |`,
      );
    }
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await server?.stop();
    await db.stop();
  }
}

if (process.env.ATLAS_TRACE_FILE && require.main !== module) {
  installMarks(process.env.ATLAS_TRACE_FILE, Number(process.env.ATLAS_TRACE_BOLT_PORT));
} else if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
