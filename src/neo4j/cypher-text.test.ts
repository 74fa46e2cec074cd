import { compactCypher } from './cypher-text';

describe('compactCypher', () => {
  it('makes every run of whitespace one space and trims both ends', () => {
    expect(compactCypher('\n  MATCH (c:Concept)\n\t  WHERE c.slug = $slug\n    RETURN c  \n')).toBe(
      'MATCH (c:Concept) WHERE c.slug = $slug RETURN c',
    );
  });

  it('removes // comments up to the end of their line, and keeps the code after them', () => {
    expect(compactCypher('WITH 1 AS a // why a is one\n  // a whole line\n  RETURN a')).toBe('WITH 1 AS a RETURN a');
  });

  it('keeps text in quotes as written: spaces, slashes and escaped quotes', () => {
    expect(compactCypher("RETURN replace(x,  ' ',   '') AS k, \"a  //b\" AS s, 'it\\'s  //x' AS t")).toBe(
      "RETURN replace(x, ' ', '') AS k, \"a  //b\" AS s, 'it\\'s  //x' AS t",
    );
  });

  it('keeps backquoted names and a single slash (division) as they are', () => {
    expect(compactCypher('RETURN n.`odd  name` / 2   AS half')).toBe('RETURN n.`odd  name` / 2 AS half');
  });
});
