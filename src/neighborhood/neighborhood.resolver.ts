import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';

import type { AtlasContext } from '../context';
import { BadInputError, conceptNotFound } from '../errors';
import { RELATION_TYPES } from '../graph/vocabulary';
import { DEFAULT_DEPTH, DEFAULT_NEIGHBORHOOD_LIMIT, NeighborhoodArgs } from './neighborhood.args';
import { neighborhoodNeeds } from '../readahead/neighborhood.plan';
import { Subgraph } from './neighborhood.type';

@Resolver(() => Subgraph)
export class NeighborhoodResolver {
  @Query(() => Subgraph, {
    description:
      'The concepts within `depth` hops of a concept (relations followed either way) and the relations among them, nearest first, at most `limit` nodes. NOT_FOUND when no concept has the slug; BAD_USER_INPUT naming the argument when depth, limit or types are out of range.',
  })
  async neighborhood(
    @Args(() => NeighborhoodArgs) args: NeighborhoodArgs,
    @Ctx() context: AtlasContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Subgraph> {
    const { maxNeighborhoodDepth, maxNeighborhoodNodes } = context.config.limits;
    const depth = args.depth ?? DEFAULT_DEPTH;
    if (depth < 1 || depth > maxNeighborhoodDepth) {
      throw new BadInputError('depth', `\`depth\` must be from 1 to ${maxNeighborhoodDepth}; got ${depth}.`);
    }
    const limit = args.limit ?? Math.min(DEFAULT_NEIGHBORHOOD_LIMIT, maxNeighborhoodNodes);
    if (limit < 1 || limit > maxNeighborhoodNodes) {
      throw new BadInputError('limit', `\`limit\` must be from 1 to ${maxNeighborhoodNodes}; got ${limit}.`);
    }
    if (args.types && args.types.length === 0) {
      throw new BadInputError(
        'types',
        '`types` must name at least one relation type; leave it out to follow every type.',
      );
    }
    const record = await context.repos.neighborhood.neighborhood({
      slug: args.slug,
      depth,
      types: args.types ?? RELATION_TYPES,
      limit,
      ...neighborhoodNeeds(info),
    });
    if (!record) throw conceptNotFound('slug', args.slug);
    return new Subgraph(record);
  }
}
