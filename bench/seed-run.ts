import os from 'node:os';

import { syncSeed } from '../src/seed/seed.sync';
import { writeSynthetic } from '../src/seed/seed.synthetic';
import { checkSeed } from '../src/seed/seed.validate';
import { checkSyntheticKeys, graphCounts, openBenchDatabase } from './database';
import { parseOptions } from './options';
import { processCpu } from './proc-cpu';

/**
 * `npm run bench:seed [-- --sizes 10000,100000 --repeat 2]`: only the seeding of the scale series, phase by phase, on a
 * fresh local Neo4j (or NEO4J_URI): the database start with our constraints and indexes, the shipped seed (validation,
 * then the one transaction that also writes the seed hash), and for every size a synthetic graph written from empty,
 * with the seconds at which each phase ended, the wait for the indexes, and the same fairness check as the scale
 * series. The machine is shared, so every size is repeated in one run and the ratios are what to read.
 */

const seconds = (since: number) => (performance.now() - since) / 1000;
const fixed = (n: number) => n.toFixed(2);
const load = () => os.loadavg()[0].toFixed(1);

/**
 * CPU seconds a process has used so far (Linux /proc), or NaN elsewhere. On a shared machine the wall time of a run
 * depends on what else runs; the CPU time the database and the writer spent does much less.
 */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    return processCpu(pid).total / 1e6;
  } catch {
    return Number.NaN;
  }
}

async function main(): Promise<void> {
  // --repeat N runs every size N times.
  const argv = process.argv.slice(2);
  const take = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv.splice(at, 2)[1] : undefined;
  };
  const repeat = Number(take('--repeat') ?? 2);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat needs a whole number from 1, got "${repeat}"`);
  const rest = argv;
  const options = parseOptions(rest.includes('--sizes') ? rest : [...rest, '--sizes', '10000,100000']);
  const out = (line: string) => process.stdout.write(`${line}\n`);

  let started = performance.now();
  const db = await openBenchDatabase({ heap: options.heap, pageCache: options.pageCache });
  out(`database started with constraints and indexes: ${fixed(seconds(started))} s (load ${load()})`);
  try {
    started = performance.now();
    const content = checkSeed(db.config.seed.dir);
    const validated = seconds(started);
    const shipped = await syncSeed(db.gateway, content);
    out(
      `shipped seed: validation ${fixed(validated)} s, one transaction with the seed hash ${fixed(shipped.seconds)} s ` +
        `(${shipped.concepts} concepts, ${shipped.relations} relations)`,
    );
    out(
      'size | run | load | remove | concepts end | relations end | degrees end | seeded | then awaitIndexes | total | CPU s database · writer | check',
    );
    for (const size of options.sizes) {
      for (let run = 1; run <= repeat; run += 1) {
        await writeSynthetic(db.gateway, 0, db.logger);
        await db.gateway.write('CALL db.awaitIndexes(600)');
        const loadBefore = load();
        const cpuBefore = { database: cpuSeconds(db.local?.pid), writer: process.cpuUsage() };
        started = performance.now();
        const seeded = await writeSynthetic(db.gateway, size, db.logger);
        await db.gateway.write('CALL db.awaitIndexes(600)');
        const total = seconds(started);
        const writerCpu = process.cpuUsage(cpuBefore.writer);
        const cpu = {
          database: cpuSeconds(db.local?.pid) - cpuBefore.database,
          writer: (writerCpu.user + writerCpu.system) / 1e6,
        };
        const checked = performance.now();
        await checkSyntheticKeys(db, size);
        const counts = await graphCounts(db);
        const p = seeded.phases;
        out(
          [
            size,
            run,
            loadBefore,
            p.remove,
            p.concepts,
            p.relations,
            p.degrees,
            seeded.seconds,
            total - seeded.seconds,
            total,
            `${fixed(cpu.database)} · ${fixed(cpu.writer)}`,
          ]
            .map((v) => (typeof v === 'number' && !Number.isInteger(v) ? fixed(v) : String(v)))
            .join(' | ') +
            ` | ok in ${fixed(seconds(checked))} s (${counts.concepts} concepts, ${counts.relations} relations)`,
        );
      }
    }
  } finally {
    await writeSynthetic(db.gateway, 0, db.logger).catch(() => undefined);
    await db.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
