import DataLoader from 'dataloader';

import type { ConceptRepository, FlagRecord } from './concept.repository';

/**
 * Per-request batching of what concepts have besides their records: every field of a page of concepts costs one
 * round trip, not one per row. The records themselves, and their relations, come from the read-ahead.
 */
export interface ConceptLoaders {
  /** Number of relations a concept takes part in. */
  degree: DataLoader<string, number>;
  /** A command's flags, in order. */
  flags: DataLoader<string, FlagRecord[]>;
}

export function createConceptLoaders(repo: ConceptRepository): ConceptLoaders {
  return {
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
