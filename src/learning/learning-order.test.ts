import { conceptRecord } from '../../test/support/records';
import { learningOrder, PrerequisiteCycleError } from './learning-order';

const concept = (slug: string) => conceptRecord(slug);

function order(target: string, requires: [string, string][]): string[] {
  const slugs = [...new Set([target, ...requires.flat()])];
  return learningOrder({ target: concept(target), concepts: slugs.map(concept), requires }).map((c) => c.slug);
}

describe('learningOrder', () => {
  it('puts the basics first, each level by slug, and the target last', () => {
    // t needs b and a; b needs a and c; a needs c. Levels: c 0, a 1, b 2, t 3.
    expect(
      order('t', [
        ['t', 'b'],
        ['t', 'a'],
        ['b', 'a'],
        ['b', 'c'],
        ['a', 'c'],
      ]),
    ).toEqual(['c', 'a', 'b', 't']);
    // Independent prerequisites of the same level come by slug, whatever order the edges came in.
    expect(
      order('t', [
        ['t', 'z'],
        ['t', 'm'],
        ['t', 'a'],
      ]),
    ).toEqual(['a', 'm', 'z', 't']);
  });

  it('places a concept after its longest chain of prerequisites, not its shortest', () => {
    // x is needed directly by t but also through y: x must still come before y.
    expect(
      order('t', [
        ['t', 'x'],
        ['t', 'y'],
        ['y', 'x'],
      ]),
    ).toEqual(['x', 'y', 't']);
  });

  it('is just the target when nothing is required', () => {
    expect(order('t', [])).toEqual(['t']);
  });

  it('names the cycle, starting where it closes', () => {
    expect(() =>
      order('t', [
        ['t', 'a'],
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ]),
    ).toThrow(PrerequisiteCycleError);
    try {
      order('t', [
        ['t', 'a'],
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ]);
    } catch (error) {
      expect((error as PrerequisiteCycleError).cycle).toEqual(['a', 'b', 'c', 'a']);
      expect((error as PrerequisiteCycleError).message).toContain('a → b → c → a');
      expect((error as PrerequisiteCycleError).extensions).toMatchObject({
        code: 'DATA_INCONSISTENT',
        cycle: ['a', 'b', 'c', 'a'],
      });
    }
  });

  it('finds a concept that requires itself, and a cycle through the target', () => {
    expect(() =>
      order('t', [
        ['t', 'a'],
        ['a', 'a'],
      ]),
    ).toThrow(/a → a/);
    expect(() =>
      order('t', [
        ['t', 'a'],
        ['a', 't'],
      ]),
    ).toThrow(/t → a → t/);
  });

  it('copes with a long chain without running out of stack', () => {
    const chain: [string, string][] = Array.from({ length: 20000 }, (_, i) => [`n${i}`, `n${i + 1}`]);
    const result = order('n0', chain);
    expect(result[0]).toBe('n20000');
    expect(result[result.length - 1]).toBe('n0');
  });
});
