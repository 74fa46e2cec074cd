import { type Config, ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { connectDatabase, type Database } from '../neo4j/database';
import { applySchema } from '../neo4j/migrations';
import { AccessRepository } from './access.repository';
import { createFrontendKey, FrontendNameError } from './access.service';
import type { FrontendRecord } from './access.types';

/** `npm run keys`: create, list and revoke the keys of the frontends that call the learner API. */

export const EXIT = { OK: 0, REFUSED: 1, USAGE: 2, DATABASE: 3 } as const;

const USAGE = `Usage: npm run keys -- <command>

Manages the keys of the frontends that call the learner API, in the database the service uses (NEO4J_URI, or the
bundled local Neo4j when it is unset).

Commands:
  create NAME          make a frontend named NAME and print its key, once: only its hash is stored, so copy it now
                       (NAME: 1 to 64 letters, digits, dots, dashes or underscores; unique among active frontends)
  list                 every frontend: id, name, the start of its key, when it was created and revoked, learners
  revoke NAME-or-ID    revoke an active frontend by name, or any by id: its key and every learner token it issued stop
                       working at once; its learners' data stays until erased
  help                 show this text

Exit codes: 0 done, 1 refused (name taken or invalid, nothing to revoke), 2 wrong usage or configuration,
3 the database could not be reached or refused the write.
`;

export class UsageError extends Error {}

export type Command =
  { name: 'create'; frontend: string } | { name: 'list' } | { name: 'revoke'; target: string } | { name: 'help' };

export function parseCommand(args: string[]): Command {
  const [name, ...rest] = args;
  const arity = (count: number) => {
    if (rest.length !== count)
      throw new UsageError(
        `\`${name}\` takes ${count === 0 ? 'no argument' : `${count} argument`}, got ${rest.length}`,
      );
  };
  switch (name) {
    case 'create':
      arity(1);
      return { name, frontend: rest[0] };
    case 'list':
      arity(0);
      return { name };
    case 'revoke':
      arity(1);
      return { name, target: rest[0] };
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { name: 'help' };
    default:
      throw new UsageError(`unknown command "${name}"`);
  }
}

const iso = (date: Date | null) => (date ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');

function table(rows: (FrontendRecord & { learners: number })[]): string {
  if (rows.length === 0) return 'no frontends yet: npm run keys -- create NAME';
  const lines = [
    ['id', 'name', 'key', 'created', 'revoked', 'learners'],
    ...rows.map((f) => [f.id, f.name, `${f.keyPrefix}...`, iso(f.createdAt), iso(f.revokedAt), String(f.learners)]),
  ];
  const widths = lines[0].map((_, i) => Math.max(...lines.map((line) => line[i].length)));
  return lines
    .map((line) =>
      line
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

async function run(
  command: Exclude<Command, { name: 'help' }>,
  db: Database,
  config: Config,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const repo = new AccessRepository(db.gateway);
  switch (command.name) {
    case 'create': {
      const { key, frontend } = await createFrontendKey(db.gateway, command.frontend);
      out(`created frontend ${frontend.name} (id ${frontend.id})`);
      out(`key: ${key}`);
      out(
        "This is the only time the key is shown: store it in your frontend server's secrets now. Send it as Authorization: Bearer <key>.",
      );
      if (config.access.tokenSecretGenerated)
        err(
          'note: LEARNER_TOKEN_SECRET is not set, so learner tokens last only until the service restarts (see the README).',
        );
      return EXIT.OK;
    }
    case 'list':
      out(table(await repo.listFrontends()));
      return EXIT.OK;
    case 'revoke': {
      const revoked = await repo.revoke(command.target);
      if (revoked.length === 0) {
        err(
          `keys: no active frontend is named "${command.target}" and no frontend has that id; \`npm run keys -- list\` shows them`,
        );
        return EXIT.REFUSED;
      }
      for (const frontend of revoked)
        out(`revoked frontend ${frontend.name} (id ${frontend.id}) at ${iso(frontend.revokedAt)}`);
      return EXIT.OK;
    }
  }
}

/** Runs the command and returns its exit code; prints the result or the problem, never throws. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  let command: Command;
  let config: Config;
  try {
    command = parseCommand(args);
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      err(`keys: ${error.message}\n\n${USAGE}`);
      return EXIT.USAGE;
    }
    throw error;
  }
  if (command.name === 'help') {
    out(USAGE);
    return EXIT.OK;
  }
  // Only warnings by default: the key itself is the output, and start-up chatter around it would hide it.
  const logger = createLogger({ ...config, logLevel: env.LOG_LEVEL ? config.logLevel : 'warn' });
  let db: Database | undefined;
  try {
    db = await connectDatabase(config, logger);
    await applySchema(db.gateway, config.rootDir, logger);
    return await run(command, db, config, out, err);
  } catch (error) {
    if (error instanceof FrontendNameError) {
      err(`keys: ${error.message}`);
      return EXIT.REFUSED;
    }
    err(`keys: ${error instanceof Error ? error.message : String(error)}`);
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
