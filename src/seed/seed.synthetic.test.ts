import { ConceptKind, RelationType } from '../graph/vocabulary';
import { syntheticConcept, syntheticRelationsOf, syntheticSlug } from './seed.synthetic';
import { validateSeed } from './seed.validate';

describe('synthetic data', () => {
  it('numbers slugs with six digits', () => {
    expect(syntheticSlug(1)).toBe('synthetic-000001');
    expect(syntheticSlug(123456)).toBe('synthetic-123456');
  });

  it('gives every concept i up to three relations, each to a different lower-numbered concept, the same every time', () => {
    let total = 0;
    const wrong: number[] = [];
    for (let i = 1; i <= 3000; i += 1) {
      const relations = syntheticRelationsOf(i);
      const targets = relations.map((r) => Number(r.to.slice('synthetic-'.length)));
      const ok =
        relations.length === Math.min(3, i - 1) &&
        new Set(targets).size === targets.length &&
        targets.every((target) => target >= 1 && target < i) &&
        relations.every((r) => r.from === syntheticSlug(i));
      if (!ok) wrong.push(i);
      total += relations.length;
    }
    expect(wrong).toEqual([]);
    expect(total).toBe(0 + 1 + 2 + 3 * 2997);
    expect(syntheticRelationsOf(2500)).toEqual(syntheticRelationsOf(2500));
  });

  it('uses every relation type and every kind, with syntax and order where the rules want them', () => {
    const types = new Set<string>();
    const kinds = new Set<string>();
    for (let i = 1; i <= 500; i += 1) {
      syntheticRelationsOf(i).forEach((r) => types.add(r.type));
      const c = syntheticConcept(i);
      kinds.add(c.kind);
      expect(c.syntax !== null).toBe(c.kind === ConceptKind.COMMAND || c.kind === ConceptKind.FLAG);
      expect(c.order !== null).toBe(c.kind === ConceptKind.LIFECYCLE_STAGE);
      expect(c.tags).toEqual(['synthetic']);
    }
    expect([...types].sort()).toEqual(Object.values(RelationType).sort());
    expect([...kinds].sort()).toEqual(Object.values(ConceptKind).sort());
  });

  it('follows the graph rules apart from the reserved prefix: no self-loops, duplicates or cycles', () => {
    const n = 400;
    const at = { file: 'synthetic', line: 1 };
    const problems = validateSeed({
      concepts: Array.from({ length: n }, (_, k) => {
        const c = syntheticConcept(k + 1);
        return {
          slug: c.slug, kind: c.kind, name: { ko: c.nameKo, en: c.nameEn }, aliases: { ko: c.aliasesKo, en: c.aliasesEn },
          summary: { ko: c.summaryKo, en: c.summaryEn }, tags: c.tags, source: c.source, at,
          ...(c.syntax === null ? {} : { syntax: c.syntax }), ...(c.order === null ? {} : { order: c.order }),
        };
      }),
      relations: Array.from({ length: n }, (_, k) => syntheticRelationsOf(k + 1)).flat().map((r) => ({ ...r, source: 'synthetic', at })),
      comparisons: [],
      learnerWords: [],
    });
    expect(problems.filter((p) => !p.message.includes('reserved'))).toEqual([]);
    expect(problems).toHaveLength(n);
  });
});
