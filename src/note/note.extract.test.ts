import { extractNote } from './note.extract';
import { diffNoteIndex, formatNoteIndex, indexNote, NoteIndexError, parseNoteIndex } from './note.index';

/** A small note with one of everything the extraction reads; line numbers are written out in the expectations. */
const SAMPLE = [
  '# Guide', //                                        1
  '', //                                               2
  '## Containers', //                                  3
  'A **Container** runs on a shared `Kernel` `+`.', // 4
  '', //                                               5
  '### Container 란?', //                              6
  '1. **격리성 (isolation)**', //                       7
  '2. 이식성', //                                       8
  '', //                                               9
  '| Alpha | Beta |', //                              10
  '| :---- | ---- |', //                              11
  '| runs many services | runs one service |', //     12
  '| ex) A1, A2 | ex) B1 |', //                      13
  '', //                                              14
  '#### 1. Build', //                                 15
  '```bash', //                                       16
  'docker build -t app .', //                         17
  '```', //                                           18
  '```dockerfile', //                                 19
  'RUN docker ignored', //                            20
  '```', //                                           21
  'Then **docker run** it, and **docker run** again.', // 22
  '## Unikernel', //                                  23
].join('\n');

describe('extractNote', () => {
  const extract = extractNote(SAMPLE);

  it('gives every heading with each tail of its parent chain as a section path, at its line', () => {
    expect(extract.sections).toEqual([
      { path: 'Guide', line: 1 },
      { path: 'Guide > Containers', line: 3 },
      { path: 'Containers', line: 3 },
      { path: 'Guide > Containers > Container 란?', line: 6 },
      { path: 'Containers > Container 란?', line: 6 },
      { path: 'Container 란?', line: 6 },
      { path: 'Guide > Containers > Container 란? > 1. Build', line: 15 },
      { path: 'Containers > Container 란? > 1. Build', line: 15 },
      { path: 'Container 란? > 1. Build', line: 15 },
      { path: '1. Build', line: 15 },
      { path: 'Guide > Unikernel', line: 23 },
      { path: 'Unikernel', line: 23 },
    ]);
  });

  it('names headings, bold and inline code, numbered items, shell commands and table names once each, at their first line', () => {
    expect(extract.terms).toEqual([
      { kind: 'heading', text: 'Guide', line: 1 },
      { kind: 'heading', text: 'Containers', line: 3 },
      { kind: 'bold', text: 'Container', line: 4 },
      { kind: 'inline code', text: 'Kernel', line: 4 },
      { kind: 'heading', text: 'Container', line: 6 },
      { kind: 'bold', text: '격리성 (isolation)', line: 7 },
      { kind: 'numbered item', text: '격리성 (isolation)', line: 7 },
      { kind: 'numbered item', text: '이식성', line: 8 },
      { kind: 'heading', text: 'Build', line: 15 },
      { kind: 'docker command', text: 'docker build', line: 17 },
      { kind: 'bold', text: 'docker run', line: 22 },
      { kind: 'docker command', text: 'docker run', line: 22 },
      { kind: 'heading', text: 'Unikernel', line: 23 },
      { kind: 'table cell', text: 'Alpha', line: 10 },
      { kind: 'table cell', text: 'Beta', line: 10 },
      { kind: 'table cell', text: 'A1', line: 10 },
      { kind: 'table cell', text: 'A2', line: 10 },
      { kind: 'table cell', text: 'B1', line: 10 },
    ]);
  });

  it('keeps the table by names and counts only, never its sentences', () => {
    expect(extract.table).toEqual({
      line: 10,
      header: ['Alpha', 'Beta'],
      rows: 2,
      examples: [
        { column: 0, names: ['A1', 'A2'] },
        { column: 1, names: ['B1'] },
      ],
    });
    expect(JSON.stringify(extract)).not.toContain('runs many services');
  });

  it('has no table when the note has none', () => {
    expect(extractNote('# Only\n**Name**\n').table).toBeUndefined();
  });
});

describe('the note index file', () => {
  const index = indexNote(SAMPLE, 'some/where/sample-note.md');
  const text = formatNoteIndex(index);

  it('names the note by file name only and reads back to the same index', () => {
    expect(index.note).toBe('sample-note.md');
    expect(parseNoteIndex(text, 'seed/note/note-index.json')).toEqual(index);
  });

  it('writes one entry per line', () => {
    expect(text.split('\n')).toContain('    {"path":"Containers > Container 란?","line":6},');
    expect(text.split('\n')).toContain('    {"kind":"docker command","text":"docker build","line":17},');
  });

  it('says which entries a changed note adds and removes', () => {
    const changed = formatNoteIndex(indexNote(SAMPLE.replace('## Unikernel', '## Library OS'), 'sample-note.md'));
    expect(diffNoteIndex(text, changed)).toEqual({
      added: [
        '{"path":"Guide > Library OS","line":23}',
        '{"path":"Library OS","line":23}',
        '{"kind":"heading","text":"Library OS","line":23}',
      ],
      removed: [
        '{"path":"Guide > Unikernel","line":23}',
        '{"path":"Unikernel","line":23}',
        '{"kind":"heading","text":"Unikernel","line":23}',
      ],
    });
  });

  it.each([
    ['not JSON', '{ "note": ', /not valid JSON/],
    ['no sections', '{ "note": "n.md", "sections": [], "terms": [] }', /"sections" must be a non-empty list/],
    [
      'a term of an unknown kind',
      '{ "note": "n.md", "sections": [{"path":"A","line":1}], "terms": [{"kind":"italic","text":"x","line":2}] }',
      /terms\[0\] must be/,
    ],
  ])('rejects a file with %s, naming the file and how to regenerate it', (_, bad, message) => {
    expect(() => parseNoteIndex(bad, 'seed/note/note-index.json')).toThrow(NoteIndexError);
    expect(() => parseNoteIndex(bad, 'seed/note/note-index.json')).toThrow(message);
    expect(() => parseNoteIndex(bad, 'seed/note/note-index.json')).toThrow(
      /^seed\/note\/note-index\.json: .* — regenerate it with npm run note:index$/,
    );
  });
});
