import { LearnerGraphIndex } from './learner.graph';
import { conceptProgress, dueReviews, nextConcepts, progressSummary, sectionProgress } from './learner.plan';
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
