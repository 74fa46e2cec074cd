import fs from 'node:fs';
import path from 'node:path';

import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

import { NOTE_INDEX_FILE, type NoteIndex, NoteIndexError, readNoteIndex, REGENERATE } from '../note/note.index';
import { readComparison, readConcept, type ReadItem, readRelation } from './seed.items';
import { type SeedProblem, SeedValidationError, sortProblems } from './seed.problem';
import { ShapeReader } from './seed.shape';
import type { SeedContent, SeedDrafts, SeedLocation } from './seed.types';
import { LEARNER_WORDS_FILE, readLearnerWords } from './seed.words';

/** What reading the seed folder gave: the items that could be read, and every problem met on the way. */
export interface SeedReading {
  content: SeedContent;
  /** Every entry as far as it could be read, broken ones included, for the rules of meaning to judge in the same run. */
  drafts: SeedDrafts;
  problems: SeedProblem[];
  /** The files read, relative to the repository root, in reading order. */
  files: string[];
  /** The note index of the seed folder (note/note-index.json), when it has one: the sections a `source` may name. */
  noteIndex?: NoteIndex;
}

const YAML_HINT = 'fix the YAML there: quote text that contains ": ", "#" or, inside { } or [ ], a comma, and keep the indentation even';

/** The repository root above `dir` (the nearest folder with package.json), so file names read `seed/concepts/…`. */
function rootAbove(dir: string): string {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, 'package.json'))) return current;
    if (path.dirname(current) === current) return path.dirname(dir);
  }
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Parses one file and returns the value of its single top-level key (with the reader for its lines). Syntax errors
 * and a wrong top level become problems with their line; then undefined is returned.
 */
function readTop(absolute: string, file: string, key: string, problems: SeedProblem[], holds: { name: string; what: string }): { r: ShapeReader; value: unknown; at: SeedLocation } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    problems.push({ at: { file, line: 1 }, message: `cannot read the file (${(error as Error).message})`, fix: 'check that it exists and is readable' });
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const r = new ShapeReader(file, lineCounter, problems);
  const syntax = [...doc.errors, ...doc.warnings];
  for (const error of syntax) {
    const line = lineCounter.linePos(error.pos[0]).line;
    problems.push({ at: { file, line }, message: `YAML: ${error.message.split('\n')[0]}`, fix: YAML_HINT });
  }
  if (doc.errors.length > 0) return undefined;
  const top = doc.contents;
  const expected = `start the file with "${key}:" followed by ${holds.what}`;
  if (!isMap(top)) {
    problems.push({ at: r.at(top), message: top ? `the file must be a mapping with one key, "${key}"` : 'the file is empty', fix: expected });
    return undefined;
  }
  let found: { r: ShapeReader; value: unknown; at: SeedLocation } | undefined;
  for (const pair of top.items) {
    const name = isScalar(pair.key) ? pair.key.value : undefined;
    if (name !== key) {
      problems.push({ at: r.at(pair.key), message: `unexpected top-level key "${String(name)}"`, fix: `a file in this place holds only "${key}:"; move these entries to the right file` });
      continue;
    }
    found = { r, value: pair.value, at: r.at(pair.key) };
  }
  if (!found) problems.push({ at: r.at(top), message: `the file has no "${key}:" ${holds.name}`, fix: expected });
  return found;
}

/** Reads a file whose top-level key holds a list, handing each entry to `read`; broken entries are skipped. */
function readFile<T extends { at: SeedLocation }>(absolute: string, file: string, key: string, problems: SeedProblem[], read: (r: ShapeReader, node: unknown, at: SeedLocation) => ReadItem<T>): ReadItem<T>[] {
  const top = readTop(absolute, file, key, problems, { name: 'list', what: 'a list of entries' });
  if (!top) return [];
  const list = top.r.list(top.value, top.at, key, (node, at) => read(top.r, node, at));
  return list ? list.filter((item): item is ReadItem<T> => item !== undefined) : [];
}

/**
 * Reads every seed file in a stable order (concepts/*.yaml, relations/*.yaml, comparisons.yaml, learner-words.yaml;
 * each folder by file name) and collects all syntax and shape problems. Throws (a SeedValidationError) only when the folder is missing.
 */
export function readSeed(dir: string, rootDir: string = rootAbove(path.resolve(dir))): SeedReading {
  const absoluteDir = path.resolve(dir);
  if (!fs.existsSync(absoluteDir) || !fs.statSync(absoluteDir).isDirectory()) {
    throw new SeedValidationError([{ at: { file: absoluteDir, line: 1 }, message: 'the seed folder does not exist', fix: 'point SEED_DIR at the folder that holds concepts/ and relations/' }]);
  }
  const relative = (absolute: string) => path.relative(rootDir, absolute).split(path.sep).join('/');
  const problems: SeedProblem[] = [];
  const files: string[] = [];
  const content: SeedContent = { concepts: [], relations: [], comparisons: [], learnerWords: [] };
  const drafts: SeedDrafts = { concepts: [], relations: [], comparisons: [], learnerWords: content.learnerWords };

  const conceptFiles = yamlFiles(path.join(absoluteDir, 'concepts'));
  if (conceptFiles.length === 0) {
    problems.push({ at: { file: relative(path.join(absoluteDir, 'concepts')), line: 1 }, message: 'no concept files', fix: 'add concepts/NN-area.yaml files, each with a "concepts:" list' });
  }
  for (const absolute of conceptFiles) {
    files.push(relative(absolute));
    for (const { item, draft } of readFile(absolute, relative(absolute), 'concepts', problems, readConcept)) {
      drafts.concepts.push(draft);
      if (item) content.concepts.push(item);
    }
  }
  for (const absolute of yamlFiles(path.join(absoluteDir, 'relations'))) {
    files.push(relative(absolute));
    for (const { item, draft } of readFile(absolute, relative(absolute), 'relations', problems, readRelation)) {
      drafts.relations.push(draft);
      if (item) content.relations.push(item);
    }
  }
  const comparisons = path.join(absoluteDir, 'comparisons.yaml');
  if (fs.existsSync(comparisons)) {
    files.push(relative(comparisons));
    for (const { item, draft } of readFile(comparisons, relative(comparisons), 'comparisons', problems, readComparison)) {
      drafts.comparisons.push(draft);
      if (item) content.comparisons.push(item);
    }
  }
  const words = path.join(absoluteDir, LEARNER_WORDS_FILE);
  if (fs.existsSync(words)) {
    files.push(relative(words));
    const top = readTop(words, relative(words), 'words', problems, { name: 'mapping', what: 'a mapping from concept slug to { ko: [...], en: [...] }' });
    if (top) content.learnerWords.push(...readLearnerWords(top.r, top.value, top.at));
  }
  let noteIndex: NoteIndex | undefined;
  try {
    noteIndex = readNoteIndex(absoluteDir);
  } catch (error) {
    if (!(error instanceof NoteIndexError)) throw error;
    const file = relative(path.join(absoluteDir, NOTE_INDEX_FILE));
    files.push(file);
    problems.push({ at: { file, line: 1 }, message: `the note index cannot be read: ${error.problem}`, fix: `regenerate it from the source note with ${REGENERATE}` });
  }
  return { content, drafts, problems: sortProblems(problems, files), files, ...(noteIndex ? { noteIndex } : {}) };
}

/**
 * Reads the seed folder into SeedContent, every item with the file (relative to the repository root) and line it
 * was written at. Throws a SeedValidationError listing every syntax and shape problem when any file is malformed.
 * It does not apply the graph rules (known kinds, existing slugs, cycles): that is validateSeed's job.
 */
export function loadSeed(dir: string): SeedContent {
  const reading = readSeed(dir);
  if (reading.problems.length > 0) throw new SeedValidationError(reading.problems);
  return reading.content;
}
