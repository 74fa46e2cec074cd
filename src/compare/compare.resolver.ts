import { Arg, Ctx, Query, Resolver } from 'type-graphql';

import type { AtlasContext } from '../context';
import { BadInputError, conceptNotFound } from '../errors';
import { buildComparison } from './compare.model';
import { Comparison } from './compare.type';

/** How many concepts one comparison may hold. */
export const MIN_COMPARED = 2;
export const MAX_COMPARED = 5;

@Resolver(() => Comparison)
export class CompareResolver {
  @Query(() => Comparison, {
    description:
      'Concepts side by side: the comparison from the study note when one covers exactly these concepts (in any order), otherwise one derived from their relations. BAD_USER_INPUT naming `slugs` for fewer than 2, more than 5 or repeated slugs; NOT_FOUND naming `slugs` (and listing them) for slugs no concept has.',
  })
  async compare(
    @Arg('slugs', () => [String], {
      description: 'The slugs of 2 to 5 different concepts, e.g. `["os-container", "application-container"]`.',
    })
    slugs: string[],
    @Ctx() context: AtlasContext,
  ): Promise<Comparison> {
    if (slugs.length < MIN_COMPARED || slugs.length > MAX_COMPARED) {
      throw new BadInputError(
        'slugs',
        `\`slugs\` must name ${MIN_COMPARED} to ${MAX_COMPARED} concepts; got ${slugs.length}.`,
      );
    }
    const repeated = [...new Set(slugs.filter((slug, index) => slugs.indexOf(slug) !== index))];
    if (repeated.length > 0) {
      throw new BadInputError(
        'slugs',
        `\`slugs\` names ${repeated.map((slug) => `"${slug}"`).join(', ')} more than once; name each concept once.`,
      );
    }
    const data = await context.repos.compare.compareData(slugs);
    const found = new Set(data.concepts.map((concept) => concept.slug));
    const missing = slugs.filter((slug) => !found.has(slug));
    if (missing.length > 0) {
      throw conceptNotFound('slugs', missing);
    }
    return new Comparison(buildComparison(slugs, data));
  }
}
