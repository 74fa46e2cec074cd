import fs from 'node:fs';
import path from 'node:path';

import { createLogger } from '../../src/logger';
import { connectDatabase, type Database } from '../../src/neo4j/database';
import { formatProblem, SeedValidationError } from '../../src/seed/seed.problem';
import { seedOnStart } from '../../src/seed/seed.startup';
import { graphSnapshot, seedTestConfig } from '../support/seed';
import { startTestServer } from '../support/server';

/**
 * Every broken fixture (test/fixtures/broken-seed/<case>/) fails with its own clear problem, naming the file and
 * line to change, and leaves the database exactly as it was.
 */

const FIXTURES = path.resolve(__dirname, '../fixtures/broken-seed');
const silent = createLogger({ logLevel: 'silent', logPretty: false });

/** Per case, the start of every problem line, after `test/fixtures/broken-seed/<case>/`. */
const EXPECTED: Record<string, string[]> = {
  'yaml-syntax': ['relations/00-base.yaml:5: YAML: ', 'relations/00-base.yaml:5: YAML: '],
  'unknown-kind': ['concepts/00-base.yaml:18: unknown kind "COMAND" for concept "docker-stop" — use COMMAND (the closest kind)'],
  'unknown-relation-type': ['relations/00-base.yaml:3: unknown relation type "RUN_ON" — use RUNS_ON (the closest relation type)'],
  'unknown-slug': ['relations/00-base.yaml:2: relation LEARN_AFTER points to unknown concept "proces" — did you mean "process"?'],
  'duplicate-slug': ['concepts/01-more.yaml:3: concept slug "container" is defined twice: here and at test/fixtures/broken-seed/duplicate-slug/concepts/00-base.yaml:10'],
  'missing-language': ['concepts/00-base.yaml:20: name.en is empty — write the English text', 'concepts/00-base.yaml:23: summary.ko is missing — add ko: the Korean text'],
  'not-kebab-case': ['concepts/00-base.yaml:10: concept slug "Linux_Container" is not kebab-case — use "linux-container"'],
  'self-loop': ['relations/00-base.yaml:3: relation USES goes from "container" to itself'],
  'duplicate-relation': [
    'relations/01-more.yaml:2: relation container LEARN_AFTER process is written twice: here and at test/fixtures/broken-seed/duplicate-relation/relations/00-base.yaml:2',
    'relations/01-more.yaml:3: relation process CONTRASTS_WITH container repeats container CONTRASTS_WITH process at test/fixtures/broken-seed/duplicate-relation/relations/00-base.yaml:3',
  ],
  'requires-cycle': ['relations/00-base.yaml:3: LEARN_AFTER forms a cycle: container → process → image → container'],
  'order-not-stage': ['concepts/00-base.yaml:2: concept "process" is a CONCEPT, but "order" is only for LIFECYCLE_STAGE concepts'],
  'missing-syntax': ['concepts/00-base.yaml:18: concept "docker-build" is a COMMAND but has no "syntax"'],
  'comparison-incomplete': [
    'comparisons.yaml:2: comparison "container-vs-vm" compares unknown concept "virtual-machin"',
    'comparisons.yaml:2: aspect 1 ("Kernel") of comparison "container-vs-vm" has no value for "virtual-machin"',
  ],
  // One concept with a missing language, a slug that is not kebab-case, an unknown kind and a source that is no
  // section of the note (the fixture's note/note-index.json): all four come in one run, with a bad relation source.
  'one-entry-many-problems': [
    'concepts/00-base.yaml:10: concept slug "Docker_Stop" is not kebab-case — use "docker-stop"',
    'concepts/00-base.yaml:10: unknown kind "COMAND" for concept "Docker_Stop" — use COMMAND (the closest kind)',
    'concepts/00-base.yaml:10: the source "Containr and Docker" of concept "Docker_Stop" is not a section of the note — use "Container and Docker" (the closest section',
    'concepts/00-base.yaml:12: name.en is missing — add en: the English text (both languages are required)',
    'relations/00-base.yaml:2: the source "Container and Docker > Lifecycle" of relation LEARN_AFTER Docker_Stop → process is not a section of the note — use "Container and Docker > Lifecycle of Docker Container"',
  ],
  'wrong-shape': [
    'concepts/00-base.yaml:2: a concept has no "summary"',
    'concepts/00-base.yaml:6: unknown field "summery" in a concept — did you mean "summary"?',
    'concepts/00-base.yaml:15: "tags" must be a list, got text',
  ],
};

let db: Database;

beforeAll(async () => {
  db = await connectDatabase(seedTestConfig(), silent);
});

afterAll(async () => {
  await db?.close();
});

describe('a broken seed', () => {
  it('has an expectation for every fixture folder', () => {
    expect(fs.readdirSync(FIXTURES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: fails with its own problems, naming file and line, and changes nothing', async (name, expected) => {
    const before = await graphSnapshot(db.gateway);
    const config = seedTestConfig({ SEED_DIR: path.join(FIXTURES, name) });
    const error = await seedOnStart(db.gateway, config, silent).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SeedValidationError);
    const problems = (error as SeedValidationError).problems.map(formatProblem);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((start, i) => expect(problems[i].startsWith(`test/fixtures/broken-seed/${name}/${start}`)).toBe(true));
    for (const problem of problems) expect(problem).toMatch(/^[^:]+\.yaml:\d+: .+ — .+/);
    expect((error as SeedValidationError).message).toContain(problems[0]);
    expect(await graphSnapshot(db.gateway)).toEqual(before);
  });

  it('stops the service from starting, with the problems in the error, and leaves the database alone', async () => {
    const before = await graphSnapshot(db.gateway);
    await expect(startTestServer({ SEED_DIR: path.join(FIXTURES, 'unknown-slug') })).rejects.toMatchObject({
      code: 'SEED_INVALID',
      message: expect.stringContaining('test/fixtures/broken-seed/unknown-slug/relations/00-base.yaml:2: relation LEARN_AFTER points to unknown concept "proces"'),
    });
    expect(await graphSnapshot(db.gateway)).toEqual(before);
  });
});
