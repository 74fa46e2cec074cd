import { Field, Int, ObjectType } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import { Relation } from '../relation/relation.type';
import type { NeighborhoodRecord } from './neighborhood.repository';

@ObjectType({
  description:
    'The part of the graph around one concept, ready for a graph drawing library: every node once and every relation between two of its nodes once (in its stored direction).',
})
export class Subgraph {
  record!: NeighborhoodRecord;

  // The constructor takes no required argument because type-graphql may instantiate the class itself.
  constructor(record?: NeighborhoodRecord) {
    if (record) this.record = record;
  }

  @Field(() => Concept, { description: 'The concept the neighborhood was asked for (also the first of `nodes`).' })
  get center(): Concept {
    return new Concept(this.record.nodes[0].concept);
  }

  @Field(() => [Concept], {
    description: 'Every concept of the subgraph once: the center first, then nearest first (by hops, then slug).',
  })
  get nodes(): Concept[] {
    return this.record.nodes.map((node) => new Concept(node.concept));
  }

  @Field(() => [Int], {
    description:
      'Hops from the center of each node, in the order of `nodes` (0 for the center); useful for a concentric layout.',
  })
  get distances(): number[] {
    return this.record.nodes.map((node) => node.distance);
  }

  @Field(() => [Relation], {
    description:
      'Every relation between two nodes of the subgraph once (by type, then from, then to); both ends are in `nodes`.',
  })
  get edges(): Relation[] {
    const bySlug = new Map(this.record.nodes.map((node) => [node.concept.slug, node.concept]));
    return this.record.edges.map(
      (edge) => new Relation(edge, { from: bySlug.get(edge.from), to: bySlug.get(edge.to) }),
    );
  }

  @Field(() => Boolean, {
    description: 'True when more concepts lay within the depth than `limit` allowed, so the farthest were left out.',
  })
  get truncated(): boolean {
    return this.record.truncated;
  }
}
