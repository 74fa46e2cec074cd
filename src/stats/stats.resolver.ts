import { Ctx, Query, Resolver } from 'type-graphql';

import type { AtlasContext } from '../context';
import { GraphStats } from './stats.type';

@Resolver(() => GraphStats)
export class StatsResolver {
  @Query(() => GraphStats, {
    description: 'Counts of concepts by kind and of relations by type, and the seed version.',
  })
  async stats(@Ctx() { repos }: AtlasContext): Promise<GraphStats> {
    const [counts, seed] = await Promise.all([repos.stats.counts(), repos.stats.seedState()]);
    return { ...counts, seed } as GraphStats;
  }
}
