import DataLoader from 'dataloader';

import type { ConceptRecord } from '../graph/graph.model';
import type { RelationType } from '../graph/vocabulary';
import { type CursorKey, compareKeys } from '../pagination/cursor';
import type { RelatedRecord, RelationDirection, RelationRepository } from './relation.repository';

/** Which relations of which concept: one `related(types:, direction:)` field of one concept. */
export interface RelatedKey {
  slug: string;
  /** Sorted and without repeats, or null for every type. */
  types: RelationType[] | null;
  direction: RelationDirection;
}

/** The key of a `related` field's arguments, normalised so equal choices share one cache entry and one query. */
export function relatedKeyOf(slug: string, args: { types?: RelationType[] | null; direction: RelationDirection }): RelatedKey {
  return { slug, types: args.types ? [...new Set(args.types)].sort() : null, direction: args.direction };
}

/** The sort key of a concept's edges (and of their cursors): type, order (unordered last), other slug, direction. */
export function relatedSortKey(record: RelatedRecord): CursorKey {
  return [record.relation.type, record.relation.order, record.other.slug, record.direction];
}

const sortRelated = (records: RelatedRecord[]) => records.sort((a, b) => compareKeys(relatedSortKey(a), relatedSortKey(b)));

/** The (types, direction) choice of a key, as text. */
function choiceOf(key: RelatedKey): string {
  return `${key.types?.join(',') ?? '*'}|${key.direction}`;
}

const cacheKeyFn = (key: RelatedKey) => `${key.slug}|${choiceOf(key)}`;

/** Keys grouped by choice: each group is one query. */
function byChoice(keys: readonly RelatedKey[]): { types: RelationType[] | null; direction: RelationDirection; slugs: string[] }[] {
  const groups = new Map<string, { types: RelationType[] | null; direction: RelationDirection; slugs: string[] }>();
  for (const key of keys) {
    const group = groups.get(choiceOf(key)) ?? { types: key.types, direction: key.direction, slugs: [] };
    group.slugs.push(key.slug);
    groups.set(choiceOf(key), group);
  }
  return [...groups.values()];
}

export type RelatedLoader = DataLoader<RelatedKey, RelatedRecord[], string>;

export interface RelationLoaders {
  /**
   * All relations of a concept for one (types, direction) choice, sorted by relatedSortKey. Keys that share the
   * choice are read in one round trip; a page of concepts asking for `related` with the same arguments costs one query.
   */
  related: RelatedLoader;
  /**
   * A concept (null when absent) read together with its relations for the key's choice, in one round trip; the
   * relations go into `related`, so the concept's `related` field then costs nothing.
   */
  conceptWithRelated: DataLoader<RelatedKey, ConceptRecord | null, string>;
}

export function createRelationLoaders(repo: RelationRepository): RelationLoaders {
  const related: RelatedLoader = new DataLoader(async (keys) => {
    const found = new Map<string, RelatedRecord[]>();
    await Promise.all(
      byChoice(keys).map(async ({ types, direction, slugs }) => {
        const records = await repo.relatedOf(slugs, types, direction);
        for (const slug of slugs) found.set(cacheKeyFn({ slug, types, direction }), []);
        for (const record of records) found.get(cacheKeyFn({ slug: record.slug, types, direction }))!.push(record);
      }),
    );
    return keys.map((key) => sortRelated(found.get(cacheKeyFn(key)) ?? []));
  }, { cacheKeyFn });

  const conceptWithRelated = new DataLoader<RelatedKey, ConceptRecord | null, string>(async (keys) => {
    const found = new Map<string, ConceptRecord>();
    await Promise.all(
      byChoice(keys).map(async ({ types, direction, slugs }) => {
        for (const row of await repo.conceptsWithRelated(slugs, types, direction)) {
          const key = { slug: row.concept.slug, types, direction };
          found.set(cacheKeyFn(key), row.concept);
          related.prime(key, sortRelated(row.related));
        }
      }),
    );
    return keys.map((key) => found.get(cacheKeyFn(key)) ?? null);
  }, { cacheKeyFn });

  return { related, conceptWithRelated };
}
