import { conceptRecord, relationRecord } from '../../test/support/records';
import type { RelationRecord } from '../graph/graph.model';
import { Direction, RelationType } from '../graph/vocabulary';
import { buildComparison } from './compare.model';
import type { ComparedRelation, CompareData } from './compare.repository';

/** `slug`'s view of a relation: OUTGOING when it is the subject. */
function seen(slug: string, relation: RelationRecord): ComparedRelation {
  const outgoing = relation.from === slug;
  const other = outgoing ? relation.to : relation.from;
  return {
    slug,
    relation,
    direction: outgoing ? Direction.OUTGOING : Direction.INCOMING,
    other: conceptRecord(other, { nameKo: `${other}-ko` }),
  };
}

describe('buildComparison', () => {
  const a = conceptRecord('a', { nameKo: '도커', nameEn: 'Docker' });
  const b = conceptRecord('b', { nameKo: '가상 머신', nameEn: 'Virtual machine' });
  const c = conceptRecord('c', { nameKo: '커널', nameEn: 'Kernel' });

  it('derives one aspect per relation type and direction, shared ones first, cells in the order asked', () => {
    const data: CompareData = {
      concepts: [b, a],
      stored: null,
      relations: [
        seen('a', relationRecord(RelationType.CONTRASTS_WITH, 'a', 'x')),
        seen('a', relationRecord(RelationType.USES, 'a', 'u2', { order: 2 })),
        seen('a', relationRecord(RelationType.USES, 'a', 'u1', { order: 1 })),
        seen('a', relationRecord(RelationType.USES, 'a', 'k')),
        seen('b', relationRecord(RelationType.USES, 'b', 'k')),
        seen('b', relationRecord(RelationType.EXAMPLE_OF, 'e', 'b')),
      ],
    };
    const cmp = buildComparison(['a', 'b'], data);
    expect(cmp.derived).toBe(true);
    expect(cmp.concepts.map((x) => x.slug)).toEqual(['a', 'b']);
    expect(cmp.shared).toEqual([
      { type: RelationType.USES, direction: 'OUTGOING', concept: expect.objectContaining({ slug: 'k' }) },
    ]);
    expect(cmp.aspects.map((x) => `${x.type}:${x.direction}`)).toEqual([
      'USES:OUTGOING',
      'EXAMPLE_OF:INCOMING',
      'CONTRASTS_WITH:OUTGOING',
    ]);
    const uses = cmp.aspects[0];
    expect(uses.label).toEqual({ ko: '사용하는 것', en: 'Uses' });
    // By relation order, unordered last (then by slug).
    expect(uses.values[0].related.map((x) => x.slug)).toEqual(['u1', 'u2', 'k']);
    expect(uses.values[0].text).toEqual({ ko: 'u1-ko, u2-ko, k-ko', en: 'u1, u2, k' });
    const examples = cmp.aspects[1];
    expect(examples.values.map((v) => v.text)).toEqual([null, { ko: 'e-ko', en: 'e' }]);
    expect(cmp.title).toEqual({ ko: '도커와 가상 머신', en: 'Docker vs Virtual machine' });
  });

  it('joins three names the Korean way', () => {
    const cmp = buildComparison(['b', 'a', 'c'], { concepts: [a, b, c], stored: null, relations: [] });
    expect(cmp.title).toEqual({ ko: '가상 머신, 도커와 커널', en: 'Virtual machine vs Docker vs Kernel' });
    expect(cmp.aspects).toEqual([]);
    expect(cmp.shared).toEqual([]);
  });

  it('uses the stored comparison as written, with null for a value it lacks', () => {
    const cmp = buildComparison(['b', 'a'], {
      concepts: [a, b],
      stored: {
        slug: 'a-vs-b',
        title: { ko: '비교', en: 'Comparison' },
        source: 'Note > Section',
        concepts: ['a', 'b'],
        aspects: [{ aspect: { ko: '커널', en: 'Kernel' }, values: { a: { ko: '공유', en: 'Shared' } } }],
      },
      relations: [
        seen('a', relationRecord(RelationType.IS_A, 'a', 'p')),
        seen('b', relationRecord(RelationType.IS_A, 'b', 'p')),
      ],
    });
    expect(cmp).toMatchObject({
      slug: 'a-vs-b',
      derived: false,
      source: 'Note > Section',
      title: { en: 'Comparison' },
    });
    expect(cmp.concepts.map((x) => x.slug)).toEqual(['b', 'a']);
    expect(cmp.aspects).toHaveLength(1);
    expect(cmp.aspects[0]).toMatchObject({ label: { en: 'Kernel' }, type: null, direction: null });
    expect(cmp.aspects[0].values.map((v) => v.text)).toEqual([null, { ko: '공유', en: 'Shared' }]);
    expect(cmp.shared.map((s) => `${s.type} ${s.concept.slug}`)).toEqual(['IS_A p']);
  });
});
