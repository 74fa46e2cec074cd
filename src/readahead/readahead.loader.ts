import DataLoader from 'dataloader';

import { type ConceptPart, type ConceptRecord, isConceptRecord } from '../graph/graph.model';
import { choiceKey, type RelatedKey, relatedCacheKey, type WalkKey, walkCacheKey, walkPlanKey } from './walk.keys';
import type { ConceptsPlan, RelatedChoice, WalkLevel } from './walk.plan';
import type { RelatedRecord, RelatedTree, WalkRepository } from './walk.repository';

/** Where whole concept records come from (the concept repository). */
export interface ConceptSource {
  /** Whole records of the concepts with these slugs; unknown slugs are left out. */
  bySlugs(slugs: readonly string[]): Promise<ConceptRecord[]>;
}

/**
 * The one way a request reads concepts and their relations: resolvers, the Concept type (completing a ConceptPart)
 * and relation ends all ask here, and every read, batched or read ahead, lands in the same per-request caches. It
 * must never outlive its request.
 */
export interface ReadAhead {
  /** A concept's whole record by slug, null when absent. */
  concept(slug: string): Promise<ConceptRecord | null>;
  /**
   * A concept by slug read as the plan says (from planConcept), null when absent. With a walk, the concept and every
   * level of the walk are one round trip, and each level's relations are then at hand for `related`; without one it
   * is the whole record.
   */
  conceptWithWalk(slug: string, plan: ConceptsPlan): Promise<ConceptRecord | ConceptPart | null>;
  /** The whole record of a concept read in part (itself when already whole); null when it vanished. */
  whole(concept: ConceptPart): Promise<ConceptRecord | null>;
  /**
   * All relations of a concept for one choice, sorted by compareRelated. Concepts asking with the same choice are read
   * in one round trip: a page of concepts asking for `related` with the same arguments costs one query.
   */
  related(slug: string, choice: RelatedChoice): Promise<RelatedRecord[]>;
  /**
   * What `related` answers when a read ahead (a walk, a page with its relations) has already put it at hand, else
   * undefined: a resolver can then answer at once instead of through a promise.
   */
  relatedAtHand(slug: string, choice: RelatedChoice): RelatedRecord[] | undefined;
  /**
   * Remembers what another query read: whole records (parts are skipped, a later whole read completes them)
   * and, with `walk`, each concept's relations along it, so asking for them again costs nothing.
   */
  remember(
    concepts: Iterable<ConceptRecord | ConceptPart>,
    walks?: ReadonlyMap<string, RelatedTree[]>,
    walk?: readonly WalkLevel[],
  ): void;
}

/**
 * The order of a concept's relations (and so of its `related` edges, see relatedEdges): type, order (unordered last),
 * other slug, direction. Compared field by field rather than through a key array per relation: a page of 50 concepts
 * sorts some 700 relations, and a key each was most of the sorting's garbage.
 */
export function compareRelated(a: RelatedRecord, b: RelatedRecord): number {
  const x = a.relation;
  const y = b.relation;
  if (x.type !== y.type) return x.type < y.type ? -1 : 1;
  const xo = x.order ?? null;
  const yo = y.order ?? null;
  if (xo !== yo) {
    if (xo === null) return 1;
    if (yo === null) return -1;
    return xo < yo ? -1 : 1;
  }
  if (a.other.slug !== b.other.slug) return a.other.slug < b.other.slug ? -1 : 1;
  if (a.direction !== b.direction) return a.direction < b.direction ? -1 : 1;
  return 0;
}

/** Keys grouped by what is asked of their slugs (`planKey`): each group is one query. */
function grouped<K extends { slug: string }, A>(
  keys: readonly K[],
  planKey: (key: K) => string,
  asked: (key: K) => A,
): { asked: A; slugs: string[] }[] {
  const groups = new Map<string, { asked: A; slugs: string[] }>();
  for (const key of keys) {
    const group = groups.get(planKey(key)) ?? { asked: asked(key), slugs: [] };
    group.slugs.push(key.slug);
    groups.set(planKey(key), group);
  }
  return [...groups.values()];
}

export function createReadAhead(concepts: ConceptSource, walks: WalkRepository): ReadAhead {
  const bySlug = new DataLoader<string, ConceptRecord | null>(async (slugs) => {
    const found = new Map((await concepts.bySlugs(slugs)).map((record) => [record.slug, record]));
    return slugs.map((slug) => found.get(slug) ?? null);
  });

  const related = new DataLoader<RelatedKey, RelatedRecord[], string>(
    async (keys) => {
      const found = new Map<string, RelatedRecord[]>();
      await Promise.all(
        grouped(
          keys,
          (key) => choiceKey(key.choice),
          (key) => key.choice,
        ).map(async ({ asked, slugs }) => {
          for (const slug of slugs) found.set(relatedCacheKey({ slug, choice: asked }), []);
          for (const record of await walks.relatedOf(slugs, asked))
            found.get(relatedCacheKey({ slug: record.slug, choice: asked }))!.push(record);
        }),
      );
      return keys.map((key) => (found.get(relatedCacheKey(key)) ?? []).sort(compareRelated));
    },
    { cacheKeyFn: relatedCacheKey },
  );

  // What was primed, by relatedCacheKey: the loader keeps the first value of a key, and so does this.
  const atHand = new Map<string, RelatedRecord[]>();

  /** Puts each level of a walk into `related`, under the concept it belongs to. */
  // The trees are the records (a RelatedTree is a RelatedRecord with its next level): sorted in place, not copied,
  // and kept here only; `related` looks here before its loader, so no promise is made per concept primed.
  const primeWalk = (slug: string, trees: RelatedTree[], levels: readonly WalkLevel[]): void => {
    const cacheKey = relatedCacheKey({ slug, choice: levels[0] });
    if (!atHand.has(cacheKey)) atHand.set(cacheKey, trees.sort(compareRelated));
    if (levels.length > 1) {
      const deeper = levels.slice(1);
      for (const tree of trees) primeWalk(tree.other.slug, tree.next ?? [], deeper);
    }
  };

  const conceptWithWalk = new DataLoader<WalkKey, ConceptRecord | ConceptPart | null, string>(
    async (keys) => {
      const found = new Map<string, ConceptRecord | ConceptPart>();
      await Promise.all(
        grouped(
          keys,
          (key) => walkPlanKey(key.plan),
          (key) => key.plan,
        ).map(async ({ asked, slugs }) => {
          for (const { concept, related: trees } of await walks.conceptsWithRelated(slugs, asked)) {
            found.set(walkCacheKey({ slug: concept.slug, plan: asked }), concept);
            primeWalk(concept.slug, trees, asked.walk);
          }
        }),
      );
      return keys.map((key) => found.get(walkCacheKey(key)) ?? null);
    },
    { cacheKeyFn: walkCacheKey },
  );

  const remember: ReadAhead['remember'] = (records, walkTrees, walk) => {
    for (const record of records) if (isConceptRecord(record)) bySlug.prime(record.slug, record);
    if (walkTrees && walk && walk.length > 0) for (const [slug, trees] of walkTrees) primeWalk(slug, trees, walk);
  };

  return {
    concept: (slug) => bySlug.load(slug),
    async conceptWithWalk(slug, plan) {
      if (plan.walk.length === 0) return bySlug.load(slug);
      const record = await conceptWithWalk.load({ slug, plan });
      if (record) remember([record]);
      return record;
    },
    async whole(concept) {
      return isConceptRecord(concept) ? concept : bySlug.load(concept.slug);
    },
    related(slug, choice) {
      const primed = atHand.get(relatedCacheKey({ slug, choice }));
      return primed ? Promise.resolve(primed) : related.load({ slug, choice });
    },
    relatedAtHand: (slug, choice) => atHand.get(relatedCacheKey({ slug, choice })),
    remember,
  };
}
