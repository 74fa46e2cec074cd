import { isAlias, isMap, isScalar, isSeq, type LineCounter, type Node as YamlNode } from 'yaml';

import type { Correction } from '../graph/graph.model';
import type { Bilingual, BilingualList } from '../graph/vocabulary';
import { closest, likelyTypo, type SeedProblem } from './seed.problem';
import type { SeedLocation } from './seed.types';

/**
 * Reads parsed YAML nodes into typed values, recording a problem (with the line of the offending node) for every
 * missing, unknown or mistyped field instead of stopping at the first. Readers return undefined for a value they
 * could not read, so the caller knows the item is incomplete.
 */

const LANGS = { ko: 'Korean', en: 'English' } as const;

/** What a YAML value is, in words an author recognises. */
function describe(node: unknown): string {
  if (node === null || node === undefined || (isScalar(node) && node.value === null)) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isAlias(node)) return 'an alias';
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'number') return `the number ${value}`;
    if (typeof value === 'boolean') return `${value}`;
    if (typeof value === 'string') return value.trim() === '' ? 'empty text' : 'text';
  }
  return 'something else';
}

export class ShapeReader {
  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
    readonly problems: SeedProblem[],
  ) {}

  /** Where a node starts; `fallback` when the node is absent (a missing field is reported at its item). */
  at(node: unknown, fallback?: SeedLocation): SeedLocation {
    const range = (node as YamlNode | null | undefined)?.range;
    if (range) return { file: this.file, line: this.lines.linePos(range[0]).line };
    return fallback ?? { file: this.file, line: 1 };
  }

  problem(at: SeedLocation, message: string, fix: string): undefined {
    this.problems.push({ at, message, fix });
    return undefined;
  }

  /**
   * The fields of a mapping, checked against the allowed names: unknown names (with the closest allowed one) and
   * missing required ones are problems. Returns undefined when the node is not a mapping at all.
   */
  fields(node: unknown, at: SeedLocation, what: string, required: readonly string[], optional: readonly string[]): Map<string, unknown> | undefined {
    const allowed = [...required, ...optional];
    if (!isMap(node)) {
      return this.problem(at, `${what} must be a mapping of fields, got ${describe(node)}`, `write it as { ${allowed.map((name) => `${name}: …`).join(', ')} }`);
    }
    const found = new Map<string, unknown>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const keyAt = this.at(pair.key, at);
      if (typeof key !== 'string') {
        this.problem(keyAt, `${what} has a field name that is not text`, `use one of: ${allowed.join(', ')}`);
        continue;
      }
      if (!allowed.includes(key)) {
        const near = closest(key, allowed);
        this.problem(
          keyAt,
          `unknown field "${key}" in ${what}`,
          near && likelyTypo(key, near) ? `did you mean "${near}"? (fields: ${allowed.join(', ')})` : `remove it (fields: ${allowed.join(', ')})`,
        );
        continue;
      }
      found.set(key, pair.value);
    }
    for (const name of required) {
      if (!found.has(name)) this.problem(at, `${what} has no "${name}"`, `add ${name}: …`);
    }
    return found;
  }

  /** Non-empty text. */
  text(node: unknown, at: SeedLocation, field: string): string | undefined {
    const where = this.at(node, at);
    if (!isScalar(node) || typeof node.value !== 'string') {
      const hint = isScalar(node) && node.value !== null ? `put it in quotes: ${field}: "${JSON.stringify(node.value)}"` : `write the text after ${field}:`;
      return this.problem(where, `"${field}" must be text, got ${describe(node)}`, hint);
    }
    if (node.value.trim() === '') return this.problem(where, `"${field}" is empty`, `write the text after ${field}:`);
    return node.value;
  }

  /** true or false, written without quotes. */
  flag(node: unknown, at: SeedLocation, field: string): boolean | undefined {
    const where = this.at(node, at);
    if (!isScalar(node) || typeof node.value !== 'boolean') return this.problem(where, `"${field}" must be true or false, got ${describe(node)}`, `write ${field}: true (without quotes), or leave it out for false`);
    return node.value;
  }

  /**
   * `{ noteSays: { ko, en }, truth: { ko, en }, reference: https://… }`: what the note claims, what is true, and a
   * page that says so. All three are required, so that a correction never shows a claim without its answer.
   */
  correction(node: unknown, at: SeedLocation, field: string): Correction | undefined {
    const where = this.at(node, at);
    const fields = this.fields(node, where, `"${field}"`, ['noteSays', 'truth', 'reference'], []);
    if (!fields) return undefined;
    const noteSays = fields.has('noteSays') ? this.bilingual(fields.get('noteSays'), where, `${field}.noteSays`) : undefined;
    const truth = fields.has('truth') ? this.bilingual(fields.get('truth'), where, `${field}.truth`) : undefined;
    const reference = fields.has('reference') ? this.text(fields.get('reference'), where, `${field}.reference`) : undefined;
    if (reference !== undefined && !/^https:\/\/\S+$/.test(reference)) {
      return this.problem(this.at(fields.get('reference'), where), `${field}.reference must be an https:// address, got "${reference}"`, 'link the page of the documentation that states what is true');
    }
    return noteSays && truth && reference ? { noteSays, truth, reference } : undefined;
  }

  /** A whole number of at least 1. */
  position(node: unknown, at: SeedLocation, field: string): number | undefined {
    const where = this.at(node, at);
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isInteger(node.value) || node.value < 1) {
      return this.problem(where, `"${field}" must be a whole number from 1, got ${describe(node)}`, `write ${field}: 1 (or 2, 3, …)`);
    }
    return node.value;
  }

  /** A list of non-empty texts. */
  textList(node: unknown, at: SeedLocation, field: string): string[] | undefined {
    const where = this.at(node, at);
    if (!isSeq(node)) return this.problem(where, `"${field}" must be a list, got ${describe(node)}`, `write ${field}: [first, second] (or [] for none)`);
    const values: string[] = [];
    let ok = true;
    node.items.forEach((item, index) => {
      const value = this.text(item, where, `${field}[${index}]`);
      if (value === undefined) ok = false;
      else values.push(value);
    });
    return ok ? values : undefined;
  }

  /** `{ ko: …, en: … }`, both present and non-empty. */
  bilingual(node: unknown, at: SeedLocation, field: string): Bilingual | undefined {
    const where = this.at(node, at);
    const fields = this.fields(node, where, `"${field}"`, [], ['ko', 'en']);
    if (!fields) return undefined;
    const result: Partial<Bilingual> = {};
    for (const lang of ['ko', 'en'] as const) {
      if (!fields.has(lang)) {
        this.problem(where, `${field}.${lang} is missing`, `add ${lang}: the ${LANGS[lang]} text (both languages are required)`);
        continue;
      }
      const value = fields.get(lang);
      const valueAt = this.at(value, where);
      if (isScalar(value) && typeof value.value === 'string' && value.value.trim() === '') {
        this.problem(valueAt, `${field}.${lang} is empty`, `write the ${LANGS[lang]} text`);
        continue;
      }
      result[lang] = this.text(value, where, `${field}.${lang}`);
    }
    return result.ko !== undefined && result.en !== undefined ? (result as Bilingual) : undefined;
  }

  /** `{ ko: [...], en: [...] }`, both keys present; the lists may be empty. */
  bilingualList(node: unknown, at: SeedLocation, field: string): BilingualList | undefined {
    const where = this.at(node, at);
    const fields = this.fields(node, where, `"${field}"`, ['ko', 'en'], []);
    if (!fields) return undefined;
    const ko = fields.has('ko') ? this.textList(fields.get('ko'), where, `${field}.ko`) : undefined;
    const en = fields.has('en') ? this.textList(fields.get('en'), where, `${field}.en`) : undefined;
    return ko && en ? { ko, en } : undefined;
  }

  /** A list of mappings, each handed to `item` with its own location. */
  list<T>(node: unknown, at: SeedLocation, field: string, item: (node: unknown, at: SeedLocation, index: number) => T | undefined): (T | undefined)[] | undefined {
    const where = this.at(node, at);
    if (!isSeq(node)) return this.problem(where, `"${field}" must be a list, got ${describe(node)}`, `write each entry on a line starting with "- "`);
    return node.items.map((child, index) => item(child, this.at(child, where), index));
  }
}
