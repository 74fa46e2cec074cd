import { type ClassType, Field, Int, ObjectType } from 'type-graphql';

import { type CursorOf, PageInfo } from './page-info.type';

/**
 * Relay connections and edges made by one generic factory each (type-graphql's generic types): a concrete type
 * extends what the factory returns and adds its own `@ObjectType` name and description, and, for an edge, its own
 * fields after `cursor` and `node`. Only the descriptions differ between lists, so they are the arguments.
 */

export interface EdgeDescriptions {
  cursor: string;
  node: string;
}

export interface ConnectionDescriptions {
  edges: string;
  totalCount: string;
}

/** The base of an edge whose node is a `nodeType`: `cursor`, then `node`. */
export function EdgeType<TNode extends object>(nodeType: ClassType<TNode>, descriptions: EdgeDescriptions) {
  @ObjectType()
  abstract class Edge {
    /** Makes the cursor when a client first reads it (see CursorOf). */
    cursorOf!: CursorOf;

    // The constructor takes no required argument because type-graphql may instantiate the class itself.
    constructor(node?: TNode, cursorOf?: CursorOf) {
      if (node) this.node = node;
      if (cursorOf) this.cursorOf = cursorOf;
    }

    @Field(() => String, { description: descriptions.cursor })
    get cursor(): string {
      return this.cursorOf();
    }

    @Field(() => nodeType, { description: descriptions.node })
    node!: TNode;
  }
  return Edge;
}

/** The base of a page of `edgeType` edges: `edges`, `pageInfo`, `totalCount`, as toConnection fills them. */
export function ConnectionType<TEdge extends object>(edgeType: ClassType<TEdge>, descriptions: ConnectionDescriptions) {
  @ObjectType()
  abstract class Connection {
    @Field(() => [edgeType], { description: descriptions.edges })
    edges!: TEdge[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;

    // Null only when the selection does not ask for it (a filtered total is counted only then), so never sent as null.
    @Field(() => Int, { description: descriptions.totalCount })
    totalCount!: number | null;
  }
  return Connection;
}
