import { randomUUID } from 'node:crypto';

import { type BenchLearner, benchLearnerId, seededRandom } from './learners-data';
import { type Answer, postGraphQL } from './post-graphql';
import type { ServerProcess } from './server-process';

/**
 * The two learner questions the bench asks through the GraphQL API with a frontend's bearer key, as a frontend asks
 * them (the dashboard is the playground's learner tab, with the sections added), and the check that a learner the
 * bench wrote reads back, through the API, as exactly what was written.
 */

/** What the /dev playground's learner tab asks, plus the progress per section a dashboard shows beside it. */
export const DASHBOARD_QUERY = `query LearnerDashboard($id: ID!, $goal: String) {
  learner(id: $id) {
    id
    progress(first: 0) {
      summary { new learning review mastered total percent }
    }
    sections(first: 20) {
      edges { node { section new learning review mastered total percent } }
    }
    dueReviews(first: 5) {
      totalCount
      edges { node { slug state retrievability due } }
    }
    nextConcepts(goal: $goal, first: 5) {
      edges { node { concept { slug name } towardGoal unlocks } }
    }
  }
}`;

/** The playground's review tab. */
export const REVIEW_MUTATION = `mutation ReviewAsLearner($input: ReviewConceptInput!) {
  reviewConcept(input: $input) {
    review { number slug rating stateBefore stateAfter }
    progress { state stability retrievability due reviews }
  }
}`;

/** The goal of the playground's dashboard tab. */
export const DASHBOARD_GOAL = 'docker-kill';

const RATINGS = ['AGAIN', 'HARD', 'GOOD', 'EASY'] as const;

/** Request bodies for the load: a random learner of the population per request, a fresh idempotency key per review. */
export function learnerBodies(population: number, slugs: readonly string[], seed: number) {
  const random = seededRandom(seed);
  const run = randomUUID().slice(0, 8);
  let sent = 0;
  const learner = () => benchLearnerId(Math.floor(random() * population));
  return {
    dashboard: () => JSON.stringify({ query: DASHBOARD_QUERY, variables: { id: learner(), goal: DASHBOARD_GOAL } }),
    review: () =>
      JSON.stringify({
        query: REVIEW_MUTATION,
        variables: {
          input: {
            learnerId: learner(),
            concept: slugs[Math.floor(random() * slugs.length)],
            rating: RATINGS[Math.floor(random() * RATINGS.length)],
            idempotencyKey: `bench-${run}-${(sent += 1)}`,
          },
        },
      }),
  };
}

/** One request with the frontend's key (see postGraphQL). */
export function askAsFrontend(server: ServerProcess, key: string, body: string, what: string): Promise<Answer> {
  return postGraphQL(server, what, body, { authorization: `Bearer ${key}` });
}

/** Per concept, as the bench counts it from what it wrote (memory.model.ts states the rules). */
function stateOf(memory: BenchLearner['memories'][number]): 'LEARNING' | 'REVIEW' | 'MASTERED' {
  if (memory.phase !== 'REVIEW') return 'LEARNING';
  return memory.stability >= 21 ? 'MASTERED' : 'REVIEW';
}

const CHECK_QUERY = `query CheckWritten($id: ID!) {
  learner(id: $id) {
    learning: progress(state: LEARNING, first: 100) { edges { node { slug state phase stability difficulty due lastReview reviews lapses } } }
    review: progress(state: REVIEW, first: 100) { edges { node { slug state phase stability difficulty due lastReview reviews lapses } } }
    mastered: progress(state: MASTERED, first: 100) { edges { node { slug state phase stability difficulty due lastReview reviews lapses } } }
    history(first: 3) { totalCount edges { node { number idempotencyKey slug rating reviewedAt stateBefore stateAfter stability difficulty due } } }
  }
}`;

/** The API shows stability and difficulty to four decimals. */
const close = (shown: number, stored: number) => Math.abs(shown - Math.round(stored * 1e4) / 1e4) < 1e-9;

/**
 * Asks the API for a written learner's dashboard, every reviewed concept's memory and the newest reviews, and
 * compares them with what the bench wrote; then records one review and checks that it is numbered after the written
 * ones. Returns the differences found (none: the API reads the bench's learners as its own).
 */
export async function checkWrittenLearner(
  server: ServerProcess,
  key: string,
  learner: BenchLearner,
  conceptCount: number,
): Promise<string[]> {
  const problems: string[] = [];
  const id = learner.learnerId;
  const before = Date.now();
  const dashboard = await askAsFrontend(
    server,
    key,
    JSON.stringify({ query: DASHBOARD_QUERY, variables: { id, goal: DASHBOARD_GOAL } }),
    `the dashboard of ${id}`,
  );
  const details = await askAsFrontend(
    server,
    key,
    JSON.stringify({ query: CHECK_QUERY, variables: { id } }),
    `the memories of ${id}`,
  );
  const after = Date.now();
  for (const answer of [dashboard, details])
    if (answer.errors?.length) return [`the API answered with an error: ${answer.errors[0].message}`];

  const d = dashboard.data.learner;
  const counts = { LEARNING: 0, REVIEW: 0, MASTERED: 0 };
  for (const m of learner.memories) counts[stateOf(m)] += 1;
  const expected = {
    new: conceptCount - learner.memories.length,
    learning: counts.LEARNING,
    review: counts.REVIEW,
    mastered: counts.MASTERED,
    total: conceptCount,
  };
  const summary = d.progress.summary;
  for (const [field, value] of Object.entries(expected))
    if (summary[field] !== value) problems.push(`summary.${field}: the API says ${summary[field]}, written ${value}`);
  const sectionSum = (field: string) =>
    (d.sections.edges as { node: Record<string, number> }[]).reduce((sum, e) => sum + e.node[field], 0);
  for (const field of Object.keys(expected))
    if (sectionSum(field) !== summary[field])
      problems.push(`sections: ${field} adds up to ${sectionSum(field)}, the summary says ${summary[field]}`);

  const dueBefore = learner.memories.filter((m) => m.due <= before).length;
  const dueAfter = learner.memories.filter((m) => m.due <= after).length;
  const due = d.dueReviews;
  if (due.totalCount < dueBefore || due.totalCount > dueAfter)
    problems.push(`dueReviews.totalCount: the API says ${due.totalCount}, written ${dueBefore}`);
  const dueSlugs = new Set(learner.memories.filter((m) => m.due <= after).map((m) => m.concept));
  const firstDue = due.edges.map((e: any) => e.node);
  if (firstDue.length !== Math.min(5, dueBefore))
    problems.push(`dueReviews: a first page of ${firstDue.length}, expected ${Math.min(5, dueBefore)}`);
  for (const node of firstDue) if (!dueSlugs.has(node.slug)) problems.push(`dueReviews: ${node.slug} is not due`);
  for (let i = 1; i < firstDue.length; i += 1)
    if (firstDue[i].retrievability < firstDue[i - 1].retrievability)
      problems.push('dueReviews: not the most forgotten first');
  const known = new Set(learner.memories.filter((m) => stateOf(m) !== 'LEARNING').map((m) => m.concept));
  for (const e of d.nextConcepts.edges)
    if (known.has(e.node.concept.slug)) problems.push(`nextConcepts: ${e.node.concept.slug} is known already`);

  const read = new Map<string, any>();
  for (const state of ['learning', 'review', 'mastered'])
    for (const e of details.data.learner[state].edges) read.set(e.node.slug, e.node);
  if (read.size !== learner.memories.length)
    problems.push(`progress: ${read.size} concepts reviewed, written ${learner.memories.length}`);
  for (const m of learner.memories) {
    const node = read.get(m.concept);
    if (!node) {
      problems.push(`progress: ${m.concept} is missing`);
      continue;
    }
    const differs = [
      node.state !== stateOf(m) && `state ${node.state} ≠ ${stateOf(m)}`,
      node.phase !== m.phase && `phase ${node.phase} ≠ ${m.phase}`,
      !close(node.stability, m.stability) && `stability ${node.stability} ≠ ${m.stability}`,
      !close(node.difficulty, m.difficulty) && `difficulty ${node.difficulty} ≠ ${m.difficulty}`,
      node.due !== new Date(m.due).toISOString() && `due ${node.due} ≠ ${new Date(m.due).toISOString()}`,
      node.lastReview !== new Date(m.lastReview).toISOString() && `lastReview ${node.lastReview}`,
      node.reviews !== m.reps && `reviews ${node.reviews} ≠ ${m.reps}`,
      node.lapses !== m.lapses && `lapses ${node.lapses} ≠ ${m.lapses}`,
    ].filter(Boolean);
    if (differs.length) problems.push(`progress of ${m.concept}: ${differs.join(', ')}`);
  }

  const history = details.data.learner.history;
  if (history.totalCount !== learner.reviews.length)
    problems.push(`history.totalCount: the API says ${history.totalCount}, written ${learner.reviews.length}`);
  const newest = learner.reviews.slice(-3).reverse();
  history.edges.forEach((e: any, i: number) => {
    const r = newest[i];
    const n = e.node;
    if (
      !r ||
      n.number !== r.seq ||
      n.idempotencyKey !== r.idempotencyKey ||
      n.slug !== r.concept ||
      n.rating !== r.rating ||
      n.reviewedAt !== new Date(r.reviewedAt).toISOString() ||
      n.stateBefore !== r.stateBefore ||
      n.stateAfter !== r.stateAfter ||
      !close(n.stability, r.stability) ||
      !close(n.difficulty, r.difficulty) ||
      n.due !== new Date(r.due).toISOString()
    )
      problems.push(`history ${i}: the API says ${JSON.stringify(n)}, written ${JSON.stringify(r)}`);
  });

  // A review through the API continues the written history: the next number, one more review of the concept.
  const memory = learner.memories[0];
  const review = await askAsFrontend(
    server,
    key,
    JSON.stringify({
      query: REVIEW_MUTATION,
      variables: {
        input: {
          learnerId: id,
          concept: memory.concept,
          rating: 'GOOD',
          idempotencyKey: `bench-check-${randomUUID()}`,
        },
      },
    }),
    `a review by ${id}`,
  );
  if (review.errors?.length) problems.push(`a review through the API failed: ${review.errors[0].message}`);
  else {
    const { review: r, progress } = review.data.reviewConcept;
    if (r.number !== learner.reviews.length + 1)
      problems.push(`a new review is number ${r.number}, expected ${learner.reviews.length + 1}`);
    if (r.stateBefore !== stateOf(memory))
      problems.push(`a new review starts from ${r.stateBefore}, written ${stateOf(memory)}`);
    if (progress.reviews !== memory.reps + 1)
      problems.push(`after a new review the concept has ${progress.reviews} reviews, expected ${memory.reps + 1}`);
  }
  return problems;
}
