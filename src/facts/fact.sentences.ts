import type { ConceptRecord, RelationRecord } from '../graph/graph.model';
import { Lang } from '../graph/vocabulary';
import { pick } from '../i18n/lang';
import { type Phrase, phraseOf, relationSentence, withParticle } from '../i18n/sentences';

/** A concept's name in `lang` (the other language when missing, the slug as a last resort). */
export function nameIn(concept: ConceptRecord, lang: Lang): string {
  return pick(concept.nameKo, concept.nameEn, lang) ?? concept.slug;
}

/** "A", "A and B", "A, B and C"; in Korean "A", "A와 B", "A, B와 C" (the particle fits the word before it). */
export function joinNames(names: readonly string[], lang: Lang): string {
  if (names.length <= 1) return names[0] ?? '';
  const head = names.slice(0, -2);
  const [before, last] = names.slice(-2);
  const prefix = head.map((name) => `${name}, `).join('');
  return lang === Lang.KO ? `${prefix}${withParticle(before, '와/과')} ${last}` : `${prefix}${before} and ${last}`;
}

/**
 * Several concepts as one phrase of a sentence: names joined as joinNames does, English sentence forms joined the
 * same way, and marked as several when there is more than one, so the verb agrees ("A and B are part of C") and so
 * does the noun after it ("A and B are characteristics of C").
 */
export function phraseOfAll(concepts: readonly ConceptRecord[], lang: Lang): Phrase {
  const phrases = concepts.map((c) => phraseOf(c, lang));
  if (phrases.length === 1) return phrases[0];
  const text = phrases.some((p) => p.text)
    ? joinNames(
        phrases.map((p) => p.text ?? p.name),
        lang,
      )
    : null;
  return {
    name: joinNames(
      phrases.map((p) => p.name),
      lang,
    ),
    text,
    plural: true,
    several: true,
  };
}

/** A stored description ("first it asks the container to terminate") as a sentence of its own. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toLocaleUpperCase('en') + trimmed.slice(1);
  return /[.!?。]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * A relation as a sentence in `lang` ("docker stop sends SIGTERM."), followed by the relation's own description
 * when it has one and `withDescription` is set. `subject` and `object` are the relation's stored ends.
 */
export function factSentence(
  relation: RelationRecord,
  subject: ConceptRecord,
  object: ConceptRecord,
  lang: Lang,
  withDescription = true,
): string {
  const sentence = relationSentence(relation.type, phraseOf(subject, lang), phraseOf(object, lang), lang);
  const description = withDescription ? pick(relation.descriptionKo, relation.descriptionEn, lang) : null;
  return description ? `${sentence} ${asSentence(description)}` : sentence;
}
