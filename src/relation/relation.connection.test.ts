import { relationRecord } from '../../test/support/records';
import type { LimitsConfig } from '../config';
import { Direction, type RelationType } from '../graph/vocabulary';
import { decodeCursor } from '../pagination/cursor';
import { pageWindow } from '../pagination/page';
import type { RelatedRecord } from '../readahead/walk.repository';
import { relatedConnection } from './relation.connection';

const limits = { defaultPageSize: 20, maxPageSize: 100 } as LimitsConfig;
const tag = 'related:docker:*:BOTH';

/** docker's relations in compareRelated order: beta twice (a stage and a use), then alpha, then gamma. */
const sorted: RelatedRecord[] = [
  ['HAS_STAGE', 1, 'beta'],
  ['USES', 2, 'alpha'],
  ['USES', null, 'beta'],
  ['USES', null, 'gamma'],
].map(([type, order, other]) => ({
  slug: 'docker',
  relation: relationRecord(type as RelationType, 'docker', other as string, { order: order as number | null }),
  direction: Direction.OUTGOING,
  other: { slug: other as string },
}));

const window = (args: { first?: number; after?: string; last?: number; before?: string }) =>
  pageWindow(args, tag, 3, limits);

describe('relatedConnection', () => {
  it('gives the first edges, one per related concept, with cursors keyed by their first relation', () => {
    const page = relatedConnection(sorted, window({ first: 2 }), tag);
    expect(page.edges.map((edge) => edge.node.slug)).toEqual(['beta', 'alpha']);
    expect(page.edges[0].relations.map((relation) => relation.type)).toEqual(['HAS_STAGE', 'USES']);
    expect(page.totalCount).toBe(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.pageInfo.hasPreviousPage).toBe(false);
    expect(decodeCursor(page.edges[0].cursor, tag, 3)).toEqual(['HAS_STAGE', 1, 'beta']);
    expect(decodeCursor(page.pageInfo.endCursor!, tag, 3)).toEqual(['USES', 2, 'alpha']);
  });

  it('continues after a cursor of its own, and back before one', () => {
    const first = relatedConnection(sorted, window({ first: 2 }), tag);
    const rest = relatedConnection(sorted, window({ first: 2, after: first.pageInfo.endCursor! }), tag);
    expect(rest.edges.map((edge) => edge.node.slug)).toEqual(['gamma']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.pageInfo.hasPreviousPage).toBe(true);
    expect(rest.totalCount).toBe(3);
    const back = relatedConnection(sorted, window({ last: 5, before: rest.edges[0].cursor }), tag);
    expect(back.edges.map((edge) => edge.node.slug)).toEqual(['beta', 'alpha']);
    expect(back.pageInfo.hasNextPage).toBe(true);
  });

  it('gives no edges for first: 0, the whole list when it fits, and nothing for no relations', () => {
    const none = relatedConnection(sorted, window({ first: 0 }), tag);
    expect(none.edges).toEqual([]);
    expect(none.pageInfo.hasNextPage).toBe(true);
    expect(none.pageInfo.startCursor).toBeNull();
    const all = relatedConnection(sorted, window({}), tag);
    expect(all.edges.map((edge) => edge.node.slug)).toEqual(['beta', 'alpha', 'gamma']);
    expect(all.pageInfo.hasNextPage).toBe(false);
    expect(relatedConnection(sorted, window({ first: 3 }), tag).pageInfo.hasNextPage).toBe(false);
    const empty = relatedConnection([], window({ first: 5 }), tag);
    expect(empty.edges).toEqual([]);
    expect(empty.totalCount).toBe(0);
    expect(empty.pageInfo.hasNextPage).toBe(false);
    expect(empty.pageInfo.endCursor).toBeNull();
  });
});
