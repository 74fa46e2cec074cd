import { type CursorKey, compareKeys } from '../pagination/cursor';
import { assemblePage, type Page, type PageWindow } from '../pagination/page';

/**
 * A sorted list that is mostly the same for every learner: a long run kept per graph version (`base`, e.g. every
 * concept by slug) less a few of its positions (`skipped`, e.g. the concepts this learner has reviewed), merged with
 * a short run made per request (`extra`, e.g. the retired concepts the learner reviewed). A page of it is cut by
 * binary search and a walk over the page, so it costs the page and the learner's share, not the length of `base`.
 */
export interface SparseList<T> {
  base: { length: number; keyAt(index: number): CursorKey; itemAt(index: number): T };
  /** Positions of `base` that are not in the list. */
  skipped: ReadonlySet<number>;
  /** Items that are not in `base`, sorted by key; no key equals one of `base`. */
  extra: { item: T; key: CursorKey }[];
}

/** The first index of a list of `length` keys sorted ascending whose key is above `key` (or at or above it). */
function bound(length: number, keyAt: (index: number) => CursorKey, key: CursorKey, inclusive: boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const order = compareKeys(keyAt(middle), key);
    if (order < 0 || (order === 0 && !inclusive)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** How many skipped positions lie in [from, to). */
function skippedWithin(skipped: ReadonlySet<number>, from: number, to: number): number {
  let count = 0;
  for (const position of skipped) if (position >= from && position < to) count += 1;
  return count;
}

/** The number of items in the list. */
export function sparseLength<T>(list: SparseList<T>): number {
  return list.base.length - list.skipped.size + list.extra.length;
}

/**
 * One page of a sparse list, with the same answer as paginateSorted over the whole list written out: the items
 * strictly between the cursors, `size` of them from the start (forward) or the end (backward), and whether items lie
 * at or beyond each cursor.
 */
export function pageOfSparse<T>(list: SparseList<T>, window: PageWindow): Page<T> {
  const { base, skipped, extra } = list;
  const keyAt = (index: number) => base.keyAt(index);
  const extraKeyAt = (index: number) => extra[index].key;
  // [baseFrom, baseTo) and [extraFrom, extraTo) are the positions strictly between the cursors.
  const baseFrom = window.after ? bound(base.length, keyAt, window.after, false) : 0;
  const baseTo = window.before ? bound(base.length, keyAt, window.before, true) : base.length;
  const extraFrom = window.after ? bound(extra.length, extraKeyAt, window.after, false) : 0;
  const extraTo = window.before ? bound(extra.length, extraKeyAt, window.before, true) : extra.length;
  const beyondAfter = window.after !== null && baseFrom - skippedWithin(skipped, 0, baseFrom) + extraFrom > 0;
  const beyondBefore =
    window.before !== null &&
    base.length - baseTo - skippedWithin(skipped, baseTo, base.length) + (extra.length - extraTo) > 0;

  const fetched: { item: T; key: CursorKey }[] = [];
  const wanted = window.size + 1;
  if (window.forward) {
    let i = baseFrom;
    let j = extraFrom;
    while (fetched.length < wanted) {
      while (i < baseTo && skipped.has(i)) i += 1;
      const fromBase = i < baseTo;
      const fromExtra = j < extraTo;
      if (!fromBase && !fromExtra) break;
      if (fromBase && (!fromExtra || compareKeys(keyAt(i), extra[j].key) < 0)) {
        fetched.push({ item: base.itemAt(i), key: keyAt(i) });
        i += 1;
      } else {
        fetched.push(extra[j]);
        j += 1;
      }
    }
  } else {
    let i = baseTo - 1;
    let j = extraTo - 1;
    while (fetched.length < wanted) {
      while (i >= baseFrom && skipped.has(i)) i -= 1;
      const fromBase = i >= baseFrom;
      const fromExtra = j >= extraFrom;
      if (!fromBase && !fromExtra) break;
      if (fromBase && (!fromExtra || compareKeys(keyAt(i), extra[j].key) > 0)) {
        fetched.push({ item: base.itemAt(i), key: keyAt(i) });
        i -= 1;
      } else {
        fetched.push(extra[j]);
        j -= 1;
      }
    }
  }
  return assemblePage(window, fetched, sparseLength(list), beyondAfter, beyondBefore);
}

/** The whole list in order (for small graphs and tests; a request reads pages). */
export function sparseItems<T>(list: SparseList<T>): T[] {
  return pageOfSparse(list, { forward: true, size: sparseLength(list), after: null, before: null }).items.map(
    ({ item }) => item,
  );
}
