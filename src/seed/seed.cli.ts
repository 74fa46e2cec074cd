import { parseArgs } from 'node:util';

import { type Config, ConfigError, loadConfig } from '../config';
import { createLogger, type Logger } from '../logger';
import { connectDatabase, type Database } from '../neo4j/database';
import { applySchema } from '../neo4j/migrations';
import { SeedValidationError } from './seed.problem';
import { seedHash, toRows } from './seed.rows';
import { MAX_SYNTHETIC, type SyntheticResult, writeSynthetic } from './seed.synthetic';
import { type SyncResult, syncSeed } from './seed.sync';
import type { SeedContent } from './seed.types';
import { checkSeedFolder } from './seed.validate';

/** `npm run seed`: validate the seed files and write them into Neo4j, all or nothing. */

export const EXIT = { OK: 0, INVALID_SEED: 1, USAGE: 2, DATABASE: 3 } as const;

const USAGE = `Usage: npm run seed -- [options]

Validates the seed files (SEED_DIR, default seed/) and writes them into Neo4j (NEO4J_URI, or the bundled local
Neo4j when it is unset) in one transaction: all of it or nothing. Content the seeder does not own is never touched.

Options:
  --dry-run        validate only and print the counts; the database is not contacted
  --reset          first remove all seed-owned and synthetic content, then seed
  --synthetic N    also make the graph hold exactly N synthetic benchmark concepts (about 3N relations),
                   origin 'synthetic', slugs synthetic-000001...; 0 removes them
  --help           show this text

Exit codes: 0 done, 1 the seed is invalid (every problem is printed), 2 wrong usage or configuration,
3 the database could not be reached or refused the write.
`;

export interface CliOptions {
  dryRun: boolean;
  reset: boolean;
  synthetic?: number;
  help: boolean;
}

export class UsageError extends Error {}

export function parseCli(args: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { 'dry-run': { type: 'boolean' }, reset: { type: 'boolean' }, synthetic: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let synthetic: number | undefined;
  if (values.synthetic !== undefined) {
    synthetic = Number(values.synthetic);
    if (!/^\d+$/.test(values.synthetic) || synthetic > MAX_SYNTHETIC) throw new UsageError(`--synthetic takes a whole number from 0 to ${MAX_SYNTHETIC}, got "${values.synthetic}"`);
  }
  const options = { dryRun: values['dry-run'] ?? false, reset: values.reset ?? false, synthetic, help: values.help ?? false };
  if (options.dryRun && (options.reset || synthetic !== undefined)) throw new UsageError('--dry-run only validates; it cannot be combined with --reset or --synthetic');
  return options;
}

function describeSync(r: SyncResult): string {
  const removed = r.removed.concepts + r.removed.relations + r.removed.comparisons;
  return `seeded ${r.concepts} concepts, ${r.relations} relations and ${r.comparisons} comparisons in ${r.seconds.toFixed(2)} s` +
    (removed > 0 ? ` (removed ${r.removed.concepts} concepts, ${r.removed.relations} relations, ${r.removed.comparisons} comparisons no longer in the seed)` : '');
}

function describeSynthetic(r: SyntheticResult): string {
  const perSecond = (n: number) => Math.round(n / Math.max(r.seconds, 0.001));
  return `synthetic: ${r.concepts} concepts and ${r.relations} relations in ${r.seconds.toFixed(1)} s ` +
    `(${perSecond(r.concepts + r.relations)} items/s)${r.removed > 0 ? `, removed ${r.removed} concepts` : ''}`;
}

async function writeAll(db: Database, content: SeedContent, config: Config, options: CliOptions, logger: Logger): Promise<string> {
  await applySchema(db.gateway, config.rootDir, logger);
  const parts: string[] = [];
  if (options.reset) {
    const cleared = await writeSynthetic(db.gateway, 0, logger);
    logger.info({ removed: cleared.removed }, 'reset: removed synthetic content; seed-owned content is replaced in the seeding transaction');
  }
  const result = await syncSeed(db.gateway, content, { reset: options.reset });
  logger.info({ ...result, seconds: Number(result.seconds.toFixed(2)) }, describeSync(result));
  parts.push(describeSync(result));
  if (options.synthetic !== undefined) parts.push(describeSynthetic(await writeSynthetic(db.gateway, options.synthetic, logger)));
  return parts.join('; ');
}

/** Runs the command and returns its exit code; prints the result or every problem, never throws. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  let options: CliOptions;
  let config: Config;
  try {
    options = parseCli(args);
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      err(`seed: ${error.message}\n\n${USAGE}`);
      return EXIT.USAGE;
    }
    throw error;
  }
  if (options.help) {
    out(USAGE);
    return EXIT.OK;
  }
  const logger = createLogger(config);

  let db: Database | undefined;
  try {
    // Validate before connecting: an invalid seed never costs a database start and never reaches it.
    const { content, noteIndex } = checkSeedFolder(config.seed.dir);
    if (options.dryRun) {
      out(`dry run: the seed is valid: ${content.concepts.length} concepts, ${content.relations.length} relations, ${content.comparisons.length} comparisons (hash ${seedHash(toRows(content)).slice(0, 16)}); nothing was written`);
      out(
        noteIndex
          ? `every source names one of the ${noteIndex.sections.length} sections of ${noteIndex.note} (note/note-index.json)`
          : 'sources were not checked: the seed folder has no note/note-index.json (npm run note:index writes it from the source note)',
      );
      return EXIT.OK;
    }
    db = await connectDatabase(config, logger);
    out(await writeAll(db, content, config, options, logger));
    return EXIT.OK;
  } catch (error) {
    if (error instanceof SeedValidationError) {
      err(`seed: ${error.message}`);
      return EXIT.INVALID_SEED;
    }
    // The seed itself commits all or nothing; synthetic data commits per batch, and a rerun completes it.
    err(`seed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.DATABASE;
  } finally {
    await db?.close();
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
