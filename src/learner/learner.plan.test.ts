import { LearnerGraphIndex } from './learner.graph';
import { sparseItems } from './learner.page';
import {
  conceptProgress,
  dueReviews,
  nextConcepts,
  progressList,
  progressSummary,
  sectionProgress,
} from './learner.plan';
import { MemoryPhase, type MemoryRecord, ProgressState } from './memory.model';

const NOW = new Date('2026-03-01T00:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

function memory(concept: string, overrides: Partial<MemoryRecord> = {}): MemoryRecord {
  return {
    concept,
    phase: MemoryPhase.REVIEW,
    stability: 5,
    difficulty: 5,
    due: daysAgo(-5),
    lastReview: NOW,
    reps: 2,
    lapses: 0,
    learningSteps: 0,
    scheduledDays: 5,
    ...overrides,
  };
}

// process <- signal <- sigkill; process <- application; kernel stands alone. Two sections.
const GRAPH = new LearnerGraphIndex({
  concepts: [
    { slug: 'process', source: 'A' },
    { slug: 'signal', source: 'A' },
    { slug: 'sigkill', source: 'B' },
    { slug: 'application', source: 'B' },
    { slug: 'kernel', source: 'A' },
  ],
  requires: [
    ['signal', 'process'],
    ['sigkill', 'signal'],
    ['application', 'process'],
  ],
});

const known = (slug: string, stability = 5) => [slug, memory(slug, { stability })] as const;

describe('learner queries', () => {
  it('progress lists every concept by slug with its state, the retired ones last', () => {
    const memories = new Map([
      known('process', 30),
      ['signal', memory('signal', { phase: MemoryPhase.LEARNING })],
      known('docker-pauge'),
    ]);
    expect(conceptProgress(GRAPH, memories).map((c) => `${c.slug} ${c.state}${c.retired ? ' retired' : ''}`)).toEqual([
      'application NEW',
      'kernel NEW',
      'process MASTERED',
      'sigkill NEW',
      'signal LEARNING',
      'docker-pauge REVIEW retired',
    ]);
    expect(progressSummary(GRAPH, memories)).toEqual({
      new: 3,
      learning: 1,
      review: 0,
      mastered: 1,
      total: 5,
      retired: 1,
      percent: 20,
    });
  });

  it('sections count their concepts by state and give the known share as a percentage', () => {
    const memories = new Map([known('process'), known('kernel', 40), known('sigkill')]);
    expect(sectionProgress(GRAPH, memories)).toEqual([
      { section: 'A', total: 3, new: 1, learning: 0, review: 1, mastered: 1, percent: 66.7 },
      { section: 'B', total: 2, new: 1, learning: 0, review: 1, mastered: 0, percent: 50 },
    ]);
  });

  it('due reviews: only those due, most forgotten first, retired concepts left out', () => {
    const memories = new Map([
      ['process', memory('process', { stability: 2, lastReview: daysAgo(10), due: daysAgo(8) })],
      ['signal', memory('signal', { stability: 20, lastReview: daysAgo(10), due: daysAgo(1) })],
      ['kernel', memory('kernel', { stability: 2, lastReview: daysAgo(1), due: daysAgo(-1) })],
      ['gone', memory('gone', { stability: 1, lastReview: daysAgo(30), due: daysAgo(29) })],
    ]);
    expect(dueReviews(GRAPH, memories, NOW).map((d) => d.memory.concept)).toEqual(['process', 'signal']);
  });

  it('next concepts: open ones not known, the most unlocking first, then by slug', () => {
    expect(nextConcepts(GRAPH, new Map(), null).map((n) => `${n.slug} ${n.unlocks}`)).toEqual([
      'process 2',
      'kernel 0',
    ]);
    // process known: signal and application open; a concept still in its learning steps stays a candidate.
    const memories = new Map([
      known('process'),
      ['signal', memory('signal', { phase: MemoryPhase.LEARNING })] as const,
    ]);
    expect(nextConcepts(GRAPH, new Map(memories), null).map((n) => n.slug)).toEqual([
      'signal',
      'application',
      'kernel',
    ]);
  });

  it('next concepts toward a goal put what the goal needs first', () => {
    const memories = new Map([known('process')]);
    const goal = new Set(['application', 'process']);
    expect(nextConcepts(GRAPH, memories, goal).map((n) => `${n.slug} ${n.towardGoal}`)).toEqual([
      'application true',
      'signal false',
      'kernel false',
    ]);
  });

  it('a concept whose memory is LEARNING does not open what needs it', () => {
    const memories = new Map([['process', memory('process', { phase: MemoryPhase.RELEARNING })] as const]);
    expect(nextConcepts(GRAPH, new Map(memories), null).map((n) => n.slug)).toEqual(['process', 'kernel']);
    expect(conceptProgress(GRAPH, new Map(memories)).find((c) => c.slug === 'process')!.state).toBe(
      ProgressState.LEARNING,
    );
  });
});

describe('learner lists over a random graph', () => {
  let seed = 11;
  const random = (n: number) => {
    // A 32-bit linear congruential generator, its high bits used: the same cases on every run.
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 16) % n;
  };
  const states = [
    null,
    { phase: MemoryPhase.LEARNING },
    { phase: MemoryPhase.REVIEW, stability: 5 },
    { phase: MemoryPhase.REVIEW, stability: 40 },
  ];

  it('next concepts and progress are what their definitions say, for any graph and memories', () => {
    for (let round = 0; round < 100; round += 1) {
      const slugs = Array.from({ length: 2 + random(12) }, (_, i) => `c${i}`);
      // Edges only from a later concept to an earlier one, as a learning order is, sometimes twice over.
      const requires: [string, string][] = [];
      for (let i = 1; i < slugs.length; i += 1) {
        for (let j = 0; j < i; j += 1) if (random(4) === 0) requires.push([slugs[i], slugs[j]]);
      }
      const index = new LearnerGraphIndex({ concepts: slugs.map((slug) => ({ slug, source: 'S' })), requires });
      const memories = new Map<string, MemoryRecord>();
      for (const slug of [...slugs, 'gone-1', 'gone-2']) {
        const state = states[random(states.length)];
        if (state) memories.set(slug, memory(slug, state));
      }
      const goal = random(2) === 0 ? null : slugs[random(slugs.length)];

      // The definitions, written out plainly over the whole graph.
      // Known: graduated (REVIEW or MASTERED), whatever the stability.
      const knownSlug = (slug: string) => memories.get(slug)?.phase === MemoryPhase.REVIEW;
      const needs = (slug: string) => requires.filter(([c]) => c === slug).map(([, p]) => p);
      const closure = new Set(goal ? [goal] : []);
      for (let size = -1; size !== closure.size;) {
        size = closure.size;
        for (const slug of [...closure]) for (const p of needs(slug)) closure.add(p);
      }
      const expectedNext = slugs
        .filter((slug) => !knownSlug(slug) && needs(slug).every(knownSlug))
        .map((slug) => ({
          slug,
          toward: closure.has(slug),
          unlocks: requires.filter(([, p]) => p === slug).length,
        }))
        .sort((a, b) => Number(b.toward) - Number(a.toward) || b.unlocks - a.unlocks || (a.slug < b.slug ? -1 : 1))
        .map((n) => `${n.slug} ${n.toward} ${n.unlocks}`);
      expect(
        nextConcepts(index, memories, goal ? index.closure(goal) : null).map(
          (n) => `${n.slug} ${n.towardGoal} ${n.unlocks}`,
        ),
      ).toEqual(expectedNext);

      const ordered = [...slugs].sort();
      expect(conceptProgress(index, memories).map((c) => c.slug)).toEqual([
        ...ordered,
        ...['gone-1', 'gone-2'].filter((s) => memories.has(s)),
      ]);
      const fresh = sparseItems(progressList(index, memories, ProgressState.NEW)).map((c) => c.slug);
      expect(fresh).toEqual(ordered.filter((slug) => !memories.has(slug)));
      const learning = sparseItems(progressList(index, memories, ProgressState.LEARNING)).map((c) => c.slug);
      expect(learning).toEqual(
        [...ordered, 'gone-1', 'gone-2'].filter((slug) => memories.get(slug)?.phase === MemoryPhase.LEARNING),
      );
    }
  });
});
