import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';

import type { AtlasContext } from '../context';
import { BadInputError, conceptNotFound } from '../errors';
import { DEFAULT_FIRST, DEFAULT_MAX_LENGTH, PathsArgs } from './path.args';
import { langOf } from '../i18n/lang.arg';
import { pathRead } from '../readahead/path.plan';
import { Path } from './path.type';

@Resolver(() => Path)
export class PathResolver {
  @Query(() => [Path], {
    description:
      'How two concepts are connected: up to `first` paths of at most `maxLength` steps, shortest first (all the shortest, then longer ones), with no concept twice, walking relations either way. Empty when they are not connected within `maxLength`. BAD_USER_INPUT when `from` equals `to` or a bound is out of range; NOT_FOUND naming `from` or `to` when no concept has that slug.',
  })
  async paths(
    @Args(() => PathsArgs) args: PathsArgs,
    @Ctx() context: AtlasContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Path[]> {
    const { maxPathLength, maxPaths } = context.config.limits;
    const maxLength = args.maxLength ?? DEFAULT_MAX_LENGTH;
    const first = args.first ?? DEFAULT_FIRST;
    if (maxLength < 1 || maxLength > maxPathLength) {
      throw new BadInputError('maxLength', `\`maxLength\` must be from 1 to ${maxPathLength}; got ${maxLength}.`);
    }
    if (first < 1 || first > maxPaths) {
      throw new BadInputError('first', `\`first\` must be from 1 to ${maxPaths}; got ${first}.`);
    }
    // A path from a concept to itself would be empty; asking for one is a mistake worth saying so.
    if (args.from === args.to)
      throw new BadInputError('to', '`from` and `to` are the same concept; ask for two different concepts.');
    const result = await context.repos.paths.paths({
      from: args.from,
      to: args.to,
      maxLength,
      first,
      read: pathRead(info, langOf(null, context)),
    });
    for (const argument of ['from', 'to'] as const) {
      if (!(argument === 'from' ? result.fromFound : result.toFound)) {
        throw conceptNotFound(argument, args[argument]);
      }
    }
    return result.paths.map((path) => new Path(path));
  }
}
