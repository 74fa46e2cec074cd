import DataLoader from 'dataloader';

import { type ConceptRecord, type ConceptRef, isConceptRecord } from '../graph/graph.model';
import type { ConceptRepository, FlagRecord } from './concept.repository';

/** Per-request batching of concept reads: every field of a page of concepts costs one round trip, not one per row. */
export interface ConceptLoaders {
  /** A concept by slug, null when absent. Prime it with records other queries already returned. */
  bySlug: DataLoader<string, ConceptRecord | null>;
  /** Number of relations a concept takes part in. */
  degree: DataLoader<string, number>;
  /** A command's flags, in order. */
  flags: DataLoader<string, FlagRecord[]>;
}

export function createConceptLoaders(repo: ConceptRepository): ConceptLoaders {
  return {
    bySlug: new DataLoader(async (slugs) => {
      const found = new Map((await repo.bySlugs(slugs)).map((record) => [record.slug, record]));
      return slugs.map((slug) => found.get(slug) ?? null);
    }),
    degree: new DataLoader(async (slugs) => {
      const degrees = await repo.degrees(slugs);
      return slugs.map((slug) => degrees.get(slug) ?? 0);
    }),
    flags: new DataLoader(async (commands) => {
      const flags = await repo.flags(commands);
      return commands.map((command) => flags.filter((flag) => flag.command === command));
    }),
  };
}

/**
 * Remembers records a list query returned, so resolving them again by slug costs nothing. ConceptRefs are skipped:
 * `bySlug` holds whole records only.
 */
export function primeConcepts(loaders: ConceptLoaders, records: Iterable<ConceptRecord | ConceptRef>): void {
  for (const record of records) if (isConceptRecord(record)) loaders.bySlug.prime(record.slug, record);
}
