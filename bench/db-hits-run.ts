import { SYNTHETIC_ORIGIN } from '../src/graph/graph.model';
import { buildAtlasSchema } from '../src/schema/build';
import { syncSeed } from '../src/seed/seed.sync';
import { syntheticSlug, writeSynthetic } from '../src/seed/seed.synthetic';
import { checkSeed } from '../src/seed/seed.validate';
import { graphCounts, openBenchDatabase } from './database';
import { oursDbWork, rawDbWork } from './db-hits';
import { parseOptions } from './options';
import { probe, probeSeed } from './probe';
import { shapeCases, type ShapeParams } from './shapes';

/**
 * `npm run bench:db-hits [-- --sizes 1000,100000]`: only the database work of every shape (PROFILE db hits, ours
 * against the hand-written Cypher), on the shipped seed and on synthetic graphs of the given sizes. No server and no
 * load: it takes a minute where the full benchmark takes twenty, so a change to a query can be judged at once.
 * `--plans` adds, under each row, the operators that read the most in each side's plans, to see where the hits go.
 */

async function main(): Promise<void> {
  // --keep leaves the last synthetic graph in a database of one's own (NEO4J_URI), so the next run need not write it again.
  const keep = process.argv.includes('--keep');
  const plans = process.argv.includes('--plans');
  const argv = process.argv.slice(2).filter((arg) => arg !== '--keep' && arg !== '--plans');
  const options = parseOptions(argv.includes('--sizes') ? argv : [...argv, '--sizes', 'none']);
  const db = await openBenchDatabase({ heap: options.heap, pageCache: options.pageCache });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const schema = await buildAtlasSchema();
    await syncSeed(db.gateway, checkSeed(db.config.seed.dir));
    await db.gateway.write('CALL db.awaitIndexes(600)');
    const steps: { label: string; params: () => Promise<ShapeParams> }[] = [
      {
        label: 'shipped seed',
        params: () => probeSeed(db.driver, db.config.neo4j.database),
      },
      ...options.sizes.map((size) => ({
        label: `${size} synthetic`,
        params: async () => {
          const [present] = await db.gateway.read('MATCH (c:Concept {origin: $origin}) RETURN count(c) AS n', {
            origin: SYNTHETIC_ORIGIN,
          });
          if (present.n !== size) {
            await writeSynthetic(db.gateway, 0, db.logger);
            await writeSynthetic(db.gateway, size, db.logger);
            await db.gateway.write('CALL db.awaitIndexes(600)');
          }
          const counts = await graphCounts(db);
          out(`(${counts.concepts} concepts, ${counts.relations} relations)`);
          return probe(db.driver, db.config.neo4j.database, {
            origin: SYNTHETIC_ORIGIN,
            hubDegree: 6,
            ballSize: 40,
            sampleFrom: syntheticSlug(Math.max(1, Math.floor(size / 2))),
          });
        },
      })),
    ];
    out('| graph | shape | db hits ours | db hits raw | ours/raw | statements |');
    out('| --- | --- | ---: | ---: | ---: | ---: |');
    for (const step of steps) {
      const params = await step.params();
      for (const shape of shapeCases(params)) {
        const ours = await oursDbWork(schema, db.driver, db.config, db.logger, shape.ours);
        const raw = await rawDbWork(db.driver, db.config.neo4j.database, shape.raw);
        out(
          `| ${step.label} | ${shape.id} | ${ours.dbHits} | ${raw.dbHits} | ${(ours.dbHits / raw.dbHits).toFixed(2)}× | ${ours.statements} |`,
        );
        if (plans)
          for (const [side, work] of [
            ['ours', ours],
            ['raw', raw],
          ] as const)
            for (const plan of work.plans)
              out(`    ${side} ${plan.dbHits}: ${plan.hottest.join('; ').replace(/\s+/g, ' ')}`);
      }
    }
  } finally {
    if (!db.owned && !keep && options.sizes.length)
      await writeSynthetic(db.gateway, 0, db.logger).catch(() => undefined);
    await db.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`db hits failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
