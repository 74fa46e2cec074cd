import type { ConceptRead } from '../graph/graph.model';
import { Direction, RelationType } from '../graph/vocabulary';
import { choiceKey, relatedCacheKey, walkCacheKey, walkPlanKey } from './walk.keys';
import type { RelatedChoice, WalkLevel } from './walk.plan';

const choice: RelatedChoice = {
  types: [RelationType.HAS_FLAG, RelationType.SENDS_SIGNAL],
  direction: Direction.OUTGOING,
  detailed: false,
};
const level: WalkLevel = { ...choice, read: 'whole' };

describe('read-ahead keys', () => {
  it('name a walk level and a related field with the same choice alike, whether or not the level reads whole concepts', () => {
    expect(choiceKey(level)).toBe(choiceKey(choice));
    expect(relatedCacheKey({ slug: 'docker-stop', choice: level })).toBe(
      relatedCacheKey({ slug: 'docker-stop', choice: { ...choice } }),
    );
  });

  it('tell apart every part of a choice', () => {
    const keys = [
      choiceKey(choice),
      choiceKey({ ...choice, types: null }),
      choiceKey({ ...choice, types: [RelationType.HAS_FLAG] }),
      choiceKey({ ...choice, direction: Direction.BOTH }),
      choiceKey({ ...choice, detailed: true }),
    ];
    expect(new Set(keys).size).toBe(5);
  });

  it('tell apart walks that differ in a level or in what they read of the concepts', () => {
    const plan = (read: ConceptRead, walk: WalkLevel[]) => walkPlanKey({ read, walk });
    const keys = [
      plan('whole', [level]),
      plan('whole', [{ ...level, read: ['nameEn'] }]),
      plan('whole', [{ ...level, read: ['nameKo'] }]),
      plan('whole', [{ ...level, read: [] }]),
      plan('whole', [level, level]),
      plan(['nameEn'], [level]),
      plan([], [level]),
    ];
    expect(new Set(keys).size).toBe(7);
  });

  it('keep different slugs apart, whatever characters they hold', () => {
    const a = relatedCacheKey({ slug: 'a","b', choice });
    const b = relatedCacheKey({ slug: 'a', choice });
    expect(a).not.toBe(b);
    const plan = { read: 'whole' as const, walk: [level] };
    expect(walkCacheKey({ slug: 'x', plan })).not.toBe(walkCacheKey({ slug: 'y', plan }));
  });
});
