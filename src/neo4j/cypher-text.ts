/**
 * Cypher text as sent: the driver writes a statement's text with every run, in socket writes of at most 1400 bytes,
 * and Neo4j reads it and looks its plan up by that text each time. A statement written readably (indented, with
 * comments) can be twice as long as its code; compacting it once, where it is built, sends the same statement in
 * fewer bytes and writes.
 */

/**
 * The statement with its `//` comments removed and every run of whitespace outside quotes made one space (none at
 * either end). Text inside '...', "..." and `...` is kept as written, escapes included. Only code passes statements
 * here, never client text: client values go in parameters.
 */
export function compactCypher(cypher: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < cypher.length; i += 1) {
    const char = cypher[i];
    if (char === "'" || char === '"' || char === '`') {
      let end = i + 1;
      while (end < cypher.length && cypher[end] !== char) end += cypher[end] === '\\' ? 2 : 1;
      if (space && out.length > 0) out += ' ';
      space = false;
      out += cypher.slice(i, end + 1);
      i = end;
    } else if (char === '/' && cypher[i + 1] === '/') {
      while (i < cypher.length && cypher[i] !== '\n') i += 1;
      space = true;
    } else if (/\s/.test(char)) {
      space = true;
    } else {
      if (space && out.length > 0) out += ' ';
      space = false;
      out += char;
    }
  }
  return out;
}
