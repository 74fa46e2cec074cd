import { ArgsType, Field, Int } from 'type-graphql';

import { RelationType } from '../graph/vocabulary';

/** How many nodes a neighborhood holds when `limit` is not given (never more than the configured maximum). */
export const DEFAULT_NEIGHBORHOOD_LIMIT = 50;
/** Hops from the center when `depth` is not given (or given as null). */
export const DEFAULT_DEPTH = 1;

@ArgsType()
export class NeighborhoodArgs {
  @Field(() => String, { description: 'The slug of the concept at the center, e.g. `docker-stop`.' })
  slug!: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_DEPTH,
    description: 'How many hops from the center, either direction: 1 up to the configured maximum (3 unless changed).',
  })
  depth?: number | null;

  @Field(() => [RelationType], {
    nullable: true,
    description: 'Follow and draw only relations of these types; all types when absent. Must not be empty.',
  })
  types?: RelationType[] | null;

  @Field(() => Int, {
    nullable: true,
    description: `Most nodes to return, the center included: 1 up to the configured maximum (200 unless changed); ${DEFAULT_NEIGHBORHOOD_LIMIT} (or the maximum, if lower) when absent. The nearest nodes are kept.`,
  })
  limit?: number | null;
}
