import { ConceptKind, RelationType } from '../graph/vocabulary';
import { closest, formatProblem } from './seed.problem';
import type { SeedComparison, SeedConcept, SeedContent, SeedRelation } from './seed.types';
import { validateSeed } from './seed.validate';

let line = 0;
const at = () => ({ file: 'seed/x.yaml', line: (line += 1) });

function concept(slug: string, extra: Partial<SeedConcept> = {}): SeedConcept {
  return {
    slug,
    kind: ConceptKind.CONCEPT,
    name: { ko: `${slug} 이름`, en: `${slug} name` },
    aliases: { ko: [], en: [] },
    summary: { ko: '요약이다.', en: 'A summary.' },
    tags: [],
    source: 'Container and Docker',
    at: at(),
    ...extra,
  };
}

function relation(type: string, from: string, to: string): SeedRelation {
  return { type: type as RelationType, from, to, source: 'Container and Docker', at: at() };
}

function comparison(slug: string, concepts: string[], values: string[]): SeedComparison {
  return {
    slug,
    title: { ko: '비교', en: 'Comparison' },
    concepts,
    source: 'Container and Docker',
    aspects: [{ aspect: { ko: '측면', en: 'Aspect' }, values: Object.fromEntries(values.map((s) => [s, { ko: '값', en: 'value' }])) }],
    at: at(),
  };
}

const BASE = ['process', 'kernel', 'container', 'image'];

function problems(more: Partial<SeedContent>): string[] {
  const content: SeedContent = {
    concepts: [...BASE.map((s) => concept(s)), ...(more.concepts ?? [])],
    relations: more.relations ?? [],
    comparisons: more.comparisons ?? [],
    learnerWords: more.learnerWords ?? [],
  };
  return validateSeed(content).map(formatProblem);
}

describe('learner words', () => {
  const words = (slug: string, ko: string[], en: string[]) => ({ slug, words: { ko, en }, at: at() });

  it('accepts words for known concepts in both languages', () => {
    expect(problems({ learnerWords: [words('container', ['콘테이너'], ['box'])] })).toEqual([]);
  });

  it('names an unknown concept with the closest slug', () => {
    expect(problems({ learnerWords: [words('containr', ['콘테이너'], ['box'])] })).toEqual([expect.stringMatching(/^seed\/x\.yaml:\d+: learner words for unknown concept "containr" — did you mean "container"\?/)]);
  });

  it('asks for a word in each language', () => {
    expect(problems({ learnerWords: [words('image', [], ['picture'])] })).toEqual([
      expect.stringMatching(/learner words of "image" have no Korean word — add at least one Korean word to ko: \[\.\.\.\]/),
    ]);
  });

  it('rejects a word twice, a word of two concepts, a word that repeats the name, and a word without letters', () => {
    const found = problems({
      learnerWords: [words('image', ['그림', '그 림'], ['image name', 'snapshot']), words('container', ['상자'], ['snapshot', '?!'])],
    });
    expect(found).toEqual([
      expect.stringContaining('learner word "그 림" is listed twice for "image" — keep one of them'),
      expect.stringContaining('learner word "image name" of "image" repeats its name or an alias — remove it'),
      expect.stringMatching(/learner word "snapshot" is given to "container" and, at seed\/x\.yaml:\d+, to "image" — keep it for the one concept/),
      expect.stringContaining('learner word "?!" of "container" has no letters or digits'),
    ]);
  });
});

describe('validateSeed', () => {
  it('accepts a sound seed', () => {
    expect(problems({ relations: [relation('LEARN_AFTER', 'container', 'process')], comparisons: [comparison('a-vs-b', ['container', 'image'], ['container', 'image'])] })).toEqual([]);
  });

  it('names an unknown kind and suggests the closest one', () => {
    const [problem] = problems({ concepts: [concept('docker-stop', { kind: 'COMAND' as ConceptKind, syntax: 'docker stop' })] });
    expect(problem).toMatch(/^seed\/x\.yaml:\d+: unknown kind "COMAND" for concept "docker-stop" — use COMMAND \(the closest kind\)/);
  });

  it('names an unknown relation type and suggests the closest one', () => {
    expect(problems({ relations: [relation('RUN_ON', 'container', 'kernel')] })).toEqual([expect.stringContaining('unknown relation type "RUN_ON" — use RUNS_ON')]);
  });

  it('reports relations to unknown slugs with the closest slug', () => {
    const found = problems({ relations: [relation('USES', 'containr', 'kernel'), relation('USES', 'container', 'zzzzzzzz')] });
    expect(found).toEqual([
      expect.stringContaining('starts at unknown concept "containr" — did you mean "container"?'),
      expect.stringMatching(/points to unknown concept "zzzzzzzz" — add a concept with that slug, or use an existing one \(the closest is "[a-z-]+"\)$/),
    ]);
  });

  it('does not report a slug as unknown when its concept exists but failed to read', () => {
    const broken = { slug: 'broken', at: at(), written: new Set(['slug', 'name']) };
    expect(validateSeed({ concepts: [...BASE.map((s) => concept(s)), broken], relations: [relation('USES', 'broken', 'kernel')], comparisons: [] })).toEqual([]);
  });

  it('judges every readable field of an entry whose other fields are broken, in the same run', () => {
    const draft = { slug: 'Docker_Stop', kind: 'COMAND' as ConceptKind, source: 'Containr and Docker', at: { file: 'seed/x.yaml', line: 90 }, written: new Set(['slug', 'kind', 'name', 'source']) };
    const found = validateSeed({ concepts: [...BASE.map((s) => concept(s)), draft], relations: [], comparisons: [] }, { sections: ['Container and Docker', 'Container and Docker > OS Container'] });
    expect(found.map(formatProblem)).toEqual([
      'seed/x.yaml:90: concept slug "Docker_Stop" is not kebab-case — use "docker-stop" (lowercase a-z, 0-9 and single hyphens)',
      'seed/x.yaml:90: unknown kind "COMAND" for concept "Docker_Stop" — use COMMAND (the closest kind); valid kinds: ' + Object.values(ConceptKind).join(', '),
      'seed/x.yaml:90: the source "Containr and Docker" of concept "Docker_Stop" is not a section of the note — use "Container and Docker" (the closest section; every section is listed in note/note-index.json of the seed folder)',
    ]);
  });

  it('checks the source of every concept, relation and comparison against the note\'s sections, suggesting the nearest', () => {
    const sections = ['Container and Docker', 'Container and Docker > Benefits of Docker', 'Lifecycle of Docker Container > 2. Run'];
    const content: SeedContent = {
      concepts: [...BASE.map((s) => concept(s)), concept('docker', { source: 'Container and Docker > Benefit of Docker' })],
      relations: [{ ...relation('LEARN_AFTER', 'container', 'process'), source: 'Lifecycle of Docker Container > Run' }],
      comparisons: [{ ...comparison('a-vs-b', ['container', 'image'], ['container', 'image']), source: 'Container & Docker' }],
      learnerWords: [],
    };
    expect(validateSeed(content, { sections }).map((p) => `${p.message} — ${p.fix.split(' (')[0]}`)).toEqual([
      'the source "Container and Docker > Benefit of Docker" of concept "docker" is not a section of the note — use "Container and Docker > Benefits of Docker"',
      'the source "Lifecycle of Docker Container > Run" of relation LEARN_AFTER container → process is not a section of the note — use "Lifecycle of Docker Container > 2. Run"',
      'the source "Container & Docker" of comparison "a-vs-b" is not a section of the note — use "Container and Docker"',
    ]);
    expect(validateSeed(content)).toEqual([]);
  });

  it('names both places of a duplicate slug', () => {
    const first = concept('docker');
    const second = concept('docker');
    const [problem] = problems({ concepts: [first, second] });
    expect(problem).toBe(`seed/x.yaml:${second.at.line}: concept slug "docker" is defined twice: here and at seed/x.yaml:${first.at.line} — give one of them another slug, or merge them into one`);
  });

  it('requires kebab-case slugs and tags, and keeps the synthetic prefix out', () => {
    const found = problems({ concepts: [concept('Docker_Stop'), concept('docker--x'), concept('synthetic-000001'), concept('ok', { tags: ['Good Tag'] })] });
    expect(found).toEqual([
      expect.stringContaining('concept slug "Docker_Stop" is not kebab-case — use "docker-stop"'),
      expect.stringContaining('concept slug "docker--x" is not kebab-case — use "docker-x"'),
      expect.stringContaining('"synthetic-000001" starts with "synthetic-", which is reserved'),
      expect.stringContaining('tag "Good Tag" of concept "ok" is not lowercase kebab-case — use "good-tag"'),
    ]);
  });

  it('rejects self-loops', () => {
    expect(problems({ relations: [relation('USES', 'container', 'container')] })).toEqual([expect.stringContaining('relation USES goes from "container" to itself')]);
  });

  it('rejects a duplicate relation and a symmetric relation written both ways, naming the first', () => {
    const first = relation('USES', 'container', 'kernel');
    const symmetric = relation('CONTRASTS_WITH', 'container', 'image');
    const found = problems({ relations: [first, relation('USES', 'container', 'kernel'), symmetric, relation('CONTRASTS_WITH', 'image', 'container'), relation('USES', 'kernel', 'container')] });
    expect(found).toEqual([
      expect.stringContaining(`relation container USES kernel is written twice: here and at seed/x.yaml:${first.at.line}`),
      expect.stringContaining(`repeats container CONTRASTS_WITH image at seed/x.yaml:${symmetric.at.line}; CONTRASTS_WITH reads the same both ways`),
    ]);
  });

  it('prints every cycle of NEXT_STAGE and LEARN_AFTER, once, with the relations that form it', () => {
    const found = problems({
      relations: [
        relation('LEARN_AFTER', 'container', 'process'),
        relation('LEARN_AFTER', 'process', 'kernel'),
        relation('LEARN_AFTER', 'kernel', 'container'),
        relation('NEXT_STAGE', 'image', 'kernel'),
        relation('NEXT_STAGE', 'kernel', 'image'),
        // Cycles of other types are fine.
        relation('USES', 'image', 'process'),
        relation('USES', 'process', 'image'),
      ],
    });
    expect(found).toHaveLength(2);
    expect(found.find((p) => p.includes('LEARN_AFTER'))).toMatch(/LEARN_AFTER forms a cycle: container → process → kernel → container — LEARN_AFTER must never loop; remove or reverse one of: container → process at seed\/x\.yaml:\d+; process → kernel at/);
    expect(found.find((p) => p.includes('NEXT_STAGE'))).toMatch(/NEXT_STAGE forms a cycle: (image → kernel → image|kernel → image → kernel)/);
  });

  it('keeps order to lifecycle stages (where it is required) and syntax to commands and flags (where it is required)', () => {
    const found = problems({
      concepts: [
        concept('build-stage', { kind: ConceptKind.LIFECYCLE_STAGE, order: 1 }),
        concept('run-stage', { kind: ConceptKind.LIFECYCLE_STAGE }),
        concept('docker', { kind: ConceptKind.PRODUCT, order: 2 }),
        concept('docker-build', { kind: ConceptKind.COMMAND }),
        concept('tag-flag', { kind: ConceptKind.FLAG, syntax: '-t' }),
        concept('layer', { kind: ConceptKind.COMPONENT, syntax: 'x' }),
      ],
    });
    expect(found).toEqual([
      expect.stringContaining('lifecycle stage "run-stage" has no "order"'),
      expect.stringContaining('concept "docker" is a PRODUCT, but "order" is only for LIFECYCLE_STAGE concepts'),
      expect.stringContaining('concept "docker-build" is a COMMAND but has no "syntax"'),
      expect.stringContaining('concept "layer" is a COMPONENT, but "syntax" is only for COMMAND and FLAG concepts'),
    ]);
  });

  it('checks comparisons: known slugs, a value for every compared concept, none for others', () => {
    const found = problems({
      comparisons: [
        comparison('container-vs-vm', ['container', 'virtual-machin'], ['container']),
        comparison('one', ['image'], ['image', 'containr']),
        comparison('one', ['image', 'kernel'], ['image', 'kernel']),
      ],
    });
    expect(found).toEqual([
      expect.stringContaining('comparison "container-vs-vm" compares unknown concept "virtual-machin"'),
      expect.stringContaining('aspect 1 ("Aspect") of comparison "container-vs-vm" has no value for "virtual-machin" — add values: virtual-machin'),
      expect.stringContaining('comparison "one" compares 1 concept(s)'),
      expect.stringContaining('has a value for "containr", which is not compared'),
      expect.stringContaining('comparison slug "one" is defined twice'),
    ]);
  });

  it('reports every problem of a seed at once', () => {
    const found = problems({
      concepts: [concept('Bad_Slug'), concept('x', { kind: 'NOPE' as ConceptKind })],
      relations: [relation('USES', 'container', 'nowhere'), relation('USES', 'kernel', 'kernel')],
    });
    expect(found).toHaveLength(4);
  });
});

describe('closest', () => {
  it('finds the nearest name regardless of case', () => {
    expect(closest('comand', Object.values(ConceptKind))).toBe('COMMAND');
    expect(closest('has_stages', Object.values(RelationType))).toBe('HAS_STAGE');
  });

  it('refuses a name or alias shared by two concepts, in any language and any case', () => {
    const found = problems({
      concepts: [
        concept('security', { aliases: { ko: ['보안 기능'], en: ['protection'] } }),
        concept('improved-security', { aliases: { ko: [], en: ['Protection', 'better security'] } }),
        concept('speed', { name: { ko: '속도', en: 'Speed' }, aliases: { ko: [], en: [] } }),
        concept('fast-boot-time', { aliases: { ko: ['속도'], en: [] } }),
      ],
    });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/"protection" is a name or alias of both "security" \(seed\/x\.yaml:\d+\) and "improved-security" — keep it on the concept it names best/);
    expect(found[1]).toMatch(/"속도" is a name or alias of both "speed" .* and "fast-boot-time"/);
  });

  it('lets one concept repeat a term across its own name and aliases', () => {
    expect(problems({ concepts: [concept('docker', { name: { ko: 'Docker', en: 'Docker' }, aliases: { ko: ['docker'], en: [] } })] })).toEqual([]);
  });
});
