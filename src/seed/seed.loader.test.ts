import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { loadSeed, readSeed } from './seed.loader';
import { formatProblem, SeedValidationError } from './seed.problem';
import { seedHash, toRows } from './seed.rows';

/** A throw-away seed folder: { 'concepts/a.yaml': '...' }. */
function seedDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-seed-unit-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const CONCEPTS = `# comment
concepts:
  - slug: process
    kind: CONCEPT
    name: { ko: 프로세스, en: Process }
    aliases: { ko: [], en: [running program] }
    summary:
      ko: 실행 중인 프로그램이다.
      en: A running program.
    tags: [basics]
    source: "Container and Docker"

  - slug: docker-stop
    kind: COMMAND
    name: { ko: docker stop 명령, en: docker stop }
    aliases: { ko: [도커 스톱], en: [] }
    summary: { ko: 멈춘다., en: Stops. }
    details: { ko: 자세히., en: In detail. }
    tags: [cli]
    source: "Container and Docker"
    syntax: "docker stop CONTAINER"
`;

const RELATIONS = `relations:
  - { type: LEARN_AFTER, from: docker-stop, to: process, order: 2, source: "Container and Docker" }
  - type: USES
    from: docker-stop
    to: process
    description: { ko: 쓴다, en: uses it }
    source: "Container and Docker"
`;

describe('readSeed', () => {
  it('reads concepts, relations and comparisons with the file and line of each item', () => {
    const dir = seedDir({ 'concepts/00-a.yaml': CONCEPTS, 'relations/00-a.yaml': RELATIONS });
    const content = loadSeed(dir);
    const base = path.basename(dir);
    expect(content.concepts.map((c) => [c.slug, c.at])).toEqual([
      ['process', { file: `${base}/concepts/00-a.yaml`, line: 3 }],
      ['docker-stop', { file: `${base}/concepts/00-a.yaml`, line: 13 }],
    ]);
    expect(content.concepts[1]).toMatchObject({ syntax: 'docker stop CONTAINER', details: { ko: '자세히.', en: 'In detail.' }, aliases: { ko: ['도커 스톱'], en: [] } });
    expect(content.concepts[0]).not.toHaveProperty('details');
    expect(content.relations.map((r) => [r.type, r.order, r.description, r.at.line])).toEqual([
      ['LEARN_AFTER', 2, undefined, 2],
      ['USES', undefined, { ko: '쓴다', en: 'uses it' }, 3],
    ]);
    expect(content.comparisons).toEqual([]);
  });

  it('names files relative to the repository root when the folder is inside it', () => {
    const reading = readSeed(path.resolve(__dirname, '../../test/fixtures/broken-seed/unknown-kind'));
    expect(reading.files[0]).toBe('test/fixtures/broken-seed/unknown-kind/concepts/00-base.yaml');
  });

  it('collects every syntax and shape problem instead of stopping at the first', () => {
    const dir = seedDir({
      'concepts/00-a.yaml': CONCEPTS.replace('tags: [basics]', 'tags: basics').replace('kind: COMMAND', 'kind: COMMAND\n    colour: red').replace('en: Stops.', 'en: ""'),
      'concepts/01-b.yaml': 'concepts:\n  - slug: x\n    name: [a\n',
      'relations/00-a.yaml': RELATIONS.replace('order: 2', 'order: 0').replace('    source: "Container and Docker"\n', ''),
      'comparisons.yaml': 'relations: []\n',
    });
    const base = path.basename(dir);
    const reading = readSeed(dir);
    expect(reading.problems.map(formatProblem)).toEqual([
      `${base}/concepts/00-a.yaml:10: "tags" must be a list, got text — write tags: [first, second] (or [] for none)`,
      `${base}/concepts/00-a.yaml:15: unknown field "colour" in a concept — remove it (fields: slug, kind, name, aliases, summary, tags, source, details, syntax, order, phrase, plural, correction)`,
      `${base}/concepts/00-a.yaml:18: summary.en is empty — write the English text`,
      expect.stringMatching(new RegExp(`^${base}/concepts/01-b\\.yaml:\\d+: YAML: .+ — fix the YAML there`)),
      `${base}/relations/00-a.yaml:2: "order" must be a whole number from 1, got the number 0 — write order: 1 (or 2, 3, …)`,
      `${base}/relations/00-a.yaml:3: a relation has no "source" — add source: …`,
      `${base}/comparisons.yaml:1: unexpected top-level key "relations" — a file in this place holds only "comparisons:"; move these entries to the right file`,
      `${base}/comparisons.yaml:1: the file has no "comparisons:" list — start the file with "comparisons:" followed by a list of entries`,
    ]);
    // Broken entries are kept as drafts of what could be read, so their other fields are still judged.
    expect(reading.content.concepts).toEqual([]);
    expect(reading.drafts.concepts.map((c) => [c.slug, c.kind, c.tags, c.at.line])).toEqual([
      ['process', 'CONCEPT', undefined, 3],
      ['docker-stop', 'COMMAND', ['cli'], 13],
    ]);
    expect(reading.drafts.relations.map((r) => [r.type, r.from, r.to, r.order, r.source])).toEqual([
      ['LEARN_AFTER', 'docker-stop', 'process', undefined, 'Container and Docker'],
      ['USES', 'docker-stop', 'process', undefined, undefined],
    ]);
  });

  it('reads learner words keyed by concept slug, and reports entries it cannot read with their line', () => {
    const words = 'words:\n  docker-stop: { ko: [중지, 멈추기], en: [halt] }\n  process: [running]\n  docker-kill: { ko: [강제 종료] }\n';
    const dir = seedDir({ 'concepts/00-a.yaml': CONCEPTS, 'learner-words.yaml': words });
    const base = path.basename(dir);
    const reading = readSeed(dir);
    expect(reading.content.learnerWords).toEqual([{ slug: 'docker-stop', words: { ko: ['중지', '멈추기'], en: ['halt'] }, at: { file: `${base}/learner-words.yaml`, line: 2 } }]);
    expect(reading.problems.map(formatProblem)).toEqual([
      `${base}/learner-words.yaml:3: "process" must be a mapping of fields, got a list — write it as { ko: …, en: … }`,
      `${base}/learner-words.yaml:4: "docker-kill" has no "en" — add en: …`,
    ]);
    const notMapping = readSeed(seedDir({ 'concepts/00-a.yaml': CONCEPTS, 'learner-words.yaml': 'words:\n  - docker-stop\n' }));
    expect(notMapping.problems.map(formatProblem)).toEqual([
      expect.stringContaining('learner-words.yaml:2: "words" must be a mapping from concept slug to { ko: [...], en: [...] }'),
    ]);
  });

  it('throws a SeedValidationError from loadSeed when a file is malformed, and when the folder is missing', () => {
    const dir = seedDir({ 'concepts/00-a.yaml': 'concepts:\n  - slug: x\n' });
    expect(() => loadSeed(dir)).toThrow(SeedValidationError);
    expect(() => loadSeed(path.join(dir, 'nope'))).toThrow(/the seed folder does not exist/);
  });

  it('hashes what the graph would hold: comments, file layout and item order do not change the hash', () => {
    const one = loadSeed(seedDir({ 'concepts/00-a.yaml': CONCEPTS, 'relations/00-a.yaml': RELATIONS }));
    const [process, stop] = CONCEPTS.replace('# comment\nconcepts:\n', '').split('\n\n');
    const two = loadSeed(seedDir({ 'concepts/00-b.yaml': `concepts:\n${stop}`, 'concepts/01-c.yaml': `concepts:\n${process}\n`, 'relations/05-x.yaml': RELATIONS }));
    expect(two.concepts.map((c) => c.slug)).toEqual(['docker-stop', 'process']);
    expect(seedHash(toRows(two))).toBe(seedHash(toRows(one)));
    const changed = loadSeed(seedDir({ 'concepts/00-a.yaml': CONCEPTS.replace('A running program.', 'A program that runs.'), 'relations/00-a.yaml': RELATIONS }));
    expect(seedHash(toRows(changed))).not.toBe(seedHash(toRows(one)));
  });

  it('reads a correction on a concept and on a relation, and stores it as one JSON text', () => {
    const correction = `
    correction:
      noteSays: { ko: 노트의 주장., en: "The note's claim." }
      truth: { ko: 실제 동작., en: What really happens. }
      reference: "https://docs.docker.com/reference/cli/docker/container/stop/"`;
    const dir = seedDir({
      'concepts/00-a.yaml': CONCEPTS.replace('    syntax: "docker stop CONTAINER"', `    syntax: "docker stop CONTAINER"${correction}`),
      'relations/00-a.yaml': `${RELATIONS}${correction}
`,
    });
    const content = loadSeed(dir);
    const expected = { noteSays: { ko: '노트의 주장.', en: "The note's claim." }, truth: { ko: '실제 동작.', en: 'What really happens.' }, reference: 'https://docs.docker.com/reference/cli/docker/container/stop/' };
    expect(content.concepts[1].correction).toEqual(expected);
    expect(content.concepts[0]).not.toHaveProperty('correction');
    expect(content.relations[1].correction).toEqual(expected);
    const rows = toRows(content);
    expect(JSON.parse(rows.concepts.find((c) => c.slug === 'docker-stop')!.correction!)).toEqual(expected);
    expect(rows.concepts.find((c) => c.slug === 'process')!.correction).toBeNull();
  });

  it('refuses a correction without the truth or with a reference that is not an https address', () => {
    const dir = seedDir({
      'concepts/00-a.yaml': CONCEPTS.replace(
        '    syntax: "docker stop CONTAINER"',
        '    syntax: "docker stop CONTAINER"\n    correction:\n      noteSays: { ko: 주장., en: A claim. }\n      reference: "docs.docker.com/stop"',
      ),
      'relations/00-a.yaml': RELATIONS,
    });
    const base = path.basename(dir);
    expect(readSeed(dir).problems.map(formatProblem)).toEqual([
      `${base}/concepts/00-a.yaml:23: "correction" has no "truth" — add truth: …`,
      `${base}/concepts/00-a.yaml:24: correction.reference must be an https:// address, got "docs.docker.com/stop" — link the page of the documentation that states what is true`,
    ]);
  });
});
