import { Direction, RelationType } from '../graph/vocabulary';
import { choiceKey, relatedCacheKey, walkCacheKey, walkPlanKey } from './walk.keys';
import type { RelatedChoice, WalkLevel } from './walk.plan';

const choice: RelatedChoice = {
  types: [RelationType.HAS_FLAG, RelationType.SENDS_SIGNAL],
  direction: Direction.OUTGOING,
  detailed: false,
};
const level: WalkLevel = { ...choice, whole: true };

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

  it('tell apart walks that differ in a level or in reading whole concepts', () => {
    expect(walkPlanKey([level])).not.toBe(walkPlanKey([{ ...level, whole: false }]));
    expect(walkPlanKey([level])).not.toBe(walkPlanKey([level, level]));
  });

  it('keep different slugs apart, whatever characters they hold', () => {
    const a = relatedCacheKey({ slug: 'a","b', choice });
    const b = relatedCacheKey({ slug: 'a', choice });
    expect(a).not.toBe(b);
    expect(walkCacheKey({ slug: 'x', levels: [level] })).not.toBe(walkCacheKey({ slug: 'y', levels: [level] }));
  });
});
