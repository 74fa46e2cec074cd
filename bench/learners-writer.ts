import type { Neo4jGateway } from '../src/neo4j/gateway';
import { batches, type BenchLearner, makeLearner } from './learners-data';

/**
 * Writes made-up learners into the bench's database the fast way: one UNWIND statement per batch of learners, with
 * exactly the nodes, properties and relationships the learner repository writes when reviews arrive through the API
 * (src/learner/learner.repository.ts, src/access/access.repository.ts), so the API reads them as its own:
 *
 * (:Frontend)-[:HAS_LEARNER]->(:Learner {frontendId, learnerId, createdAt, lastWriteAt, reviewCount})
 * (:Learner)-[:REMEMBERS]->(:ConceptMemory:LearnerData {frontendId, learnerId, concept, firstReview, phase, stability,
 *   difficulty, reps, lapses, learningSteps, scheduledDays, due, lastReview})
 * (:Learner)-[:REVIEWED]->(:Review:LearnerData {frontendId, learnerId, seq, idempotencyKey, request, concept, rating,
 *   source: 'SELF', stateBefore, stateAfter, retrievabilityBefore, phase, stability, difficulty, reviewedAt, due})
 *
 * Counts are integers and dates datetimes, as the repository stores them (a self-rating sets no questionId, choice
 * or correct). Learners are created, never merged: the bench writes each learner number once.
 */

const WRITE_BATCH = `
UNWIND $learners AS x
MATCH (f:Frontend {id: $frontendId})
CREATE (f)-[:HAS_LEARNER]->(l:Learner {frontendId: $frontendId, learnerId: x.learnerId,
  createdAt: datetime({epochMillis: toInteger(x.createdAt)}), lastWriteAt: datetime({epochMillis: toInteger(x.lastWriteAt)}),
  reviewCount: toInteger(x.reviewCount)})
WITH l, x
CALL (l, x) {
  UNWIND x.memories AS m
  CREATE (l)-[:REMEMBERS]->(:ConceptMemory:LearnerData {frontendId: l.frontendId, learnerId: l.learnerId,
    concept: m.concept, firstReview: datetime({epochMillis: toInteger(m.firstReview)}), phase: m.phase,
    stability: m.stability, difficulty: m.difficulty, reps: toInteger(m.reps), lapses: toInteger(m.lapses),
    learningSteps: toInteger(m.learningSteps), scheduledDays: toInteger(m.scheduledDays),
    due: datetime({epochMillis: toInteger(m.due)}), lastReview: datetime({epochMillis: toInteger(m.lastReview)})})
}
CALL (l, x) {
  UNWIND x.reviews AS r
  CREATE (l)-[:REVIEWED]->(:Review:LearnerData {frontendId: l.frontendId, learnerId: l.learnerId,
    seq: toInteger(r.seq), idempotencyKey: r.idempotencyKey, request: r.request, concept: r.concept, rating: r.rating,
    source: 'SELF', stateBefore: r.stateBefore, stateAfter: r.stateAfter, retrievabilityBefore: r.retrievabilityBefore,
    phase: r.phase, stability: r.stability, difficulty: r.difficulty,
    reviewedAt: datetime({epochMillis: toInteger(r.reviewedAt)}), due: datetime({epochMillis: toInteger(r.due)})})
}
RETURN count(l) AS learners`;

/** Learners per statement: about 35k nodes, a transaction Neo4j's default heap takes in its stride. */
export const LEARNERS_PER_BATCH = 100;

export interface LearnerWriteResult {
  learners: number;
  memories: number;
  reviews: number;
  seconds: number;
}

export interface LearnerWriteRequest {
  frontendId: string;
  /** Learner numbers from `from` (inclusive) to `to` (exclusive). */
  from: number;
  to: number;
  slugs: readonly string[];
  perLearner: number;
  now: number;
  onBatch?: (written: LearnerWriteResult) => void;
}

function asParam(learner: BenchLearner) {
  return { ...learner, reviewCount: learner.reviews.length };
}

/**
 * Writes learners `from`..`to`. The next batch is made up while Neo4j writes the last one, so the made-up part costs
 * no wall time once Neo4j is the slower of the two.
 */
export async function writeLearners(gateway: Neo4jGateway, request: LearnerWriteRequest): Promise<LearnerWriteResult> {
  const started = performance.now();
  const total: LearnerWriteResult = { learners: 0, memories: 0, reviews: 0, seconds: 0 };
  let inFlight: Promise<unknown> | undefined;
  for (const [from, to] of batches(request.from, request.to, LEARNERS_PER_BATCH)) {
    const learners: BenchLearner[] = [];
    for (let i = from; i < to; i += 1) learners.push(makeLearner(i, request.slugs, request.perLearner, request.now));
    await inFlight;
    inFlight = gateway
      .write(WRITE_BATCH, { frontendId: request.frontendId, learners: learners.map(asParam) })
      .then((rows) => {
        const written = Number(rows[0]?.learners ?? 0);
        if (written !== learners.length)
          throw new Error(
            `wrote ${written} of ${learners.length} learners: the frontend ${request.frontendId} is missing from the database`,
          );
        total.learners += written;
        total.memories += learners.reduce((sum, l) => sum + l.memories.length, 0);
        total.reviews += learners.reduce((sum, l) => sum + l.reviews.length, 0);
        total.seconds = (performance.now() - started) / 1000;
        request.onBatch?.({ ...total });
      });
  }
  await inFlight;
  total.seconds = (performance.now() - started) / 1000;
  return total;
}
