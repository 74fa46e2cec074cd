import type { LimitsConfig } from '../config';
import { BadInputError } from '../errors';
import { type CursorKey, compareKeys, decodeCursor } from './cursor';

/** The Relay arguments as a client sent them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * Which slice of an ordered list to return: `size` items going `forward` (from the start or from after `after`) or
 * backward (from the end or from before `before`). Cursor keys are already decoded and checked.
 */
export interface PageWindow {
  forward: boolean;
  size: number;
  after: CursorKey | null;
  before: CursorKey | null;
}

/** A requested page size, checked against the configured maximum; BAD_USER_INPUT naming the argument otherwise. */
export function checkSize(name: string, value: number, limits: LimitsConfig): number {
  if (value < 0)
    throw new BadInputError(
      name,
      `\`${name}\` must not be negative (got ${value}). Ask for 0 to ${limits.maxPageSize} items.`,
    );
  if (value > limits.maxPageSize) {
    throw new BadInputError(
      name,
      `\`${name}\` is ${value} but a page holds at most ${limits.maxPageSize} items. Ask for fewer and follow pageInfo.endCursor for the rest.`,
    );
  }
  return value;
}

function cursorKey(
  name: 'after' | 'before',
  cursor: string | null | undefined,
  tag: string,
  keyLength: number,
): CursorKey | null {
  if (cursor === null || cursor === undefined) return null;
  const key = decodeCursor(cursor, tag, keyLength);
  if (key === 'malformed')
    throw new BadInputError(
      name,
      `\`${name}\` is not a cursor this API issued (it was changed or cut). Use a cursor from pageInfo or an edge unchanged.`,
    );
  if (key === 'foreign') {
    throw new BadInputError(
      name,
      `\`${name}\` is a cursor from another list or another order. Use cursors only with the field and orderBy they came from.`,
    );
  }
  return key;
}

/**
 * Validates Relay arguments and decodes the cursors. `first` and `last` together are rejected: Relay allows it but
 * the result ("the last n of the first m") surprises more than it helps. Neither means the first default-size page.
 */
export function pageWindow(args: PageArgs, tag: string, keyLength: number, limits: LimitsConfig): PageWindow {
  const hasFirst = args.first !== null && args.first !== undefined;
  const hasLast = args.last !== null && args.last !== undefined;
  if (hasFirst && hasLast)
    throw new BadInputError('last', 'Pass either `first` (paging forward) or `last` (paging backward), not both.');
  const after = cursorKey('after', args.after, tag, keyLength);
  const before = cursorKey('before', args.before, tag, keyLength);
  if (hasLast) return { forward: false, size: checkSize('last', args.last!, limits), after, before };
  return {
    forward: true,
    size: hasFirst ? checkSize('first', args.first!, limits) : limits.defaultPageSize,
    after,
    before,
  };
}

/** One page of a connection before it becomes GraphQL objects. */
export interface Page<T, Total extends number | null = number> {
  items: { item: T; key: CursorKey }[];
  /** Null only for a page read without counting, because the client did not ask for the total. */
  totalCount: Total;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /**
   * For an empty page, the key of the cursor it was asked from (`after` going forward, `before` going backward), or
   * null when it was asked from an end of the list; null for a page with items. It becomes the empty page's start
   * and end cursor, so a client that follows them stays where it is instead of starting over.
   */
  position: CursorKey | null;
}

/**
 * Assembles a page from what the database returned: `fetched` holds up to size + 1 items in fetch order (reversed
 * when paging backward); `beyondAfter`/`beyondBefore` say whether items exist on the far side of the cursors.
 *
 * The edge cases follow from that one rule: `first: 0` has no edges and `hasNextPage` true exactly when an item
 * follows the place it was asked from (so with a filter that matches nothing, false); `last: 0` likewise with
 * `hasPreviousPage`; a cursor at the very end gives no edges and `hasNextPage` false. An empty page's cursors are
 * its position (see Page.position).
 */
export function assemblePage<T, Total extends number | null>(
  window: PageWindow,
  fetched: { item: T; key: CursorKey }[],
  totalCount: Total,
  beyondAfter: boolean,
  beyondBefore: boolean,
): Page<T, Total> {
  const more = fetched.length > window.size;
  const items = fetched.slice(0, window.size);
  if (!window.forward) items.reverse();
  return {
    items,
    totalCount,
    hasNextPage: window.forward ? more || beyondBefore : beyondBefore,
    hasPreviousPage: window.forward ? beyondAfter : more || beyondAfter,
    position: items.length > 0 ? null : window.forward ? window.after : window.before,
  };
}

/** Keyset pagination over a list already in memory and sorted by `keyOf` (small lists such as one concept's edges). */
export function paginateSorted<T>(sorted: T[], keyOf: (item: T) => CursorKey, window: PageWindow): Page<T> {
  const keyed = sorted.map((item) => ({ item, key: keyOf(item) }));
  const inWindow = keyed.filter(
    ({ key }) =>
      (!window.after || compareKeys(key, window.after) > 0) && (!window.before || compareKeys(key, window.before) < 0),
  );
  const beyondAfter = window.after !== null && keyed.some(({ key }) => compareKeys(key, window.after!) <= 0);
  const beyondBefore = window.before !== null && keyed.some(({ key }) => compareKeys(key, window.before!) >= 0);
  const fetched = window.forward ? inWindow.slice(0, window.size + 1) : inWindow.reverse().slice(0, window.size + 1);
  return assemblePage(window, fetched, keyed.length, beyondAfter, beyondBefore);
}
