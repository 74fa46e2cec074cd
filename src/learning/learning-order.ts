import type { ConceptRecord } from '../graph/graph.model';
import { AtlasError, ErrorCode } from '../errors';
import type { PrerequisiteClosure } from './learning.repository';

/** The LEARN_AFTER relations of the stored graph go round in a circle, so no learning order exists. */
export class PrerequisiteCycleError extends AtlasError {
  constructor(
    readonly target: string,
    readonly cycle: string[],
  ) {
    super(
      ErrorCode.DATA_INCONSISTENT,
      `The prerequisites of "${target}" go round in a circle: ${cycle.join(' → ')} (each is learned after the next), so no learning order exists. ` +
        'The graph data must be fixed: remove one of these LEARN_AFTER relations.',
      { cycle },
    );
    this.name = 'PrerequisiteCycleError';
  }
}

/**
 * A learning order of the closure: every prerequisite before each concept that requires it, the target last. Concepts
 * are taken level by level, where a concept's level is the length of the longest prerequisite chain below it (the
 * basics, which require nothing, are level 0), and by slug within a level, so the order is the same on every call.
 * Throws PrerequisiteCycleError, naming the cycle, when the LEARN_AFTER relations contain one.
 */
export function learningOrder(closure: PrerequisiteClosure): ConceptRecord[] {
  const prerequisites = new Map<string, string[]>(closure.concepts.map((concept) => [concept.slug, []]));
  for (const [concept, prerequisite] of closure.requires) {
    if (prerequisites.has(concept) && prerequisites.has(prerequisite)) prerequisites.get(concept)!.push(prerequisite);
  }
  for (const list of prerequisites.values()) list.sort();
  const level = levels(closure.target.slug, prerequisites);
  return [...closure.concepts].sort((a, b) => level.get(a.slug)! - level.get(b.slug)! || a.slug.localeCompare(b.slug));
}

/**
 * The level of every concept, by depth-first search. A LEARN_AFTER edge back to a concept still on the search stack
 * closes a cycle; the stack from that concept on is the cycle.
 */
function levels(target: string, prerequisites: Map<string, string[]>): Map<string, number> {
  const level = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  // Iterative, so a long prerequisite chain cannot overflow the call stack.
  const visit = (start: string) => {
    const frames: { slug: string; next: number }[] = [{ slug: start, next: 0 }];
    stack.push(start);
    onStack.add(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const below = prerequisites.get(frame.slug)!;
      if (frame.next < below.length) {
        const prerequisite = below[frame.next];
        frame.next += 1;
        if (onStack.has(prerequisite))
          throw new PrerequisiteCycleError(target, [...stack.slice(stack.indexOf(prerequisite)), prerequisite]);
        if (level.has(prerequisite)) continue;
        frames.push({ slug: prerequisite, next: 0 });
        stack.push(prerequisite);
        onStack.add(prerequisite);
        continue;
      }
      level.set(
        frame.slug,
        below.reduce((highest, prerequisite) => Math.max(highest, level.get(prerequisite)! + 1), 0),
      );
      frames.pop();
      stack.pop();
      onStack.delete(frame.slug);
    }
  };
  visit(target);
  // Every concept of the closure is reachable from the target; this only guards against a caller passing more.
  for (const slug of [...prerequisites.keys()].sort()) if (!level.has(slug)) visit(slug);
  return level;
}
