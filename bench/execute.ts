import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { syncSeed } from '../src/seed/seed.sync';
import { checkSeed } from '../src/seed/seed.validate';
import { summarizeCpuProfile } from './cpu-profile';
import { openBenchDatabase } from './database';
import { median } from './measure';
import { probeSeed } from './probe';
import { type ShapeId, shapeCases } from './shapes';

/**
 * `node dist/bench/execute.js`: what GraphQL execution of a bench shape costs our server in CPU, without HTTP or
 * Apollo: `execute` on the built schema with a request context, 16 answers at a time, on the shipped seed. Each
 * build (`--dist`, this one by default) runs in its own process (execute-worker.ts), in an order that alternates
 * between rounds, and the answers of all builds must be the same.
 *
 *   --question concept,page50  bench shapes to ask
 *   --dist DIR,DIR             builds to compare (dist folders), first is the reference
 *   --node-flags A,B           node's flags for each build's process, in --dist order (`,--max-semi-space-size=32`
 *                              runs the second with a larger young generation; the same build may be given twice)
 *   --rounds N --answers N     (2 rounds of 3000 answers, after 1000 to warm up)
 *   --count                    instead: resolver calls and promises per answer, by field
 *   --profile                  instead: where the CPU of the measured answers went (self time)
 *   --replay                   the database's rows are recorded on the first answer and replayed afterwards (a
 *                              structured clone each time, its own CPU measured and taken off), so the figure is
 *                              GraphQL execution and our resolvers alone, with no driver and no socket
 */

interface Options {
  questions: ShapeId[];
  dists: string[];
  /** node's flags for each of `dists`' processes, by index (none when absent). */
  nodeFlags: string[][];
  rounds: number;
  answers: number;
  count: boolean;
  profile: boolean;
  replay: boolean;
}

interface WorkerResult {
  cpuUsPerAnswer: number;
  answersPerSecond: number;
  digest: string;
  /** The worker's peak resident memory. */
  peakRssMiB: number;
  resolvers?: { name: string; calls: number; promises: number }[];
}

function parse(argv: string[]): Options {
  const options: Options = {
    questions: ['concept', 'page50'],
    dists: [path.resolve(__dirname, '..')],
    nodeFlags: [],
    rounds: 2,
    answers: 3000,
    count: false,
    profile: false,
    replay: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const value = () => {
      const next = argv[(i += 1)];
      if (next === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return next;
    };
    switch (argv[i]) {
      case '--question':
        options.questions = value().split(',') as ShapeId[];
        break;
      case '--dist':
        options.dists = value()
          .split(',')
          .map((dir) => path.resolve(dir));
        break;
      case '--node-flags':
        options.nodeFlags = value()
          .split(',')
          .map((flags) => flags.split(' ').filter(Boolean));
        break;
      case '--rounds':
        options.rounds = Number(value());
        break;
      case '--answers':
        options.answers = Number(value());
        break;
      case '--count':
        options.count = true;
        break;
      case '--profile':
        options.profile = true;
        break;
      case '--replay':
        options.replay = true;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}; see the comment at the top of bench/execute.ts`);
    }
  }
  return options;
}

function runWorker(uri: string, dist: string, job: object, nodeFlags: string[] = []): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, path.join(__dirname, 'execute-worker.js'), dist], {
      env: { ...process.env, NODE_ENV: 'production', NEO4J_URI: uri, SEED_ON_START: 'false' },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()!) as WorkerResult)
        : reject(new Error(`worker exited ${code}`)),
    );
    child.stdin.end(JSON.stringify(job));
  });
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const db = await openBenchDatabase({ heap: '1g', pageCache: '512m' });
  try {
    await syncSeed(db.gateway, checkSeed(db.config.seed.dir));
    const params = await probeSeed(db.driver, db.config.neo4j.database);
    // Made only for --profile; the profiles stay there for a closer look.
    const label = (i: number) => [options.dists[i], ...(options.nodeFlags[i] ?? [])].join(' ');
    const profileDir = options.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-execute-')) : '';
    for (const question of options.questions) {
      const shape = shapeCases(params).find((one) => one.id === question);
      if (!shape) throw new Error(`no bench shape ${question}`);
      const job = {
        ...shape.ours,
        answers: options.answers,
        warmup: 1000,
        concurrency: 16,
        count: false,
        replay: options.replay,
      };
      if (options.count || options.profile) {
        const profile = options.profile ? path.join(profileDir, `${question}.cpuprofile`) : undefined;
        const result = await runWorker(
          db.uri,
          options.dists[0],
          { ...job, count: options.count, profile },
          options.nodeFlags[0],
        );
        process.stdout.write(`${question}: ${result.cpuUsPerAnswer.toFixed(0)} CPU µs per answer\n`);
        for (const r of result.resolvers ?? [])
          process.stdout.write(`  ${r.name}: ${r.calls} calls, ${r.promises} promises\n`);
        if (profile) {
          const summary = summarizeCpuProfile(profile, undefined, 30);
          for (const share of summary.byPackage) process.stdout.write(`  ${share.percent}%  ${share.name}\n`);
          for (const share of summary.byFunction) process.stdout.write(`    ${share.percent}%  ${share.name}\n`);
        }
        continue;
      }
      const cpu = options.dists.map(() => [] as number[]);
      let reference: string | undefined;
      for (let round = 0; round < options.rounds; round += 1) {
        const order = options.dists.map((_, i) => i);
        if (round % 2 === 1) order.reverse();
        for (const i of order) {
          const result = await runWorker(db.uri, options.dists[i], job, options.nodeFlags[i]);
          reference ??= result.digest;
          if (result.digest !== reference) throw new Error(`${label(i)} answers ${question} differently`);
          cpu[i].push(result.cpuUsPerAnswer);
          process.stdout.write(
            `${question} round ${round + 1} ${label(i)}: ${result.cpuUsPerAnswer.toFixed(0)} CPU µs per answer, ${result.answersPerSecond.toFixed(0)} answers/s, peak RSS ${result.peakRssMiB} MiB\n`,
          );
        }
      }
      options.dists.forEach((_, i) =>
        process.stdout.write(`${question} median ${label(i)}: ${median(cpu[i]).toFixed(0)} CPU µs per answer\n`),
      );
    }
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`execute failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
