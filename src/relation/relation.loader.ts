import DataLoader from 'dataloader';

import type { RelationType } from '../graph/vocabulary';
import { type CursorKey, compareKeys } from '../pagination/cursor';
import type { RelatedRecord, RelationDirection, RelationRepository } from './relation.repository';

export interface RelatedKey {
  slug: string;
  /** Sorted, or null for every type. */
  types: RelationType[] | null;
  direction: RelationDirection;
}

/** The sort key of a concept's edges (and of their cursors): type, order (unordered last), other slug, direction. */
export function relatedSortKey(record: RelatedRecord): CursorKey {
  return [record.relation.type, record.relation.order, record.other.slug, record.direction];
}

/** The (types, direction) choice of a key, as text. */
function choiceOf(key: RelatedKey): string {
  return `${key.types?.join(',') ?? '*'}|${key.direction}`;
}

export type RelatedLoader = DataLoader<RelatedKey, RelatedRecord[], string>;

/**
 * All relations of a concept for one (types, direction) choice, sorted by relatedSortKey. Keys that share the choice
 * are read in one round trip; a page of concepts asking for `related` with the same arguments costs one query.
 */
export function createRelatedLoader(repo: RelationRepository): RelatedLoader {
  return new DataLoader<RelatedKey, RelatedRecord[], string>(
    async (keys) => {
      const groups = new Map<string, { types: RelationType[] | null; direction: RelationDirection; slugs: string[] }>();
      for (const key of keys) {
        const group = groups.get(choiceOf(key)) ?? { types: key.types, direction: key.direction, slugs: [] };
        group.slugs.push(key.slug);
        groups.set(choiceOf(key), group);
      }
      const rowsByChoice = new Map(
        await Promise.all([...groups].map(async ([choice, g]) => [choice, await repo.relatedOf(g.slugs, g.types, g.direction)] as const)),
      );
      return keys.map((key) =>
        (rowsByChoice.get(choiceOf(key)) ?? [])
          .filter((row) => row.slug === key.slug)
          .sort((a, b) => compareKeys(relatedSortKey(a), relatedSortKey(b))),
      );
    },
    { cacheKeyFn: (key) => `${key.slug}|${choiceOf(key)}` },
  );
}
