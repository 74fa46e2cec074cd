import { hashKey, KEY_PREFIX_LENGTH, newFrontendId } from '../access/access.keys';
import { AccessRepository } from '../access/access.repository';
import type { LearnerRef } from '../access/access.types';
import type { DemoConfig } from '../config';
import { LearnerRepository } from '../learner/learner.repository';
import { ReviewRating } from '../learner/memory.model';
import type { Logger } from '../logger';
import type { Neo4jGateway } from '../neo4j/gateway';

/** The frontend a development start makes, so the explorer and the playground have a key to show the learner API with. */
export const DEVELOPMENT_FRONTEND = 'development';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The demo learner's reviews, each at a time before start-up, so the progress view shows every state: mastered,
 * review (one of them due again), learning (due now) and, for everything else, new. The idempotency keys are fixed,
 * so a restart replays them instead of adding more.
 */
const DEMO_REVIEWS: { concept: string; rating: ReviewRating; daysAgo: number }[] = [
  { concept: 'process', rating: ReviewRating.EASY, daysAgo: 120 },
  { concept: 'process', rating: ReviewRating.EASY, daysAgo: 90 },
  { concept: 'kernel', rating: ReviewRating.EASY, daysAgo: 110 },
  { concept: 'kernel', rating: ReviewRating.EASY, daysAgo: 80 },
  { concept: 'isolation', rating: ReviewRating.EASY, daysAgo: 30 },
  { concept: 'operating-system', rating: ReviewRating.EASY, daysAgo: 5 },
  { concept: 'container', rating: ReviewRating.AGAIN, daysAgo: 1 },
];

/**
 * Makes (or finds) the development frontend with the configured key, and gives its demo learner a few reviews. Only
 * called outside production: the key is a default written in the README.
 */
export async function prepareDemo(
  gateway: Neo4jGateway,
  demo: DemoConfig,
  logger: Logger,
  now = new Date(),
): Promise<LearnerRef> {
  const access = new AccessRepository(gateway);
  const keyHash = hashKey(demo.frontendKey);
  const keyPrefix = demo.frontendKey.slice(0, KEY_PREFIX_LENGTH);
  const found = (await access.keysWithPrefix(keyPrefix)).find(
    (f) => f.keyHash === keyHash && f.revokedAt === null && f.name === DEVELOPMENT_FRONTEND,
  );
  let frontendId = found?.id;
  if (!frontendId) {
    // An earlier start with another DEV_FRONTEND_KEY left a development frontend with that key: the setting wins.
    const revoked = await access.revoke(DEVELOPMENT_FRONTEND);
    if (revoked.length > 0)
      logger.info(
        { frontend: DEVELOPMENT_FRONTEND },
        'the development frontend had another key: revoked it and made it again with DEV_FRONTEND_KEY',
      );
    const created = await access.createFrontend({
      id: newFrontendId(),
      name: DEVELOPMENT_FRONTEND,
      keyHash,
      keyPrefix,
    });
    if (!created)
      throw new Error(
        'the development frontend could not be made: another start made it at the same moment; start again',
      );
    frontendId = created.id;
  }
  const ref: LearnerRef = { frontendId, learnerId: demo.learnerId };
  const learners = new LearnerRepository(gateway);
  for (const [index, review] of DEMO_REVIEWS.entries()) {
    const at = new Date(now.getTime() - review.daysAgo * DAY);
    const outcome = await learners.review(
      ref,
      { concept: review.concept, rating: review.rating, idempotencyKey: `demo-${index + 1}`, source: { kind: 'SELF' } },
      () => at,
    );
    if (outcome.kind === 'unknownConcept')
      logger.warn({ concept: review.concept }, 'a demo review names a concept the graph does not have: skipped');
  }
  logger.info(
    { frontend: DEVELOPMENT_FRONTEND, learnerId: demo.learnerId },
    'development only: the development frontend and its demo learner are ready (DEV_FRONTEND_KEY)',
  );
  return ref;
}
