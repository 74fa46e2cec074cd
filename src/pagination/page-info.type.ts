import { Field, ObjectType, registerEnumType } from 'type-graphql';

import { encodeCursor } from './cursor';
import type { Page } from './page';

/** Ascending or descending; shared by every `orderBy` input. */
export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction. Ties are broken by slug in the same direction, so every order is total.',
  valuesConfig: {
    ASC: { description: 'Smallest first (A to Z, 0 up).' },
    DESC: { description: 'Largest first (Z to A, high to low).' },
  },
});

@ObjectType({ description: 'Relay page information: where this page sits in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, {
    description: 'True when items follow this page; fetch them with `first` and `after: endCursor`.',
  })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description: 'True when items precede this page; fetch them with `last` and `before: startCursor`.',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Cursor of the first edge. On an empty page, the cursor the page was asked from (`after` going forward, `before` going backward), so following it continues from the same place; null when that was an end of the list (no cursor given), where asking again without a cursor continues from that same end.',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Cursor of the last edge. On an empty page, the cursor the page was asked from (`after` going forward, `before` going backward), so following it continues from the same place; null when that was an end of the list (no cursor given), where asking again without a cursor continues from that same end.',
  })
  endCursor!: string | null;
}

/**
 * PageInfo for edges that already carry their cursors; an empty page's cursors are its position (Page.position).
 * The cursors are made when a client reads them, as the edges' own are: each is an HMAC, and most selections of a
 * list (every nested `related`) never ask for its page info.
 */
export function pageInfoOf(
  edges: { cursor: string }[],
  page: { hasNextPage: boolean; hasPreviousPage: boolean },
  position: () => string | null = () => null,
): PageInfo {
  return {
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    get startCursor() {
      return edges.length > 0 ? edges[0].cursor : position();
    },
    get endCursor() {
      return edges.length > 0 ? edges[edges.length - 1].cursor : position();
    },
  };
}

/** Makes an edge's cursor when it is first read: signing is an HMAC per edge, and most clients never ask for it. */
export type CursorOf = () => string;

/**
 * A page as a Relay connection: one edge per item with its signed cursor (made only if the edge's `cursor` is read),
 * page info and the total count.
 */
export function toConnection<T, E extends { cursor: string }, Total extends number | null>(
  page: Page<T, Total>,
  tag: string,
  toEdge: (item: T, cursorOf: CursorOf) => E,
): { edges: E[]; pageInfo: PageInfo; totalCount: Total } {
  const edges = page.items.map(({ item, key }) => toEdge(item, () => encodeCursor(tag, key)));
  return {
    edges,
    pageInfo: pageInfoOf(edges, page, () => (page.position ? encodeCursor(tag, page.position) : null)),
    totalCount: page.totalCount,
  };
}
