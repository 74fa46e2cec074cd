import { Args, Ctx, Mutation, Resolver } from 'type-graphql';

import type { AtlasContext } from '../context';
import { CreateLearnerTokenArgs, EraseLearnerArgs } from './access.args';
import { requireFrontend, requireLearner } from './access.guard';
import { issueLearnerToken } from './access.service';
import { ErasedLearner, LearnerToken } from './access.type';

@Resolver()
export class AccessResolver {
  @Mutation(() => LearnerToken, {
    description:
      'A short-lived token that reaches one learner only, for a browser that calls the API directly; needs the frontend key (call it from your server, never from the browser). UNAUTHENTICATED without a credential; FORBIDDEN with a learner token; BAD_USER_INPUT naming `learnerId` or `ttlSeconds` when one is out of range.',
  })
  createLearnerToken(
    @Args(() => CreateLearnerTokenArgs) args: CreateLearnerTokenArgs,
    @Ctx() context: AtlasContext,
  ): LearnerToken {
    requireFrontend(context);
    const ref = requireLearner(context, args.learnerId);
    const { token, expiresAt } = issueLearnerToken(ref, args.ttlSeconds, context.config.access);
    return Object.assign(new LearnerToken(), {
      token,
      learnerId: ref.learnerId,
      expiresAt: expiresAt.toISOString().replace('.000Z', 'Z'),
    });
  }

  @Mutation(() => ErasedLearner, {
    description:
      'Removes every trace of one of your learners: the learner and all their data (reviews, memory, progress), at once and for good. Erasing a learner that does not exist (or was erased already) succeeds and removes nothing. Needs the frontend key: UNAUTHENTICATED without a credential, FORBIDDEN with a learner token.',
  })
  async eraseLearner(
    @Args(() => EraseLearnerArgs) args: EraseLearnerArgs,
    @Ctx() context: AtlasContext,
  ): Promise<ErasedLearner> {
    requireFrontend(context);
    const ref = requireLearner(context, args.learnerId);
    const erased = await context.repos.learnerData.erase(ref);
    context.logger.info(
      { frontendId: ref.frontendId, dataNodes: erased.dataNodes, erased: erased.learner },
      'learner erased',
    );
    return Object.assign(new ErasedLearner(), {
      learnerId: ref.learnerId,
      erased: erased.learner || erased.dataNodes > 0,
      dataNodesRemoved: erased.dataNodes,
    });
  }
}
