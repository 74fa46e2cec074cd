import type { SeedContent, SeedLocation } from './seed.types';

/**
 * How close a seed sentence comes to a sentence of the source note. The seed must say the note's facts in its own
 * words; a sentence that reuses most of a note sentence's wording is a close paraphrase, whatever the order.
 *
 * The measure is containment: the share of the seed sentence's n-grams that also occur in one note sentence (the
 * closest one). Korean is compared as character 4-grams with spaces and punctuation removed, because Korean words
 * change their endings and particles, so whole-word matches would miss a copied clause; English as word 3-grams of
 * lower-cased words; Korean 4-grams without a Hangul letter (runs of product names) do not count. A seed sentence fails when its containment in some note sentence reaches the threshold:
 * 0.5 for both (half or more of what the sentence says is word for word the note's).
 */

export const KOREAN_GRAM = 4;
export const ENGLISH_GRAM = 3;
export const THRESHOLD = 0.5;
/** Sentences with fewer n-grams than this are names and short phrases: too short to be a paraphrase of anything. */
export const MIN_GRAMS = 8;

export type Language = 'ko' | 'en';

/** The sentences of the note: one per list item or paragraph line, split at sentence ends; markdown marks removed. */
export function noteSentences(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => !/^\s*(```|!\[|<br>|\||:?-{3,})/.test(line))
    .map((line) =>
      line
        .replace(/^\s*(#+|>|[-*]|\d+\.)\s*/, '')
        .replace(/\*\*|`|\[|\]\([^)]*\)/g, '')
        .trim(),
    )
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .filter((line) => line.length > 0);
}

const HANGUL = /[\uac00-\ud7a3]/;

/** Character 4-grams that hold Hangul: a run of product or command names ("LXC, OpenVZ") is shared vocabulary, not wording. */
function koreanGrams(text: string): string[] {
  const letters = text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const grams: string[] = [];
  for (let i = 0; i + KOREAN_GRAM <= letters.length; i += 1) {
    const gram = letters.slice(i, i + KOREAN_GRAM);
    if (HANGUL.test(gram)) grams.push(gram);
  }
  return grams;
}

function englishGrams(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const grams: string[] = [];
  for (let i = 0; i + ENGLISH_GRAM <= words.length; i += 1) grams.push(words.slice(i, i + ENGLISH_GRAM).join(' '));
  return grams;
}

/** The n-grams `text` is compared by in `lang`. */
export function gramsOf(text: string, lang: Language): string[] {
  return lang === 'ko' ? koreanGrams(text) : englishGrams(text);
}

/** Share (0..1) of the distinct n-grams of `sentence` that also occur in `source`; 0 for a sentence too short to tell. */
export function containment(sentence: string, source: string, lang: Language): number {
  const own = new Set(gramsOf(sentence, lang));
  if (own.size < MIN_GRAMS) return 0;
  const theirs = new Set(gramsOf(source, lang));
  let shared = 0;
  for (const gram of own) if (theirs.has(gram)) shared += 1;
  return shared / own.size;
}

/** The note sentence `sentence` is closest to, and how close. */
export function closestNoteSentence(sentence: string, note: readonly string[], lang: Language): { score: number; noteSentence: string } {
  let best = { score: 0, noteSentence: '' };
  for (const candidate of note) {
    const score = containment(sentence, candidate, lang);
    if (score > best.score) best = { score, noteSentence: candidate };
  }
  return best;
}

/** A seed sentence too close to the note. */
export interface CloseParaphrase {
  at: SeedLocation;
  field: string;
  lang: Language;
  text: string;
  noteSentence: string;
  score: number;
}

/** Every text of the seed a learner reads as a sentence, with where it was written. */
export function seedSentences(content: SeedContent): { at: SeedLocation; field: string; lang: Language; text: string }[] {
  const out: { at: SeedLocation; field: string; lang: Language; text: string }[] = [];
  const add = (at: SeedLocation, field: string, text: { ko: string; en: string } | undefined) => {
    if (!text) return;
    out.push({ at, field, lang: 'ko', text: text.ko }, { at, field, lang: 'en', text: text.en });
  };
  for (const c of content.concepts) {
    add(c.at, `${c.slug}.summary`, c.summary);
    add(c.at, `${c.slug}.details`, c.details);
    add(c.at, `${c.slug}.correction.noteSays`, c.correction?.noteSays);
    add(c.at, `${c.slug}.correction.truth`, c.correction?.truth);
  }
  for (const r of content.relations) {
    const name = `${r.from} ${r.type} ${r.to}`;
    add(r.at, `${name}.description`, r.description);
    add(r.at, `${name}.correction.noteSays`, r.correction?.noteSays);
    add(r.at, `${name}.correction.truth`, r.correction?.truth);
  }
  for (const k of content.comparisons) {
    k.aspects.forEach((aspect, index) => {
      for (const [slug, value] of Object.entries(aspect.values)) add(k.at, `${k.slug}.aspects[${index}].${slug}`, value);
    });
  }
  return out;
}

/** Every seed sentence whose containment in some note sentence reaches THRESHOLD, closest first. */
export function closeParaphrases(content: SeedContent, noteMarkdown: string): CloseParaphrase[] {
  const note = noteSentences(noteMarkdown);
  return seedSentences(content)
    .flatMap((s) => s.text.split(/(?<=[.!?])\s+/).map((text) => ({ ...s, text })))
    .map((s) => ({ ...s, ...closestNoteSentence(s.text, note, s.lang) }))
    .filter((s) => s.score >= THRESHOLD)
    .sort((a, b) => b.score - a.score);
}
