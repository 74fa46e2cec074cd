import { Args, Ctx, Query, Resolver } from 'type-graphql';

import type { AtlasContext } from '../context';
import { BadInputError } from '../errors';
import { TourArgs } from './tour.args';
import { Tour, TourStep } from './tour.type';

@Resolver(() => Tour)
export class TourResolver {
  @Query(() => Tour, {
    description:
      'A guided walk to `to`: everything it requires that the learner does not know yet (with `from`, that concept and all it requires count as known), prerequisites first, the target last, each step with why it comes now and a check question. The same arguments give the same tour. BAD_USER_INPUT naming `to` when it equals `from`; NOT_FOUND naming `from` or `to` when no concept has that slug; DATA_INCONSISTENT if the stored prerequisites go round in a circle.',
  })
  async tour(@Args(() => TourArgs) args: TourArgs, @Ctx() context: AtlasContext): Promise<Tour> {
    const from = args.from ?? null;
    if (from === args.to)
      throw new BadInputError(
        'to',
        '`from` and `to` are the same concept; ask for a tour to a concept you do not know yet.',
      );
    const model = await context.services.tour.tour(from, args.to);
    const steps = model.steps.map(
      (step) => new TourStep(step, model.concepts, model.checks.get(step.concept.slug) ?? null, args.lang),
    );
    return new Tour(model.from, model.to, steps, model.skipped);
  }
}
