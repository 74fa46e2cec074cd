import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import { requireLearner } from '../access/access.guard';
import { Concept } from '../concept/concept.type';
import type { AtlasContext } from '../context';
import { Tour, TourStep } from '../tour/tour.type';
import {
  HistoryArgs,
  LearnerPageArgs,
  LearnerPathArgs,
  LearnerTourArgs,
  NextConceptsArgs,
  ProgressArgs,
} from './learner.args';
import {
  ConceptProgressConnection,
  ConceptReviewConnection,
  DueReviewConnection,
  LearnerPathConnection,
  NextConceptConnection,
  SectionProgressConnection,
} from './learner.connection';
import { LearnerService } from './learner.service';
import { ConceptProgress, ConceptReview, Learner, NextConcept, ProgressSummary, SectionProgress } from './learner.type';

/** The learner service of a request for one learner. */
export function learnerService(context: AtlasContext, learnerId: string, argument: string): LearnerService {
  return new LearnerService(requireLearner(context, learnerId, argument), context.repos.learner, context.config.limits);
}

@Resolver(() => Learner)
export class LearnerResolver {
  @Query(() => Learner, {
    description:
      'One learner of the calling frontend. Needs a credential: the frontend key (any of its learners) or a learner token (its own learner only). UNAUTHENTICATED without one; FORBIDDEN for a token of another learner; BAD_USER_INPUT naming `id` when it is not 1 to 128 printable characters.',
  })
  learner(
    @Arg('id', () => ID, { description: 'Your own id of the learner, e.g. `u-1842`.' }) id: string,
    @Ctx() context: AtlasContext,
  ): Learner {
    return new Learner(learnerService(context, id, 'id'));
  }

  @FieldResolver(() => ConceptProgressConnection, {
    description:
      "Every concept of the graph with the learner's state (NEW, LEARNING, REVIEW, MASTERED) and memory, by slug; then the retired concepts the learner reviewed. `summary` counts the whole graph.",
  })
  async progress(
    @Root() learner: Learner,
    @Args(() => ProgressArgs) args: ProgressArgs,
  ): Promise<ConceptProgressConnection> {
    const service = learner.service!;
    const { page, summary } = await service.progress(args, args.state ?? null);
    const connection = ConceptProgressConnection.of(
      {
        ...page,
        items: page.items.map(({ item, key }) => ({
          item: new ConceptProgress(item.slug, item.concept, item.memory, item.state, service.now),
          key,
        })),
      },
      `learner-progress:${args.state ?? ''}`,
    );
    return Object.assign(new ConceptProgressConnection(), connection, {
      summary: Object.assign(new ProgressSummary(), summary),
    });
  }

  @FieldResolver(() => SectionProgressConnection, {
    description:
      "Progress per section of the study note: each section's concepts by state, and the share known as a percentage. Sections by name.",
  })
  async sections(
    @Root() learner: Learner,
    @Args(() => LearnerPageArgs) args: LearnerPageArgs,
  ): Promise<SectionProgressConnection> {
    const page = await learner.service!.sections(args);
    return Object.assign(
      new SectionProgressConnection(),
      SectionProgressConnection.of(
        {
          ...page,
          items: page.items.map(({ item, key }) => ({ item: Object.assign(new SectionProgress(), item), key })),
        },
        'learner-sections',
      ),
    );
  }

  @FieldResolver(() => DueReviewConnection, {
    description:
      'The concepts due for review now, the most forgotten (lowest retrievability) first, then by slug. Retired concepts are never due.',
  })
  async dueReviews(
    @Root() learner: Learner,
    @Args(() => LearnerPageArgs) args: LearnerPageArgs,
  ): Promise<DueReviewConnection> {
    const service = learner.service!;
    const page = await service.due(args);
    const items = page.items.map(({ item, key }) => ({
      item: new ConceptProgress(item.slug, item.concept, item.memory, item.state, service.now),
      key,
    }));
    return Object.assign(new DueReviewConnection(), DueReviewConnection.of({ ...page, items }, 'learner-due'));
  }

  @FieldResolver(() => NextConceptConnection, {
    description:
      'The concepts to learn next: not known yet (NEW or LEARNING) and every concept they are learned after known. With `goal`, those the goal needs come first; then those that open the way to more concepts; then by slug. NOT_FOUND naming `goal` when no concept has that slug.',
  })
  async nextConcepts(
    @Root() learner: Learner,
    @Args(() => NextConceptsArgs) args: NextConceptsArgs,
  ): Promise<NextConceptConnection> {
    const page = await learner.service!.next(args, args.goal ?? null);
    const items = page.items.map(({ item, key }) => ({
      item: new NextConcept(item.concept!, item.state, item.towardGoal, item.unlocks),
      key,
    }));
    return Object.assign(
      new NextConceptConnection(),
      NextConceptConnection.of({ ...page, items }, `learner-next:${args.goal ?? ''}`),
    );
  }

  @FieldResolver(() => LearnerPathConnection, {
    description:
      'What to learn, in order, to understand a concept (as `Query.learningPath`), without the concepts the learner knows (REVIEW or MASTERED). Empty when the learner knows the concept and all it needs. NOT_FOUND naming `slug` when no concept has it.',
  })
  async learningPath(
    @Root() learner: Learner,
    @Args(() => LearnerPathArgs) args: LearnerPathArgs,
    @Ctx() context: AtlasContext,
  ): Promise<LearnerPathConnection> {
    const page = await learner.service!.path(args, args.slug, context.repos.learning);
    context.loaders.readAhead.remember(page.items.map(({ item }) => item));
    const items = page.items.map(({ item, key }) => ({ item: new Concept(item), key }));
    return Object.assign(
      new LearnerPathConnection(),
      LearnerPathConnection.of({ ...page, items }, `learner-path:${args.slug}`),
    );
  }

  @FieldResolver(() => Tour, {
    description:
      'A guided walk to `to` (as `Query.tour`) that leaves out every concept the learner knows (REVIEW or MASTERED); `skipped` counts them. The target alone when the learner knows all it needs. NOT_FOUND naming `to` when no concept has that slug.',
  })
  async tour(
    @Root() learner: Learner,
    @Args(() => LearnerTourArgs) args: LearnerTourArgs,
    @Ctx() context: AtlasContext,
  ): Promise<Tour> {
    const model = await learner.service!.tour(args.to, context.services.tour);
    const steps = model.steps.map(
      (step) => new TourStep(step, model.concepts, model.checks.get(step.concept.slug) ?? null, args.lang),
    );
    return new Tour(model.from, model.to, steps, model.skipped);
  }

  @FieldResolver(() => ConceptReviewConnection, {
    description:
      "The learner's reviews, newest first, optionally of one concept; the reviews of retired concepts are kept.",
  })
  async history(
    @Root() learner: Learner,
    @Args(() => HistoryArgs) args: HistoryArgs,
    @Ctx() context: AtlasContext,
  ): Promise<ConceptReviewConnection> {
    const page = await learner.service!.history(args, args.concept ?? null);
    const records = await Promise.all(
      [...new Set(page.items.map(({ item }) => item.concept))].map((slug) => context.loaders.readAhead.concept(slug)),
    );
    const concepts = new Map(records.flatMap((r) => (r === null ? [] : [[r.slug, r] as const])));
    const items = page.items.map(({ item, key }) => ({
      item: new ConceptReview(item, concepts.get(item.concept) ?? null),
      key,
    }));
    return Object.assign(
      new ConceptReviewConnection(),
      ConceptReviewConnection.of({ ...page, items }, `learner-history:${args.concept ?? ''}`),
    );
  }
}
