import neo4j, { type ManagedTransaction } from 'neo4j-driver';

import { ensureLearner } from '../access/access.repository';
import type { LearnerRef } from '../access/access.types';
import { toConceptRef } from '../graph/graph.model';
import { RelationType } from '../graph/vocabulary';
import type { Neo4jGateway } from '../neo4j/gateway';
import { type LearnerGraphCache, LearnerGraphIndex, processLearnerGraphs } from './learner.graph';
import {
  applyReview,
  type MemoryPhase,
  type MemoryRecord,
  progressOf,
  type ProgressState,
  retrievability,
  type ReviewRating,
} from './memory.model';

/**
 * The Cypher of learner memory. Stored as (model in src/graph/graph.model.ts for the rest of the graph):
 *
 * (:Learner)-[:REMEMBERS]->(:ConceptMemory:LearnerData {frontendId, learnerId, concept (slug), phase, stability,
 *   difficulty, due, lastReview, firstReview, reps, lapses, learningSteps, scheduledDays})
 * (:Learner)-[:REVIEWED]->(:Review:LearnerData {frontendId, learnerId, idempotencyKey, request, seq, concept, rating,
 *   reviewedAt, source, questionId, choice, correct, stateBefore, stateAfter, retrievabilityBefore, phase, stability,
 *   difficulty, due})
 * Learner.reviewCount numbers the reviews (Review.seq), so history has a total order even within one millisecond.
 *
 * Concepts are named by slug, never by a relationship, so a re-seed cannot delete a learner's memory: a concept
 * that left the graph keeps its memory and history and reads as retired.
 */

/** What the review was: a self-rating, or a graded answer to a question about the concept. */
export type ReviewSource = { kind: 'SELF' } | { kind: 'QUIZ'; questionId: string; choice: string; correct: boolean };

export interface ReviewRequest {
  concept: string;
  rating: ReviewRating;
  idempotencyKey: string;
  source: ReviewSource;
}

export interface ReviewRecord {
  seq: number;
  idempotencyKey: string;
  concept: string;
  rating: ReviewRating;
  reviewedAt: Date;
  source: 'SELF' | 'QUIZ';
  questionId: string | null;
  choice: string | null;
  correct: boolean | null;
  stateBefore: ProgressState;
  stateAfter: ProgressState;
  /** The probability of recall just before the review (0 for the first review). */
  retrievabilityBefore: number;
  phase: MemoryPhase;
  stability: number;
  difficulty: number;
  due: Date;
}

export type ReviewOutcome =
  | { kind: 'written' | 'replayed'; review: ReviewRecord; memory: MemoryRecord }
  /** The idempotency key was used before for a different review. */
  | { kind: 'conflict'; review: ReviewRecord }
  | { kind: 'unknownConcept' }
  /** The frontend was revoked while the request ran. */
  | { kind: 'noFrontend' };

/** The graph's index (concepts, sections, learning order) and one learner's memories. */
export interface LearnerSnapshot {
  index: LearnerGraphIndex;
  memories: Map<string, MemoryRecord>;
}

const MEMORY_FIELDS = `.concept, .phase, .stability, .difficulty, .reps, .lapses, .learningSteps, .scheduledDays,
  due: m.due.epochMillis, lastReview: m.lastReview.epochMillis`;

const REVIEW_FIELDS = `.seq, .idempotencyKey, .request, .concept, .rating, .source, .questionId, .choice, .correct, .stateBefore,
  .stateAfter, .retrievabilityBefore, .phase, .stability, .difficulty, reviewedAt: r.reviewedAt.epochMillis, due: r.due.epochMillis`;

function toMemory(row: Record<string, unknown>): MemoryRecord {
  return {
    concept: row.concept as string,
    phase: row.phase as MemoryPhase,
    stability: row.stability as number,
    difficulty: row.difficulty as number,
    due: new Date(row.due as number),
    lastReview: new Date(row.lastReview as number),
    reps: row.reps as number,
    lapses: row.lapses as number,
    learningSteps: row.learningSteps as number,
    scheduledDays: row.scheduledDays as number,
  };
}

function toReview(row: Record<string, unknown>): ReviewRecord {
  return {
    seq: row.seq as number,
    idempotencyKey: row.idempotencyKey as string,
    concept: row.concept as string,
    rating: row.rating as ReviewRating,
    reviewedAt: new Date(row.reviewedAt as number),
    source: row.source as 'SELF' | 'QUIZ',
    questionId: (row.questionId as string | null) ?? null,
    choice: (row.choice as string | null) ?? null,
    correct: (row.correct as boolean | null) ?? null,
    stateBefore: row.stateBefore as ProgressState,
    stateAfter: row.stateAfter as ProgressState,
    retrievabilityBefore: row.retrievabilityBefore as number,
    phase: row.phase as MemoryPhase,
    stability: row.stability as number,
    difficulty: row.difficulty as number,
    due: new Date(row.due as number),
  };
}

/** What makes two review requests the same: a retry must ask for exactly what the first request did. */
function fingerprint(request: ReviewRequest): string {
  const { source } = request;
  return JSON.stringify([
    request.concept,
    request.rating,
    source.kind,
    source.kind === 'QUIZ' ? [source.questionId, source.choice] : null,
  ]);
}

/** A page of history as read: newest first going forward. */
export interface HistoryWindow {
  forward: boolean;
  size: number;
  /** Review numbers the page lies strictly between (after: older than; before: newer than). */
  afterSeq: number | null;
  beforeSeq: number | null;
}

export class LearnerRepository {
  constructor(
    private readonly db: Neo4jGateway,
    private readonly graphs: LearnerGraphCache = processLearnerGraphs,
  ) {}

  /**
   * Records one review in one write transaction. The learner's node is write-locked first (ensureLearner), so
   * concurrent reviews of one learner run one after another and each reads the memory the previous one wrote; the
   * idempotency key is looked up under that lock, so a retry (even one sent while the first is still running) finds
   * the first review and changes nothing.
   */
  review(ref: LearnerRef, request: ReviewRequest, clock: () => Date = () => new Date()): Promise<ReviewOutcome> {
    return this.db.writeTransaction(async (tx) => {
      if (!(await ensureLearner(tx, ref))) return { kind: 'noFrontend' };
      const found = await tx.run(
        `MATCH (l:Learner {frontendId: $frontendId, learnerId: $learnerId})
         OPTIONAL MATCH (r:Review {frontendId: $frontendId, learnerId: $learnerId, idempotencyKey: $key})
         OPTIONAL MATCH (m:ConceptMemory {frontendId: $frontendId, learnerId: $learnerId, concept: $concept})
         RETURN r { ${REVIEW_FIELDS} } AS review, m { ${MEMORY_FIELDS} } AS memory,
                EXISTS { MATCH (:Concept {slug: $concept}) } AS conceptExists, coalesce(l.reviewCount, 0) AS reviewCount`,
        { ...ref, key: request.idempotencyKey, concept: request.concept },
      );
      const row = found.records[0].toObject();
      if (row.review) {
        const earlier = row.review as Record<string, unknown>;
        if (earlier.request !== fingerprint(request)) return { kind: 'conflict', review: toReview(earlier) };
        const memory = await this.memoryOf(tx, ref, earlier.concept as string);
        return { kind: 'replayed', review: toReview(earlier), memory: memory! };
      }
      if (!row.conceptExists) return { kind: 'unknownConcept' };
      const now = clock();
      const before = row.memory ? toMemory(row.memory as Record<string, unknown>) : null;
      const after = applyReview(request.concept, before, request.rating, now);
      const seq = (row.reviewCount as number) + 1;
      const { source } = request;
      const review: ReviewRecord = {
        seq,
        idempotencyKey: request.idempotencyKey,
        concept: request.concept,
        rating: request.rating,
        reviewedAt: now,
        source: source.kind,
        questionId: source.kind === 'QUIZ' ? source.questionId : null,
        choice: source.kind === 'QUIZ' ? source.choice : null,
        correct: source.kind === 'QUIZ' ? source.correct : null,
        stateBefore: progressOf(before),
        stateAfter: progressOf(after),
        retrievabilityBefore: retrievability(before, now),
        phase: after.phase,
        stability: after.stability,
        difficulty: after.difficulty,
        due: after.due,
      };
      await tx.run(
        `MATCH (l:Learner {frontendId: $frontendId, learnerId: $learnerId})
         SET l.reviewCount = $review.seq
         MERGE (m:ConceptMemory:LearnerData {frontendId: $frontendId, learnerId: $learnerId, concept: $memory.concept})
           ON CREATE SET m.firstReview = datetime({epochMillis: $now})
         MERGE (l)-[:REMEMBERS]->(m)
         SET m.phase = $memory.phase, m.stability = $memory.stability, m.difficulty = $memory.difficulty, m.reps = $memory.reps,
             m.lapses = $memory.lapses, m.learningSteps = $memory.learningSteps, m.scheduledDays = $memory.scheduledDays,
             m.due = datetime({epochMillis: $memory.due}), m.lastReview = datetime({epochMillis: $memory.lastReview})
         CREATE (l)-[:REVIEWED]->(r:Review:LearnerData {frontendId: $frontendId, learnerId: $learnerId})
         SET r += $review, r.request = $request, r.reviewedAt = datetime({epochMillis: $now}), r.due = datetime({epochMillis: $memory.due})`,
        {
          ...ref,
          now: neo4j.int(now.getTime()),
          request: fingerprint(request),
          memory: {
            ...after,
            due: neo4j.int(after.due.getTime()),
            lastReview: neo4j.int(after.lastReview.getTime()),
            reps: neo4j.int(after.reps),
            lapses: neo4j.int(after.lapses),
            learningSteps: neo4j.int(after.learningSteps),
            scheduledDays: neo4j.int(after.scheduledDays),
          },
          // Dates are written as datetimes below; counts as integers, not the floats JavaScript numbers become.
          review: { ...review, seq: neo4j.int(seq), reviewedAt: null, due: null },
        },
      );
      return { kind: 'written', review, memory: after };
    });
  }

  private async memoryOf(tx: ManagedTransaction, ref: LearnerRef, concept: string): Promise<MemoryRecord | null> {
    const result = await tx.run(
      `MATCH (m:ConceptMemory {frontendId: $frontendId, learnerId: $learnerId, concept: $concept}) RETURN m { ${MEMORY_FIELDS} } AS memory`,
      { ...ref, concept },
    );
    const memory = result.records[0]?.get('memory') as Record<string, unknown> | undefined;
    return memory ? toMemory(memory) : null;
  }

  /**
   * The graph's index and the learner's memories, in one round trip. The round trip reads the graph version (the
   * seed's hash and time, and the counts of concepts and of learning-order relations, which Neo4j keeps as counts) and
   * the learner's memories from the learner's node; the concepts and their learning order are read only when the
   * version is not the one the cache holds, in the same round trip, and the index built from them is kept for the
   * next request.
   */
  async snapshot(ref: LearnerRef): Promise<LearnerSnapshot> {
    const cachedVersion = this.graphs.version;
    const [row] = await this.db.read(
      `CALL () {
         OPTIONAL MATCH (s:SeedState {key: 'seed'})
         RETURN coalesce(s.hash, '') + ' ' + coalesce(toString(s.seededAt), '') AS seed
       }
       CALL () { MATCH (c:Concept) RETURN count(c) AS conceptCount }
       CALL () { MATCH ()-[r:${RelationType.LEARN_AFTER}]->() RETURN count(r) AS requireCount }
       WITH seed + ' ' + toString(conceptCount) + ' ' + toString(requireCount) AS version
       // The unwound list is empty when the cache holds this version, so the scans below never start (a WHERE on
       // the version alone is planned after the scan, and would read every concept to keep none).
       CALL (version) {
         UNWIND CASE WHEN version = $cachedVersion THEN [] ELSE [version] END AS stale
         MATCH (c:Concept)
         RETURN collect(c { .slug, .kind, .nameKo, .nameEn, .source }) AS concepts
       }
       CALL (version) {
         UNWIND CASE WHEN version = $cachedVersion THEN [] ELSE [version] END AS stale
         MATCH (a:Concept)-[:${RelationType.LEARN_AFTER}]->(b:Concept)
         RETURN collect([a.slug, b.slug]) AS requires
       }
       CALL () {
         OPTIONAL MATCH (:Learner {frontendId: $frontendId, learnerId: $learnerId})-[:REMEMBERS]->(m:ConceptMemory)
         RETURN collect(m { ${MEMORY_FIELDS} }) AS memories
       }
       RETURN version, concepts, requires, memories`,
      { ...ref, cachedVersion },
    );
    const version = row.version as string;
    let index = this.graphs.get(version);
    if (!index) {
      index = new LearnerGraphIndex({
        concepts: (row.concepts as Record<string, unknown>[]).map((c) => ({
          ...toConceptRef(c),
          source: (c.source as string | null) ?? '',
        })),
        requires: row.requires as [string, string][],
      });
      this.graphs.set(version, index);
    }
    const memories = (row.memories as Record<string, unknown>[]).map(toMemory);
    return { index, memories: new Map(memories.map((m) => [m.concept, m])) };
  }

  /**
   * A page of the learner's reviews, newest first, optionally of one concept, with the total and whether reviews
   * lie beyond the cursors; one round trip.
   */
  async history(
    ref: LearnerRef,
    window: HistoryWindow,
    concept: string | null,
  ): Promise<{ reviews: ReviewRecord[]; total: number; beyondAfter: boolean; beyondBefore: boolean }> {
    const [row] = await this.db.read(
      `CALL () {
         MATCH (r:Review {frontendId: $frontendId, learnerId: $learnerId})
         WHERE $concept IS NULL OR r.concept = $concept
         RETURN count(r) AS total,
                $afterSeq IS NOT NULL AND sum(CASE WHEN r.seq >= $afterSeq THEN 1 ELSE 0 END) > 0 AS beyondAfter,
                $beforeSeq IS NOT NULL AND sum(CASE WHEN r.seq <= $beforeSeq THEN 1 ELSE 0 END) > 0 AS beyondBefore
       }
       CALL () {
         MATCH (r:Review {frontendId: $frontendId, learnerId: $learnerId})
         WHERE ($concept IS NULL OR r.concept = $concept)
           AND ($afterSeq IS NULL OR r.seq < $afterSeq) AND ($beforeSeq IS NULL OR r.seq > $beforeSeq)
         WITH r ORDER BY CASE WHEN $forward THEN -r.seq ELSE r.seq END
         LIMIT $limit
         RETURN collect(r { ${REVIEW_FIELDS} }) AS reviews
       }
       RETURN total, beyondAfter, beyondBefore, reviews`,
      {
        ...ref,
        concept,
        afterSeq: window.afterSeq === null ? null : neo4j.int(window.afterSeq),
        beforeSeq: window.beforeSeq === null ? null : neo4j.int(window.beforeSeq),
        forward: window.forward,
        limit: neo4j.int(window.size + 1),
      },
    );
    return {
      reviews: (row.reviews as Record<string, unknown>[]).map(toReview),
      total: row.total as number,
      beyondAfter: row.beyondAfter as boolean,
      beyondBefore: row.beyondBefore as boolean,
    };
  }
}
