import { compareKeys, decodeCursor, encodeCursor } from './cursor';

describe('keyset cursors', () => {
  it('round-trip their key within the same tag', () => {
    const cursor = encodeCursor('concepts:SLUG:ASC', ['docker', 'docker']);
    expect(decodeCursor(cursor, 'concepts:SLUG:ASC', 2)).toEqual(['docker', 'docker']);
  });

  it('are foreign to another tag or key shape, and malformed when changed', () => {
    const cursor = encodeCursor('concepts:SLUG:ASC', ['docker', 'docker']);
    expect(decodeCursor(cursor, 'concepts:SLUG:DESC', 2)).toBe('foreign');
    expect(decodeCursor(cursor, 'concepts:SLUG:ASC', 4)).toBe('foreign');
    expect(decodeCursor(`x${cursor}`, 'concepts:SLUG:ASC', 2)).toBe('malformed');
    expect(decodeCursor(cursor.replace('.', '.x'), 'concepts:SLUG:ASC', 2)).toBe('malformed');
    expect(decodeCursor('no-dot', 'concepts:SLUG:ASC', 2)).toBe('malformed');
  });

  it('compare keys lexicographically with null last', () => {
    expect(compareKeys(['A', 1], ['A', 2])).toBeLessThan(0);
    expect(compareKeys(['A', null], ['A', 2])).toBeGreaterThan(0);
    expect(compareKeys(['B', 1], ['A', 9])).toBeGreaterThan(0);
    expect(compareKeys(['A', 1], ['A', 1])).toBe(0);
  });
});
