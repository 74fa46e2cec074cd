import { Args, Ctx, Query, Resolver } from 'type-graphql';

import type { AtlasContext } from '../context';
import { BadInputError } from '../errors';
import { DifferenceArgs } from './difference.args';
import { Difference } from './difference.type';

@Resolver(() => Difference)
export class DifferenceResolver {
  @Query(() => Difference, {
    description:
      "Two concepts explained side by side in sentences: how they relate, what they share, where they differ (rows of the study note's comparison of them or of their kinds, then their relations the other lacks) and the nearest concept both lead to. BAD_USER_INPUT naming `b` when it equals `a`; NOT_FOUND naming `a` or `b` when no concept has that slug.",
  })
  async difference(
    @Args(() => DifferenceArgs) args: DifferenceArgs,
    @Ctx() context: AtlasContext,
  ): Promise<Difference> {
    if (args.a === args.b)
      throw new BadInputError('b', '`a` and `b` are the same concept; name two different concepts.');
    const model = await context.services.difference.difference(args.a, args.b);
    return new Difference(model, args.lang);
  }
}
