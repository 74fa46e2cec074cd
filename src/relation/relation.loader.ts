import DataLoader from 'dataloader';

import type { ConceptRecord } from '../graph/graph.model';
import type { Direction, RelationType } from '../graph/vocabulary';
import { type CursorKey, compareKeys } from '../pagination/cursor';
import type { RelatedChoice, RelatedRecord, RelatedTree, RelationRepository, WalkLevel } from './relation.repository';

/** Which relations of which concept: one `related(types:, direction:)` field of one concept. */
export interface RelatedKey extends RelatedChoice {
  slug: string;
}

/**
 * The choice of a `related` field's arguments (and whether its edges ask for relation details), normalised so equal
 * choices share one cache entry and one query.
 */
export function relatedChoiceOf(args: { types?: RelationType[] | null; direction: Direction }, detailed: boolean): RelatedChoice {
  return { types: args.types ? [...new Set(args.types)].sort() : null, direction: args.direction, detailed };
}

export function relatedKeyOf(slug: string, args: { types?: RelationType[] | null; direction: Direction }, detailed: boolean): RelatedKey {
  return { slug, ...relatedChoiceOf(args, detailed) };
}

/** A concept and the walk of `related` levels to read with it. */
export interface WalkKey {
  slug: string;
  levels: WalkLevel[];
}

/** The order of a concept's relations (and so of its `related` edges, see groupRelated): type, order (unordered last), other slug, direction. */
export function relatedSortKey(record: RelatedRecord): CursorKey {
  return [record.relation.type, record.relation.order, record.other.slug, record.direction];
}

const sortRelated = (records: RelatedRecord[]) => records.sort((a, b) => compareKeys(relatedSortKey(a), relatedSortKey(b)));

/** A (types, direction) choice as text. */
const choiceText = (choice: RelatedChoice) => `${choice.types?.join(',') ?? '*'}|${choice.direction}${choice.detailed ? '|detailed' : ''}`;

const cacheKeyFn = (key: RelatedKey) => `${key.slug}|${choiceText(key)}`;
const walkKeyFn = (key: WalkKey) => `${key.slug}|${key.levels.map((level) => `${choiceText(level)}${level.whole ? '+' : ''}`).join('>')}`;

/** Keys grouped by what is asked of each slug: each group is one query. */
function grouped<K extends { slug: string }, G>(keys: readonly K[], groupOf: (key: K) => string, asked: (key: K) => G): { asked: G; slugs: string[] }[] {
  const groups = new Map<string, { asked: G; slugs: string[] }>();
  for (const key of keys) {
    const group = groups.get(groupOf(key)) ?? { asked: asked(key), slugs: [] };
    group.slugs.push(key.slug);
    groups.set(groupOf(key), group);
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
   * A concept (null when absent) read together with a walk of `related` levels in one round trip; every level's
   * relations go into `related`, so the `related` fields along the walk then cost nothing.
   */
  conceptWithWalk: DataLoader<WalkKey, ConceptRecord | null, string>;
  /** Puts each level of a walk another query read (`walkOf`) into `related`, under the concept it belongs to. */
  primeWalk(slug: string, trees: RelatedTree[], levels: readonly RelatedChoice[]): void;
}

export function createRelationLoaders(repo: RelationRepository): RelationLoaders {
  const related: RelatedLoader = new DataLoader(async (keys) => {
    const found = new Map<string, RelatedRecord[]>();
    await Promise.all(
      grouped(keys, choiceText, (key): RelatedChoice => ({ types: key.types, direction: key.direction, detailed: key.detailed })).map(async ({ asked, slugs }) => {
        for (const slug of slugs) found.set(cacheKeyFn({ slug, ...asked }), []);
        for (const record of await repo.relatedOf(slugs, asked)) found.get(cacheKeyFn({ slug: record.slug, ...asked }))!.push(record);
      }),
    );
    return keys.map((key) => sortRelated(found.get(cacheKeyFn(key)) ?? []));
  }, { cacheKeyFn });

  const primeWalk = (slug: string, trees: RelatedTree[], levels: readonly RelatedChoice[]): void => {
    related.prime({ slug, ...levels[0] }, sortRelated(trees.map(({ next: _next, ...record }) => record)));
    if (levels.length > 1) for (const tree of trees) primeWalk(tree.other.slug, tree.next ?? [], levels.slice(1));
  };

  const conceptWithWalk = new DataLoader<WalkKey, ConceptRecord | null, string>(async (keys) => {
    const found = new Map<string, ConceptRecord>();
    await Promise.all(
      grouped(keys, (key) => walkKeyFn({ slug: '', levels: key.levels }), (key) => key.levels).map(async ({ asked, slugs }) => {
        for (const { concept, related: trees } of await repo.conceptsWithRelated(slugs, asked)) {
          found.set(walkKeyFn({ slug: concept.slug, levels: asked }), concept);
          primeWalk(concept.slug, trees, asked);
        }
      }),
    );
    return keys.map((key) => found.get(walkKeyFn(key)) ?? null);
  }, { cacheKeyFn: walkKeyFn });

  return { related, conceptWithWalk, primeWalk };
}
