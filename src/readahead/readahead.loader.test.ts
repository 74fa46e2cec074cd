import { conceptRecord, relationRecord } from '../../test/support/records';
import { REF_READ } from '../graph/graph.model';
import { ConceptKind, Direction, RelationType } from '../graph/vocabulary';
import type { CypherRunner, Params, Row } from '../neo4j/gateway';
import { compareRelated, createReadAhead } from './readahead.loader';
import type { WalkLevel } from './walk.plan';
import { WalkRepository } from './walk.repository';

/**
 * The loader's batching and priming, over a runner that answers like Neo4j would for a fixed tiny graph
 * (docker-stop SENDS_SIGNAL sigterm, sigkill; sigterm has no relations). It records each statement, so the number
 * of round trips is what the test counts; the Cypher itself is checked against the real database elsewhere.
 */
class ScriptedRunner implements CypherRunner {
  readonly statements: Params[] = [];

  async read(cypher: string, params: Params = {}): Promise<Row[]> {
    this.statements.push(params);
    const slugs = params.slugs as string[];
    const signals: Record<string, unknown[][]> = {
      'docker-stop': [
        [
          'SENDS_SIGNAL',
          true,
          null,
          null,
          ['sigterm', 'SIGNAL', 'SIGTERM', 'SIGTERM'],
          cypher.includes('r1') ? [] : null,
        ],
        [
          'SENDS_SIGNAL',
          true,
          null,
          null,
          ['sigkill', 'SIGNAL', 'SIGKILL', 'SIGKILL'],
          cypher.includes('r1') ? [] : null,
        ],
      ],
    };
    if (cypher.includes('AS concept'))
      return slugs
        .filter((slug) => slug in signals)
        .map((slug) => ({ concept: conceptRecord(slug), related: signals[slug] }));
    if (cypher.includes('AS related')) return slugs.map((slug) => ({ slug, related: signals[slug] ?? [] }));
    return slugs.map((slug) => ({ c: conceptRecord(slug) }));
  }

  async write(): Promise<Row[]> {
    throw new Error('the read-ahead only reads');
  }
}

const signals: WalkLevel = {
  types: [RelationType.SENDS_SIGNAL],
  direction: Direction.OUTGOING,
  detailed: false,
  read: REF_READ,
};
const everything: WalkLevel = { types: null, direction: Direction.BOTH, detailed: false, read: REF_READ };

function setUp() {
  const runner = new ScriptedRunner();
  const readAhead = createReadAhead(
    { bySlugs: async (slugs) => slugs.map((slug) => conceptRecord(slug)) },
    new WalkRepository(runner),
  );
  return { runner, readAhead };
}

describe('createReadAhead', () => {
  it('reads the relations of several concepts asking the same choice in one round trip, one per distinct choice', async () => {
    const { runner, readAhead } = setUp();
    const [stop, term, all] = await Promise.all([
      readAhead.related('docker-stop', signals),
      readAhead.related('sigterm', signals),
      readAhead.related('docker-stop', everything),
    ]);
    expect(runner.statements.map((params) => params.slugs)).toEqual([['docker-stop', 'sigterm'], ['docker-stop']]);
    expect(stop.map((r) => r.other.slug)).toEqual(['sigkill', 'sigterm']);
    expect(term).toEqual([]);
    expect(all).toHaveLength(2);
  });

  it('answers every level of a walk it read with the concept, without another round trip', async () => {
    const { runner, readAhead } = setUp();
    const concept = await readAhead.conceptWithWalk('docker-stop', { read: 'whole', walk: [signals, everything] });
    expect(concept?.slug).toBe('docker-stop');
    const [first, second, byItself] = await Promise.all([
      readAhead.related('docker-stop', signals),
      readAhead.related('sigterm', everything),
      readAhead.concept('docker-stop'),
    ]);
    expect(first.map((r) => r.other.slug)).toEqual(['sigkill', 'sigterm']);
    expect(second).toEqual([]);
    expect(byItself?.slug).toBe('docker-stop');
    expect(runner.statements).toHaveLength(1);
  });

  it('reads the walked concept in part when the plan says so, and reads it whole by itself only when asked', async () => {
    let reads = 0;
    const runner = new ScriptedRunner();
    const readAhead = createReadAhead(
      {
        bySlugs: async (slugs) => {
          reads += 1;
          return slugs.map((slug) => conceptRecord(slug));
        },
      },
      new WalkRepository(runner),
    );
    const part = await readAhead.conceptWithWalk('docker-stop', { read: ['nameEn'], walk: [signals] });
    expect(part).toEqual({ slug: 'docker-stop', nameEn: 'docker-stop' });
    expect(reads).toBe(0);
    expect((await readAhead.concept('docker-stop'))?.summaryEn).toBe('');
    expect(reads).toBe(1);
    expect(runner.statements).toHaveLength(1);
  });

  it('has a walked level at hand at once, and nothing it has not read ahead', async () => {
    const { readAhead } = setUp();
    expect(readAhead.relatedAtHand('docker-stop', signals)).toBeUndefined();
    await readAhead.conceptWithWalk('docker-stop', { read: 'whole', walk: [signals, everything] });
    expect(readAhead.relatedAtHand('docker-stop', signals)?.map((r) => r.other.slug)).toEqual(['sigkill', 'sigterm']);
    expect(readAhead.relatedAtHand('sigterm', everything)).toEqual([]);
    // Another choice, and a concept the walk did not reach, are not at hand: they need a read.
    expect(readAhead.relatedAtHand('docker-stop', everything)).toBeUndefined();
    expect(readAhead.relatedAtHand('sigkill', signals)).toBeUndefined();
  });

  it('does not count a read of its own as read ahead', async () => {
    const { readAhead } = setUp();
    await readAhead.related('docker-stop', signals);
    expect(readAhead.relatedAtHand('docker-stop', signals)).toBeUndefined();
  });

  it('finds a level read ahead under the same choice even when the walk read its concepts whole', async () => {
    const { runner, readAhead } = setUp();
    await readAhead.conceptWithWalk('docker-stop', { read: 'whole', walk: [{ ...signals, read: 'whole' }] });
    expect(runner.statements).toHaveLength(1);
    await readAhead.related('docker-stop', {
      types: [RelationType.SENDS_SIGNAL],
      direction: Direction.OUTGOING,
      detailed: false,
    });
    expect(runner.statements).toHaveLength(1);
    await readAhead.related('docker-stop', {
      types: [RelationType.SENDS_SIGNAL],
      direction: Direction.OUTGOING,
      detailed: true,
    });
    expect(runner.statements).toHaveLength(2);
  });

  it('completes a ConceptRef by slug, once per request, and not a record another query remembered', async () => {
    let reads = 0;
    const bySlugs = async (slugs: readonly string[]) => {
      reads += 1;
      return slugs.map((slug) => conceptRecord(slug));
    };
    const readAhead = createReadAhead({ bySlugs }, new WalkRepository(new ScriptedRunner()));
    readAhead.remember([
      conceptRecord('image'),
      { slug: 'layer', kind: ConceptKind.COMPONENT, nameKo: '레이어', nameEn: 'Layer' },
    ]);
    expect(
      (await readAhead.whole({ slug: 'image', kind: ConceptKind.COMPONENT, nameKo: 'image', nameEn: 'image' }))?.slug,
    ).toBe('image');
    expect(reads).toBe(0);
    const [a, b] = await Promise.all([
      readAhead.whole({ slug: 'layer', kind: ConceptKind.COMPONENT, nameKo: '레이어', nameEn: 'Layer' }),
      readAhead.concept('layer'),
    ]);
    expect(a?.summaryEn).toBe('');
    expect(b).toBe(a);
    expect(reads).toBe(1);
  });
});

describe('compareRelated', () => {
  const record = (type: RelationType, order: number | null, other: string, direction: Direction) => ({
    slug: 'docker',
    relation: relationRecord(type, 'docker', other, { order }),
    direction: direction as Direction.INCOMING | Direction.OUTGOING,
    other: { slug: other },
  });

  it('orders by type, then order with unordered last, then the other slug, then INCOMING before OUTGOING', () => {
    const inOrder = [
      record(RelationType.HAS_STAGE, 1, 'zeta', Direction.OUTGOING),
      record(RelationType.HAS_STAGE, 2, 'alpha', Direction.OUTGOING),
      record(RelationType.HAS_STAGE, null, 'alpha', Direction.INCOMING),
      record(RelationType.HAS_STAGE, null, 'alpha', Direction.OUTGOING),
      record(RelationType.HAS_STAGE, null, 'beta', Direction.INCOMING),
      record(RelationType.USES, 1, 'alpha', Direction.OUTGOING),
      record(RelationType.USES, null, 'alpha', Direction.OUTGOING),
    ];
    const names = (records: typeof inOrder) =>
      records.map((r) => `${r.relation.type} ${r.relation.order} ${r.other.slug} ${r.direction}`);
    const expected = [
      'HAS_STAGE 1 zeta OUTGOING',
      'HAS_STAGE 2 alpha OUTGOING',
      'HAS_STAGE null alpha INCOMING',
      'HAS_STAGE null alpha OUTGOING',
      'HAS_STAGE null beta INCOMING',
      'USES 1 alpha OUTGOING',
      'USES null alpha OUTGOING',
    ];
    for (const shuffled of [[...inOrder].reverse(), [3, 6, 0, 5, 1, 4, 2].map((i) => inOrder[i])])
      expect(names(shuffled.sort(compareRelated))).toEqual(expected);
    expect(compareRelated(inOrder[2], record(RelationType.HAS_STAGE, null, 'alpha', Direction.INCOMING))).toBe(0);
  });
});
