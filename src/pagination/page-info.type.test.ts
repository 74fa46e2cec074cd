import { toConnection } from './page-info.type';

/** A page of three items as paginateSorted makes it, with keys the cursors are made from. */
const page = {
  items: [
    { item: 'a', key: ['a'] },
    { item: 'b', key: ['b'] },
    { item: 'c', key: ['c'] },
  ],
  hasNextPage: true,
  hasPreviousPage: false,
  position: null,
  totalCount: 7,
};

describe('toConnection', () => {
  it('signs no cursor until a client reads one, page info included', () => {
    const made: string[] = [];
    const connection = toConnection(page, 'test', (item, cursorOf) => ({
      item,
      get cursor() {
        made.push(item);
        return cursorOf();
      },
    }));
    expect(made).toEqual([]);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(connection.pageInfo.hasPreviousPage).toBe(false);
    expect(connection.totalCount).toBe(7);
    expect(made).toEqual([]);
    expect(connection.pageInfo.endCursor).toBe(connection.edges[2].cursor);
    expect(connection.pageInfo.startCursor).toBe(connection.edges[0].cursor);
    expect(made).toEqual(['c', 'c', 'a', 'a']);
    expect(connection.pageInfo.startCursor).not.toBe(connection.pageInfo.endCursor);
  });

  it('gives an empty page the position it was asked from as both cursors, and null at an end', () => {
    const toEdge = (item: string, cursorOf: () => string) => ({ item, cursor: cursorOf() });
    const empty = toConnection({ ...page, items: [], position: ['b'] }, 'test', toEdge);
    const after = toConnection(page, 'test', toEdge).edges[1].cursor;
    expect(empty.pageInfo.startCursor).toBe(after);
    expect(empty.pageInfo.endCursor).toBe(after);
    const atEnd = toConnection({ ...page, items: [], position: null }, 'test', toEdge);
    expect(atEnd.pageInfo.startCursor).toBeNull();
    expect(atEnd.pageInfo.endCursor).toBeNull();
  });
});
