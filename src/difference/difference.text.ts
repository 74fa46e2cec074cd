import { aspectLabel } from '../compare/aspect-labels';
import { factSentence, nameIn, phraseOfAll } from '../facts/fact.sentences';
import type { ConceptRecord } from '../graph/graph.model';
import { Direction, Lang, type RelationType, type Way } from '../graph/vocabulary';
import { pickText } from '../i18n/lang';
import { en, phraseOf, relationSentence, withParticle } from '../i18n/sentences';
import type { DifferenceModel, PointModel, SharedGroupModel, SideModel } from './difference.model';
import type { CommonRecord } from './difference.common';

/** The sentences of `difference`, in Korean or English, from its model. */

/** A stored value or fragment as a sentence: ends with a full stop. */
function closed(text: string): string {
  const trimmed = text.trim();
  return /[.!?。]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** What `concept` has over relations of `type` seen from it: one sentence when it is the subject, one per relation otherwise. */
function relationSide(
  type: RelationType,
  direction: Way,
  concept: ConceptRecord,
  others: ConceptRecord[],
  lang: Lang,
): string {
  const phrase = phraseOf(concept, lang);
  if (direction === Direction.OUTGOING) return relationSentence(type, phrase, phraseOfAll(others, lang), lang);
  return others.map((other) => relationSentence(type, phraseOf(other, lang), phrase, lang)).join(' ');
}

function nothingRecorded(concept: ConceptRecord, lang: Lang): string {
  return lang === Lang.KO
    ? `${nameIn(concept, lang)}에 대해서는 이런 관계가 기록되어 있지 않다.`
    : `Nothing like this is recorded for ${en(phraseOf(concept, lang))}.`;
}

/** The row heading: a stored comparison's aspect (with the comparison's title when it compares kinds of a and b). */
export function pointLabel(point: PointModel, model: DifferenceModel, lang: Lang): string {
  if (point.label) {
    const label = pickText(point.label, lang);
    const ofKinds = point.a.concept.slug !== model.a.slug || point.b.concept.slug !== model.b.slug;
    return ofKinds && point.comparison ? `${label} (${pickText(point.comparison.title, lang)})` : label;
  }
  return pickText(aspectLabel(point.type!, point.direction!), lang);
}

/** One side of a row as a sentence; null when that side has nothing for this row. */
export function sideText(point: PointModel, side: SideModel, lang: Lang): string | null {
  if (point.type)
    return side.others.length > 0 ? relationSide(point.type, point.direction!, side.concept, side.others, lang) : null;
  return side.value ? `${nameIn(side.concept, lang)}: ${closed(pickText(side.value, lang))}` : null;
}

/** Both sides of a row in one text. */
export function pointSentence(point: PointModel, lang: Lang): string {
  const a = sideText(point, point.a, lang) ?? (point.type ? nothingRecorded(point.a.concept, lang) : null);
  const b = sideText(point, point.b, lang) ?? (point.type ? nothingRecorded(point.b.concept, lang) : null);
  return [a, b].filter((text): text is string => text !== null).join(' ');
}

/** What both have, e.g. "Like an application container, an OS container is a kind of container." */
export function sharedSentences(groups: SharedGroupModel[], a: ConceptRecord, b: ConceptRecord, lang: Lang): string[] {
  const nameB = nameIn(b, lang);
  const [phraseA, phraseB] = [phraseOf(a, lang), phraseOf(b, lang)];
  return groups.flatMap((group) => {
    if (group.direction === Direction.INCOMING) {
      return group.concepts.map((other) =>
        relationSentence(group.type, phraseOf(other, lang), phraseOfAll([a, b], lang), lang),
      );
    }
    const sentence = relationSentence(group.type, phraseA, phraseOfAll(group.concepts, lang), lang);
    if (lang === Lang.KO) return [`${withParticle(nameB, '와/과')} 마찬가지로 ${sentence}`];
    // Mid-sentence now: a common noun loses the capital its sentence gave it ("Like a VM, a container ...").
    const rest = phraseA.text ? sentence.charAt(0).toLocaleLowerCase('en') + sentence.slice(1) : sentence;
    return [`Like ${en(phraseB)}, ${rest}`];
  });
}

/** How the two are related to each other directly, one sentence per relation. */
export function directSentences(model: DifferenceModel, lang: Lang): string[] {
  return model.direct.map(({ relation, subject, object }) => factSentence(relation, subject, object, lang));
}

/** The walks from both concepts to the common one, as sentences (a relation on both walks is said once). */
export function commonSentences(common: CommonRecord, lang: Lang): string[] {
  const said = new Set<string>();
  const sentences: string[] = [];
  for (const walk of [common.fromA, common.fromB]) {
    walk.relations.forEach((relation) => {
      const key = `${relation.from}:${relation.type}:${relation.to}`;
      if (said.has(key)) return;
      said.add(key);
      const subject = walk.nodes.find((n) => n.slug === relation.from)!;
      const object = walk.nodes.find((n) => n.slug === relation.to)!;
      sentences.push(relationSentence(relation.type, phraseOf(subject, lang), phraseOf(object, lang), lang));
    });
  }
  return sentences;
}

/** "What they share, where they differ, and what they have in common" as one text. */
export function explanation(model: DifferenceModel, lang: Lang): string {
  const title = pickText(model.title, lang);
  const parts = [
    `${title}.`,
    ...directSentences(model, lang),
    ...sharedSentences(model.shared, model.a, model.b, lang),
  ];
  for (const point of model.points) parts.push(`${pointLabel(point, model, lang)}: ${pointSentence(point, lang)}`);
  if (model.common) {
    // 이다 fits after a vowel and a consonant alike in written Korean ("컨테이너이다", "호스트 머신이다").
    parts.push(
      lang === Lang.KO
        ? `가장 가까운 공통 개념은 ${nameIn(model.common.concept, lang)}이다.`
        : `The nearest concept they have in common is ${en(phraseOf(model.common.concept, lang))}.`,
    );
    parts.push(...commonSentences(model.common, lang));
  }
  return parts.join(' ');
}
