import { REF_READ } from '../graph/graph.model';
import { Direction, RelationType } from '../graph/vocabulary';
import type { WalkLevel } from './walk.plan';
import { toRelatedTrees, walkOf } from './walk.repository';

const names: WalkLevel = { types: null, direction: Direction.BOTH, detailed: false, read: REF_READ };
const whole: WalkLevel = { types: [RelationType.USES], direction: Direction.OUTGOING, detailed: true, read: 'whole' };

describe('walkOf', () => {
  it('writes each relation as the list the decoder reads: type, forward, order, details, other, next', () => {
    expect(walkOf('c', [names])).toBe(
      `[(c)-[r0:IS_A|PART_OF|EXAMPLE_OF|ALTERNATIVE_TO|CONTRASTS_WITH|RUNS_ON|SHARES|BUILT_FROM|DEFINED_BY|CREATES|COMPOSED_OF|USES|ENABLES|UPDATES|SUPPORTS|TARGETS|LISTED_BY|STORED_IN|HAS_BENEFIT|HAS_CHARACTERISTIC|HAS_STAGE|NEXT_STAGE|HAS_COMMAND|HAS_FLAG|SENDS_SIGNAL|DEPENDS_ON|LEARN_AFTER|PAIRS_WELL_WITH|OVERLAPS_WITH|COVERS]-(o0) WHERE o0 <> c |
    [type(r0), startNode(r0) = c, r0 {.order}.order, null, head([o0m IN [o0 {.slug, .kind, .nameKo, .nameEn}] | [o0m.slug, o0m.kind, o0m.nameKo, o0m.nameEn]]), null]]`,
    );
  });

  it('nests the next level in the entry and reads details and whole concepts where the level asks', () => {
    const cypher = walkOf('c', [whole, names]);
    expect(cypher).toContain(
      "['USES', startNode(r0) = c, r0 {.order}.order, r0 {.descriptionKo, .descriptionEn, .source, .correction}, o0 { .slug,",
    );
    expect(cypher).toContain(
      '[type(r1), startNode(r1) = o0, r1 {.order}.order, null, head([o1m IN [o1 {.slug, .kind, .nameKo, .nameEn}] | [o1m.slug, o1m.kind, o1m.nameKo, o1m.nameEn]]), null]]]',
    );
  });

  it('reads of the other concept only the slug and the fields its level asks for', () => {
    expect(walkOf('c', [{ ...names, read: ['nameEn'] }])).toContain(
      '[type(r0), startNode(r0) = c, r0 {.order}.order, null, head([o0m IN [o0 {.slug, .nameEn}] | [o0m.slug, o0m.nameEn]]), null]]',
    );
    expect(
      walkOf('c', [
        { ...names, read: [] },
        { ...names, read: ['kind', 'nameKo'] },
      ]),
    ).toContain(
      '[type(r0), startNode(r0) = c, r0 {.order}.order, null, head([o0m IN [o0 {.slug}] | [o0m.slug]]), [(o0)-[r1:',
    );
    expect(
      walkOf('c', [
        { ...names, read: [] },
        { ...names, read: ['kind', 'nameKo'] },
      ]),
    ).toContain(
      '[type(r1), startNode(r1) = o0, r1 {.order}.order, null, head([o1m IN [o1 {.slug, .kind, .nameKo}] | [o1m.slug, o1m.kind, o1m.nameKo]]), null]]',
    );
  });

  it('refuses a walk of no level or of more levels than are read at once', () => {
    expect(() => walkOf('c', [])).toThrow(RangeError);
    expect(() => walkOf('c', [names, names, names])).toThrow(RangeError);
  });
});

describe('walkOf patterns', () => {
  const chosen = { ...names, types: [RelationType.USES, RelationType.CONTRASTS_WITH, RelationType.IS_A] };

  it('writes the chosen types in vocabulary order, outgoing, with symmetric ones read both ways', () => {
    const cypher = walkOf('c', [{ ...chosen, direction: Direction.OUTGOING }]);
    expect(cypher).toMatch(/^\[\(c\)-\[r0:IS_A\|USES\]->\(o0\) WHERE o0 <> c \|/);
    expect(cypher).toContain(' + [(c)-[r0:CONTRASTS_WITH]-(o0) WHERE o0 <> c |');
  });

  it('writes the type of a list with one type as text and asks the database only when a list has several', () => {
    const cypher = walkOf('c', [{ ...chosen, direction: Direction.OUTGOING }]);
    expect(cypher).toContain("WHERE o0 <> c |\n    ['CONTRASTS_WITH', startNode(r0) = c,");
    expect(cypher).toContain('WHERE o0 <> c |\n    [type(r0), startNode(r0) = c,');
  });

  it('reads incoming relations against the arrow and leaves symmetric ones out', () => {
    const cypher = walkOf('c', [{ ...chosen, direction: Direction.INCOMING }]);
    expect(cypher).toMatch(/^\[\(c\)<-\[r0:IS_A\|USES\]-\(o0\) WHERE o0 <> c \|/);
    expect(cypher).not.toContain('CONTRASTS_WITH');
  });

  it('writes an empty list, not an empty pattern, when no chosen type can be read that way', () => {
    expect(walkOf('c', [{ ...names, types: [RelationType.CONTRASTS_WITH], direction: Direction.INCOMING }])).toBe('[]');
    expect(walkOf('c', [{ ...names, types: [] }])).toBe('[]');
  });
});

describe('toRelatedTrees', () => {
  it('names the items of a relation seen from its subject, with the other concept as a ConceptRef', () => {
    const trees = toRelatedTrees(
      'docker-stop',
      [['SENDS_SIGNAL', true, 1, null, ['sigterm', 'SIGNAL', 'SIGTERM 시그널', 'SIGTERM'], null]],
      [names],
    );
    expect(trees).toEqual([
      {
        slug: 'docker-stop',
        direction: 'OUTGOING',
        relation: {
          type: 'SENDS_SIGNAL',
          from: 'docker-stop',
          to: 'sigterm',
          descriptionKo: null,
          descriptionEn: null,
          order: 1,
          source: '',
          correction: null,
        },
        other: { slug: 'sigterm', kind: 'SIGNAL', nameKo: 'SIGTERM 시그널', nameEn: 'SIGTERM' },
        next: null,
      },
    ]);
  });

  it('gives the other concept only the fields its level read, leaving out a lone name that is missing or empty', () => {
    const entry = (other: unknown[]) => ['SENDS_SIGNAL', true, 1, null, other, null];
    const others = (read: WalkLevel['read'], lists: unknown[][]) =>
      toRelatedTrees('docker-stop', lists.map(entry), [{ ...names, read }]).map((tree) => tree.other);
    expect(
      others(
        ['nameEn'],
        [
          ['sigterm', 'SIGTERM'],
          ['sigkill', null],
          ['sighup', ''],
        ],
      ),
    ).toEqual([{ slug: 'sigterm', nameEn: 'SIGTERM' }, { slug: 'sigkill' }, { slug: 'sighup' }]);
    expect(others(['kind', 'nameKo', 'nameEn'], [['sigkill', 'SIGNAL', null, 'SIGKILL']])).toEqual([
      { slug: 'sigkill', kind: 'SIGNAL', nameKo: 'SIGKILL', nameEn: 'SIGKILL' },
    ]);
    expect(others([], [['sigterm']])).toEqual([{ slug: 'sigterm' }]);
  });

  it('reads a relation seen from its object as INCOMING, except a symmetric one, which reads the same both ways', () => {
    const ref = ['docker', 'PRODUCT', '도커', 'Docker'];
    const [incoming, symmetric] = toRelatedTrees(
      'container',
      [
        ['USES', false, null, null, ref, null],
        ['CONTRASTS_WITH', false, null, null, ref, null],
      ],
      [names],
    );
    expect(incoming.direction).toBe('INCOMING');
    expect(incoming.relation).toMatchObject({ from: 'docker', to: 'container' });
    expect(symmetric.direction).toBe('OUTGOING');
    expect(symmetric.relation).toMatchObject({ from: 'docker', to: 'container' });
  });

  it('reads details and whole records where the level asked for them, and the next level by its own plan', () => {
    const image = { slug: 'image', kind: 'COMPONENT', nameKo: '이미지', nameEn: 'Image', summaryEn: 'A template.' };
    const details = { descriptionKo: '설명', descriptionEn: 'Why', source: '2.1', correction: null };
    const [tree] = toRelatedTrees(
      'docker-run',
      [
        [
          'USES',
          true,
          null,
          details,
          image,
          [['BUILT_FROM', true, null, null, ['layer', 'COMPONENT', '레이어', 'Layer'], null]],
        ],
      ],
      [whole, names],
    );
    expect(tree.relation).toEqual({
      type: 'USES',
      from: 'docker-run',
      to: 'image',
      descriptionKo: '설명',
      descriptionEn: 'Why',
      order: null,
      source: '2.1',
      correction: null,
    });
    expect(tree.other).toMatchObject({
      slug: 'image',
      summaryEn: 'A template.',
      summaryKo: 'A template.',
      aliasesEn: [],
      tags: [],
    });
    expect(tree.next).toEqual([
      {
        slug: 'image',
        direction: 'OUTGOING',
        relation: {
          type: 'BUILT_FROM',
          from: 'image',
          to: 'layer',
          descriptionKo: null,
          descriptionEn: null,
          order: null,
          source: '',
          correction: null,
        },
        other: { slug: 'layer', kind: 'COMPONENT', nameKo: '레이어', nameEn: 'Layer' },
        next: null,
      },
    ]);
  });
});
