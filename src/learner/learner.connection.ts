import { type ClassType, Field, Int, ObjectType } from 'type-graphql';

import { Concept } from '../concept/concept.type';
import { type CursorOf, PageInfo, toConnection } from '../pagination/page-info.type';
import type { Page } from '../pagination/page';
import { ConceptProgress, ConceptReview, NextConcept, ProgressSummary, SectionProgress } from './learner.type';

/** An edge of a learner list: the node and its cursor, signed only if the cursor is read. */
export interface LearnerEdge<T> {
  cursor: string;
  node: T;
}

/**
 * One generic factory makes the edge and connection types of every learner list (as type-graphql's generic-types
 * example does), so each list has the same Relay shape with its own node type and descriptions.
 */
function Connection<T extends object>(name: string, Node: ClassType<T>, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a list, with its cursor.` })
  class Edge implements LearnerEdge<T> {
    private cursorOf!: CursorOf;

    // The constructor takes no required argument because type-graphql may instantiate the class itself.
    constructor(node?: T, cursorOf?: CursorOf) {
      if (node) this.node = node;
      if (cursorOf) this.cursorOf = cursorOf;
    }

    @Field(() => String, {
      description:
        'Opaque cursor of this edge; pass it as `after` or `before` to the same field with the same arguments.',
    })
    get cursor(): string {
      return this.cursorOf();
    }

    @Field(() => Node, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [Edge], { description: `The ${what}s on this page, in the list's order.` })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `Number of ${what}s in the whole list, over all pages.` })
    totalCount!: number;

    static of(page: Page<T>, tag: string): { edges: Edge[]; pageInfo: PageInfo; totalCount: number } {
      return toConnection(page, tag, (item, cursorOf) => new Edge(item, cursorOf));
    }
  }
  return ConnectionType;
}

@ObjectType({ description: "A page of concepts with a learner's progress on each (Relay connection)." })
export class ConceptProgressConnection extends Connection(
  'ConceptProgress',
  ConceptProgress,
  'concept with its progress',
) {
  @Field(() => ProgressSummary, {
    description: 'The counts over the whole graph, whatever the page and the `state` filter.',
  })
  summary!: ProgressSummary;
}

@ObjectType({ description: 'A page of the reviews due now (Relay connection).' })
export class DueReviewConnection extends Connection('DueReview', ConceptProgress, 'due concept') {}

@ObjectType({ description: 'A page of the concepts to learn next (Relay connection).' })
export class NextConceptConnection extends Connection('NextConcept', NextConcept, 'concept to learn next') {}

@ObjectType({ description: "A page of a learner's progress per section of the note (Relay connection)." })
export class SectionProgressConnection extends Connection('SectionProgress', SectionProgress, 'section') {}

@ObjectType({ description: "A page of a learner's reviews, newest first (Relay connection)." })
export class ConceptReviewConnection extends Connection('ConceptReview', ConceptReview, 'review') {}

@ObjectType({ description: 'A page of a learning path that leaves out what the learner knows (Relay connection).' })
export class LearnerPathConnection extends Connection('LearnerPath', Concept, 'concept to learn') {}
