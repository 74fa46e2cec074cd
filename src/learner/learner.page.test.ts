import { compareKeys, type CursorKey } from '../pagination/cursor';
import { type PageWindow, paginateSorted } from '../pagination/page';
import { pageOfSparse, type SparseList, sparseItems } from './learner.page';

/** A sparse list of letters: `base` in order, less the `skipped` letters, with the `extra` letters merged in. */
function letters(base: string[], skipped: string[], extra: string[]): SparseList<string> {
  return {
    base: { length: base.length, keyAt: (i) => [base[i]], itemAt: (i) => base[i] },
    skipped: new Set(skipped.map((s) => base.indexOf(s))),
    extra: extra.map((item) => ({ item, key: [item] })),
  };
}

const forward = (size: number, after: string | null = null, before: string | null = null): PageWindow => ({
  forward: true,
  size,
  after: after === null ? null : [after],
  before: before === null ? null : [before],
});
const backward = (size: number, after: string | null = null, before: string | null = null): PageWindow => ({
  ...forward(size, after, before),
  forward: false,
});

function shown(list: SparseList<string>, window: PageWindow) {
  const page = pageOfSparse(list, window);
  return {
    items: page.items.map(({ item }) => item).join(''),
    total: page.totalCount,
    next: page.hasNextPage,
    previous: page.hasPreviousPage,
  };
}

describe('pages of a sparse list', () => {
  // a c e g in the base, c skipped, b and f merged in: a b e f g.
  const list = letters(['a', 'c', 'e', 'g'], ['c'], ['b', 'f']);

  it('reads as the merged list less the skipped items', () => {
    expect(sparseItems(list).join('')).toBe('abefg');
  });

  it('pages forward and backward from the ends and from cursors', () => {
    expect(shown(list, forward(2))).toEqual({ items: 'ab', total: 5, next: true, previous: false });
    expect(shown(list, forward(2, 'b'))).toEqual({ items: 'ef', total: 5, next: true, previous: true });
    expect(shown(list, forward(2, 'f'))).toEqual({ items: 'g', total: 5, next: false, previous: true });
    expect(shown(list, backward(2))).toEqual({ items: 'fg', total: 5, next: false, previous: true });
    expect(shown(list, backward(3, null, 'f'))).toEqual({ items: 'abe', total: 5, next: true, previous: false });
    expect(shown(list, forward(10, 'a', 'g'))).toEqual({ items: 'bef', total: 5, next: true, previous: true });
  });

  it('a cursor on a skipped item or between items keeps its place', () => {
    expect(shown(list, forward(1, 'c'))).toEqual({ items: 'e', total: 5, next: true, previous: true });
    expect(shown(list, backward(1, null, 'c'))).toEqual({ items: 'b', total: 5, next: true, previous: true });
    expect(shown(list, forward(0, 'g'))).toEqual({ items: '', total: 5, next: false, previous: true });
  });

  it('nothing lies before the first item nor after the last', () => {
    const skippedAtEnds = letters(['a', 'b', 'y', 'z'], ['a', 'z'], []);
    expect(shown(skippedAtEnds, forward(5, 'a'))).toEqual({ items: 'by', total: 2, next: false, previous: false });
    expect(shown(skippedAtEnds, backward(5, null, 'z'))).toEqual({
      items: 'by',
      total: 2,
      next: false,
      previous: false,
    });
  });

  it('gives what paginateSorted gives over the list written out, for every window of random lists', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = 'abcdefghijklmnopqrstuvwxyz'.split('');
    for (let round = 0; round < 200; round += 1) {
      const picked = alphabet.filter(() => random(3) > 0);
      const base = picked.filter(() => random(4) > 0);
      const extra = picked.filter((c) => !base.includes(c));
      const skipped = base.filter(() => random(3) === 0);
      const list = letters(base, skipped, extra);
      const written = picked.filter((c) => !skipped.includes(c));
      const cursor = (): CursorKey | null => (random(3) === 0 ? null : [alphabet[random(26)]]);
      const window: PageWindow = { forward: random(2) === 0, size: random(6), after: cursor(), before: cursor() };
      const expected = paginateSorted(
        written.sort((a, b) => compareKeys([a], [b])),
        (c) => [c],
        window,
      );
      expect(pageOfSparse(list, window)).toEqual(expected);
    }
  });
});
