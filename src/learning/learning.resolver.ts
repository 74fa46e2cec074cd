import { Arg, Ctx, Query, Resolver } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import type { AtlasContext } from '../context';
import { conceptNotFound } from '../errors';
import { learningOrder } from './learning-order';

@Resolver()
export class LearningResolver {
  @Query(() => [Concept], {
    description:
      'What to learn, in order, to understand a concept: everything it requires, directly or through other prerequisites, with every prerequisite before what needs it (the basics first, ties by slug), and the concept itself last. NOT_FOUND naming `slug` when no concept has it; DATA_INCONSISTENT naming the cycle if the stored prerequisites go round in a circle.',
  })
  async learningPath(
    @Arg('slug', () => String, { description: 'The slug of the concept to learn, e.g. `unikernel`.' }) slug: string,
    @Ctx() context: AtlasContext,
  ): Promise<Concept[]> {
    const closure = await context.repos.learning.closure(slug);
    if (!closure) throw conceptNotFound('slug', slug);
    const ordered = learningOrder(closure);
    // Fields asked of these concepts that load by slug (relation ends) then cost nothing.
    context.loaders.readAhead.remember(ordered);
    return ordered.map((record) => new Concept(record));
  }
}
