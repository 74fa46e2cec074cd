import { Arg, Args, Ctx, Mutation, Resolver } from 'type-graphql';

import type { AtlasContext } from '../context';
import { AnswerResult } from '../quiz/quiz.type';
import { RecordAnswerArgs, ReviewConceptInput } from './learner.args';
import { learnerService } from './learner.resolver';
import type { LearnerService, RecordedReview } from './learner.service';
import { AnswerPayload, ConceptProgress, ConceptReview, ReviewPayload } from './learner.type';
import { progressOf } from './memory.model';

/** The review and the concept's memory as the payload shows them; `concept` is null when it has been retired. */
async function payload<T extends ReviewPayload>(
  target: T,
  recorded: RecordedReview,
  service: LearnerService,
  context: AtlasContext,
): Promise<T> {
  const concept = await context.loaders.readAhead.concept(recorded.review.concept);
  target.review = new ConceptReview(recorded.review, concept);
  target.progress = new ConceptProgress(
    recorded.memory.concept,
    concept,
    recorded.memory,
    progressOf(recorded.memory),
    service.now,
  );
  return target;
}

@Resolver()
export class ReviewResolver {
  @Mutation(() => ReviewPayload, {
    description:
      "Records that a learner reviewed a concept and rated their recall; the concept's memory is updated with FSRS. A retry with the same `idempotencyKey` is recorded once and gives the same review back; concurrent reviews of one learner are all recorded, one after another. Needs a credential (UNAUTHENTICATED without; FORBIDDEN for a token of another learner). BAD_USER_INPUT naming `learnerId` or `idempotencyKey` when malformed, or `idempotencyKey` when it was used for a different review; NOT_FOUND naming `concept` when no concept has that slug.",
  })
  async reviewConcept(
    @Arg('input', () => ReviewConceptInput, {
      description: 'The learner, the concept, the rating and the idempotency key.',
    })
    input: ReviewConceptInput,
    @Ctx() context: AtlasContext,
  ): Promise<ReviewPayload> {
    const service = learnerService(context, input.learnerId, 'learnerId');
    const recorded = await service.review(input.concept, input.rating, input.idempotencyKey);
    return payload(new ReviewPayload(), recorded, service, context);
  }

  @Mutation(() => AnswerPayload, {
    name: 'checkAnswer',
    description:
      "Grades a choice as `Query.checkAnswer` does, and records it as a review of the learner: GOOD when right, AGAIN when wrong, of the concept the question names (or, with `concept`, of the right answer's concept). A retry with the same `idempotencyKey` is recorded once. Needs a credential. The errors of `Query.checkAnswer`, and BAD_USER_INPUT naming `learnerId`, `idempotencyKey` or `concept` as `reviewConcept` does.",
  })
  async recordAnswer(
    @Args(() => RecordAnswerArgs) args: RecordAnswerArgs,
    @Ctx() context: AtlasContext,
  ): Promise<AnswerPayload> {
    const service = learnerService(context, args.learnerId, 'learnerId');
    const { grading, ...recorded } = await service.answer(context.services.quiz, args);
    const answer = await payload(new AnswerPayload(), recorded, service, context);
    answer.result = new AnswerResult(grading);
    return answer;
  }
}
