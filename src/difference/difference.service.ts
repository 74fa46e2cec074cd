import type { CompareRepository } from '../compare/compare.repository';
import { conceptNotFound } from '../errors';
import type { FactRepository } from '../facts/fact.repository';
import { nearestCommon } from './difference.common';
import { buildDifference, type DifferenceModel, type RelatedComparison, specialisedPairs } from './difference.model';
import type { DifferenceRepository } from './difference.repository';

/**
 * Reads what explaining a difference needs (the two concepts with their relations and stored comparison, the fact
 * graph for walking to a common concept, the index of stored comparisons) and builds the model. The reads run one
 * after the other: each is cheap once planned, and a cold database plans them faster one at a time.
 */
export class DifferenceService {
  constructor(
    private readonly compare: CompareRepository,
    private readonly facts: FactRepository,
    private readonly repo: DifferenceRepository,
  ) {}

  async difference(a: string, b: string): Promise<DifferenceModel> {
    const data = await this.compare.compareData([a, b]);
    const conceptA = data.concepts.find((concept) => concept.slug === a);
    const conceptB = data.concepts.find((concept) => concept.slug === b);
    for (const [argument, slug, found] of [
      ['a', a, conceptA],
      ['b', b, conceptB],
    ] as const) {
      if (!found) throw conceptNotFound(argument, slug);
    }
    const { graph } = await this.facts.factGraph();
    const pairs = specialisedPairs(await this.repo.comparisonIndex(), graph, a, b);
    const related: RelatedComparison[] = [];
    for (const [x, y] of pairs) {
      const pair = await this.compare.compareData([x, y]);
      const [sideA, sideB] = [pair.concepts.find((c) => c.slug === x), pair.concepts.find((c) => c.slug === y)];
      if (pair.stored && sideA && sideB) related.push({ stored: pair.stored, a: sideA, b: sideB });
    }
    // The fact graph is bounded; the concepts themselves came from the comparison read, so walk only when it has them.
    const common = graph.concept(a) && graph.concept(b) ? nearestCommon(graph, a, b) : null;
    return buildDifference(conceptA!, conceptB!, data, related, common);
  }
}
