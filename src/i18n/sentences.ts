import { Lang, RelationType } from '../graph/vocabulary';

/**
 * One readable sentence per relation type, in Korean and English, for explaining a path hop by hop. Korean
 * particles (은/는, 이/가, ...) depend on whether the word before them ends in a consonant sound (batchim), so the
 * Korean templates choose them from the names they are given; English templates only place the names.
 */

/** How a word ends when read aloud in Korean: in a vowel, in ㄹ, in another consonant, or we cannot tell. */
export type Ending = 'vowel' | 'rieul' | 'consonant' | 'unknown';

/** The particle pairs the templates use, written "after a consonant / after a vowel". */
export type Particle = '은/는' | '이/가' | '을/를' | '와/과' | '으로/로' | '이라는/라는';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Index of ㄹ among the 28 final-consonant slots of a Hangul syllable (0 = none). */
const JONG_RIEUL = 8;

/** Digits read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구. A number ending in 0 is read 영/십/백/천/만, all consonants. */
const DIGIT_ENDINGS: Ending[] = [
  'consonant',
  'rieul',
  'vowel',
  'consonant',
  'vowel',
  'vowel',
  'consonant',
  'rieul',
  'rieul',
  'vowel',
];

/** Letter names as Korean reads them (엘, 엠, 엔, 알 end in a consonant; 에이, 비, 씨, ... in a vowel). */
function letterNameEnding(letter: string): Ending {
  switch (letter.toUpperCase()) {
    case 'L':
    case 'R':
      return 'rieul';
    case 'M':
    case 'N':
      return 'consonant';
    default:
      return 'vowel';
  }
}

const VOWELS = 'aeiou';
const isVowel = (ch: string | undefined): boolean => ch !== undefined && VOWELS.includes(ch);

/**
 * How an English word ends when Korean borrows it: SIGTERM (시그텀) and stream end in ㅁ, kernel and file in ㄹ,
 * Docker (도커) and image (이미지) in a vowel, commit (커밋) and stop (스톱) in a consonant. Heuristic by design:
 * loanword spelling has exceptions, and a wrong guess costs only a slightly odd particle.
 */
function englishWordEnding(word: string): Ending {
  const w = word.toLowerCase();
  const last = w[w.length - 1];
  const prev = w[w.length - 2];
  const beforePrev = w[w.length - 3];
  if (w.endsWith('ng')) return 'consonant';
  if (last === 'l' || w.endsWith('le')) return 'rieul';
  if (last === 'm' || last === 'n' || w.endsWith('me') || w.endsWith('ne')) return 'consonant';
  switch (last) {
    case 'p':
      return isVowel(prev) || prev === 'p' ? 'consonant' : 'vowel';
    case 'k':
      return prev === 'c' || (isVowel(prev) && (!isVowel(beforePrev) || w.endsWith('ook'))) ? 'consonant' : 'vowel';
    case 't':
    case 'b':
      // A short vowel before a final t/b makes a batchim (커밋, 웹); a long one does not (부트, 루트).
      return isVowel(prev) && !isVowel(beforePrev) ? 'consonant' : 'vowel';
    case 'c':
      return isVowel(prev) ? 'consonant' : 'vowel';
    default:
      return 'vowel';
  }
}

/** The ending of the last run of Latin letters: spelled out for acronyms (LXC, VM, rkt), read as a word otherwise. */
function latinEnding(token: string): Ending {
  const trailingCapitals = /[A-Z]{2,}$/.exec(token)?.[0];
  const isAcronym =
    (token === token.toUpperCase() && (token.length <= 3 || !/[AEIOU]/.test(token))) ||
    (trailingCapitals !== undefined && trailingCapitals !== token) ||
    !/[aeiouy]/i.test(token);
  if (isAcronym) return letterNameEnding(token[token.length - 1]);
  return englishWordEnding(token);
}

/** Drops what is not read before a particle: trailing punctuation, spaces and a final parenthetical, "운영체제(OS)". */
function spokenPart(text: string): string {
  let rest = text;
  for (;;) {
    const next = rest.replace(/[\s.,;:!?'"`’”»–—-]+$/u, '').replace(/\s*[([{][^()[\]{}]*[)\]}]$/u, '');
    if (next === rest) return rest;
    // The whole text was one parenthetical, "(VM)": then its contents are what is read.
    if (next === '') return rest.replace(/[^\p{L}\p{N}]/gu, '');
    rest = next;
  }
}

/** How `word` ends when read in Korean, which decides the particle after it. */
export function endingOf(word: string): Ending {
  const spoken = spokenPart(word);
  const last = spoken[spoken.length - 1];
  if (last === undefined) return 'unknown';
  const code = last.codePointAt(0)!;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const jong = (code - HANGUL_FIRST) % 28;
    if (jong === 0) return 'vowel';
    return jong === JONG_RIEUL ? 'rieul' : 'consonant';
  }
  // A lone consonant or vowel letter (ㄱ ... ㅎ, ㅏ ... ㅣ), as in abbreviations.
  if (code >= 0x3131 && code <= 0x314e) return last === 'ㄹ' ? 'rieul' : 'consonant';
  if (code >= 0x314f && code <= 0x3163) return 'vowel';
  if (/[0-9]/.test(last)) return DIGIT_ENDINGS[Number(last)];
  const latin = /[A-Za-z]+$/.exec(spoken)?.[0];
  if (latin) return latinEnding(latin);
  return 'unknown';
}

/** The form of `particle` that fits after `word`; both forms, "은(는)", when the ending cannot be told. */
export function particleFor(word: string, particle: Particle): string {
  const ending = endingOf(word);
  const [afterConsonant, afterVowel] = particle.split('/');
  if (ending === 'unknown') {
    // The conventional neutral spellings: 은(는), 이(가), 을(를), 와(과), (으)로, (이)라는.
    if (particle === '와/과') return '와(과)';
    if (particle === '으로/로') return '(으)로';
    if (particle === '이라는/라는') return '(이)라는';
    return `${afterConsonant}(${afterVowel})`;
  }
  if (particle === '으로/로') return ending === 'consonant' ? '으로' : '로';
  // 와/과 is the one pair written vowel-form first; every other pair is consonant-form first.
  if (particle === '와/과') return ending === 'vowel' ? '와' : '과';
  return ending === 'vowel' ? afterVowel : afterConsonant;
}

/** `word` followed by the fitting form of `particle`, e.g. withParticle('도커', '을/를') = '도커를'. */
export function withParticle(word: string, particle: Particle): string {
  return `${word}${particleFor(word, particle)}`;
}

/**
 * How a concept appears inside a sentence. Korean uses the name as it is; English needs more than the name: an
 * article and lower case for common nouns ("the build stage", "an image"), and the number, so that the verb agrees
 * ("Kernel isolation features are part of the Linux kernel"). `text` is that English form; without it the name is
 * used as it stands (product, command and signal names: "Docker", "docker stop", "SIGTERM").
 */
export interface Phrase {
  /** The concept's name, for Korean and wherever a name reads as a label (the learning order). */
  name: string;
  /** The English form inside a sentence, with its article ("the Linux kernel"); the name when absent. */
  text?: string | null;
  /** True when the English form is plural ("kernel isolation features"), which decides the verb form. */
  plural?: boolean | null;
  /**
   * True when the phrase lists several concepts ("A and B"). A plural noun still names one thing ("Dedicated
   * resources are a characteristic of ..."); a list names several, so the noun after the verb is plural too
   * ("A and B are characteristics of ...").
   */
  several?: boolean | null;
}

type Template = (subject: Phrase, object: Phrase) => string;

const p = withParticle;
const ko = (phrase: Phrase) => phrase.name;

/** Korean: `subject TYPE object`, stated in the relation's own direction. */
const KO: Record<RelationType, Template> = {
  [RelationType.IS_A]: (a, b) => `${p(ko(a), '은/는')} ${ko(b)}의 한 종류이다.`,
  [RelationType.PART_OF]: (a, b) => `${p(ko(a), '은/는')} ${ko(b)}의 일부이다.`,
  [RelationType.EXAMPLE_OF]: (a, b) => `${p(ko(a), '은/는')} ${ko(b)}의 한 예이다.`,
  [RelationType.ALTERNATIVE_TO]: (a, b) => `${p(ko(a), '은/는')} ${ko(b)} 대신 쓸 수 있다.`,
  [RelationType.CONTRASTS_WITH]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '와/과')} 대비된다.`,
  [RelationType.RUNS_ON]: (a, b) => `${p(ko(a), '은/는')} ${ko(b)} 위에서 실행된다.`,
  [RelationType.SHARES]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '을/를')} 공유한다.`,
  [RelationType.BUILT_FROM]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '으로/로')} 만들어진다.`,
  [RelationType.DEFINED_BY]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '으로/로')} 정의된다.`,
  [RelationType.CREATES]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '을/를')} 만든다.`,
  [RelationType.COMPOSED_OF]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '을/를')} 담고 있다.`,
  [RelationType.USES]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '을/를')} 사용한다.`,
  [RelationType.ENABLES]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '을/를')} 가능하게 한다.`,
  [RelationType.UPDATES]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '을/를')} 바꾼다.`,
  [RelationType.SUPPORTS]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '을/를')} 돕는다.`,
  [RelationType.TARGETS]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '을/를')} 대상으로 한다.`,
  [RelationType.LISTED_BY]: (a, b) => `${p(ko(a), '은/는')} ${ko(b)}의 목록에 나온다.`,
  [RelationType.STORED_IN]: (a, b) => `${p(ko(a), '은/는')} ${ko(b)}에 저장된다.`,
  [RelationType.HAS_BENEFIT]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '이라는/라는')} 장점이 있다.`,
  [RelationType.HAS_CHARACTERISTIC]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '이라는/라는')} 특성이 있다.`,
  [RelationType.HAS_STAGE]: (a, b) => `${ko(a)}의 단계에는 ${p(ko(b), '이/가')} 있다.`,
  [RelationType.NEXT_STAGE]: (a, b) => `${ko(a)} 다음에는 ${p(ko(b), '이/가')} 온다.`,
  [RelationType.HAS_COMMAND]: (a, b) => `${ko(a)}에서는 ${p(ko(b), '을/를')} 쓴다.`,
  [RelationType.HAS_FLAG]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '을/를')} 받는다.`,
  [RelationType.SENDS_SIGNAL]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '을/를')} 보낸다.`,
  [RelationType.DEPENDS_ON]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '이/가')} 있어야 동작한다.`,
  [RelationType.LEARN_AFTER]: (a, b) => `학습 순서로는 ${p(ko(b), '을/를')} 먼저 익힌 뒤 ${p(ko(a), '을/를')} 배운다.`,
  [RelationType.PAIRS_WELL_WITH]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '와/과')} 잘 어울린다.`,
  [RelationType.OVERLAPS_WITH]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '와/과')} 뜻이 겹친다.`,
  [RelationType.COVERS]: (a, b) => `${p(ko(a), '은/는')} ${p(ko(b), '을/를')} 다룬다.`,
};

/** The English form of a phrase, as it reads inside a sentence. */
export const en = (phrase: Phrase) => phrase.text ?? phrase.name;
/**
 * A phrase at the start of a sentence. A sentence form is a common noun ("the build stage", "being lightweight") and
 * takes a capital; a bare name keeps its case, because "docker stop" or "cgroups" is spelled so on purpose.
 */
export const start = (phrase: Phrase) =>
  phrase.text ? phrase.text.charAt(0).toLocaleUpperCase('en') + phrase.text.slice(1) : phrase.name;
/** The verb form that agrees with `subject`: `verb(a, 'is', 'are')`. */
export const verb = (subject: Phrase, singular: string, plural: string) =>
  subject.plural || subject.several ? plural : singular;
/**
 * The words after the verb that count the subject: one for a single concept, even a plural noun ("Dedicated
 * resources are a characteristic"), several for a list ("A and B are characteristics").
 */
export const count = (subject: Phrase, one: string, several: string) => (subject.several ? several : one);
/** "a container" as the complement of "a kind of": "a kind of container"; in a list, every item loses its article. */
export const bare = (phrase: Phrase) =>
  en(phrase).replace(phrase.several ? /(^|, | and )(?:a|an) /g : /^()(?:a|an) /, '$1');

/**
 * English: `subject TYPE object`. Names are used as stored (no change of case) when a concept has no sentence form,
 * because many are product or command names ("docker stop", "Docker", "SIGTERM") that a casing rule would spoil.
 */
const EN: Record<RelationType, Template> = {
  [RelationType.IS_A]: (a, b) => `${start(a)} ${verb(a, 'is', 'are')} ${count(a, 'a kind', 'kinds')} of ${bare(b)}.`,
  [RelationType.PART_OF]: (a, b) => `${start(a)} ${verb(a, 'is', 'are')} part of ${en(b)}.`,
  [RelationType.EXAMPLE_OF]: (a, b) => `${start(a)} ${verb(a, 'is an example', 'are examples')} of ${en(b)}.`,
  [RelationType.ALTERNATIVE_TO]: (a, b) => `${start(a)} can be used instead of ${en(b)}.`,
  [RelationType.CONTRASTS_WITH]: (a, b) => `${start(a)} ${verb(a, 'contrasts', 'contrast')} with ${en(b)}.`,
  [RelationType.RUNS_ON]: (a, b) => `${start(a)} ${verb(a, 'runs', 'run')} on ${en(b)}.`,
  [RelationType.SHARES]: (a, b) => `${start(a)} ${verb(a, 'shares', 'share')} ${en(b)}.`,
  [RelationType.BUILT_FROM]: (a, b) => `${start(a)} ${verb(a, 'is', 'are')} built from ${en(b)}.`,
  [RelationType.DEFINED_BY]: (a, b) => `${start(a)} ${verb(a, 'is', 'are')} defined by ${en(b)}.`,
  [RelationType.CREATES]: (a, b) => `${start(a)} ${verb(a, 'creates', 'create')} ${en(b)}.`,
  [RelationType.COMPOSED_OF]: (a, b) => `${start(a)} ${verb(a, 'contains', 'contain')} ${en(b)}.`,
  [RelationType.USES]: (a, b) => `${start(a)} ${verb(a, 'uses', 'use')} ${en(b)}.`,
  [RelationType.ENABLES]: (a, b) => `${start(a)} ${verb(a, 'makes', 'make')} ${en(b)} possible.`,
  [RelationType.UPDATES]: (a, b) => `${start(a)} ${verb(a, 'changes', 'change')} ${en(b)}.`,
  [RelationType.SUPPORTS]: (a, b) => `${start(a)} ${verb(a, 'helps', 'help')} with ${en(b)}.`,
  [RelationType.TARGETS]: (a, b) => `${start(a)} ${verb(a, 'targets', 'target')} ${en(b)}.`,
  [RelationType.LISTED_BY]: (a, b) => `${start(a)} ${verb(a, 'is', 'are')} listed by ${en(b)}.`,
  [RelationType.STORED_IN]: (a, b) => `${start(a)} ${verb(a, 'is', 'are')} kept in ${en(b)}.`,
  [RelationType.HAS_BENEFIT]: (a, b) =>
    `${start(a)} ${verb(a, 'has', 'have')} ${count(b, 'the benefit', 'the benefits')} of ${en(b)}.`,
  [RelationType.HAS_CHARACTERISTIC]: (a, b) =>
    `${start(b)} ${verb(b, 'is', 'are')} ${count(b, 'a characteristic', 'characteristics')} of ${en(a)}.`,
  [RelationType.HAS_STAGE]: (a, b) => `${start(b)} ${verb(b, 'is a stage', 'are stages')} of ${en(a)}.`,
  [RelationType.NEXT_STAGE]: (a, b) => `${start(a)} ${verb(a, 'is', 'are')} followed by ${en(b)}.`,
  [RelationType.HAS_COMMAND]: (a, b) => `${start(b)} ${verb(b, 'is a command', 'are commands')} used in ${en(a)}.`,
  [RelationType.HAS_FLAG]: (a, b) => `${start(a)} ${verb(a, 'accepts', 'accept')} ${en(b)}.`,
  [RelationType.SENDS_SIGNAL]: (a, b) => `${start(a)} ${verb(a, 'sends', 'send')} ${en(b)}.`,
  [RelationType.DEPENDS_ON]: (a, b) => `${start(a)} ${verb(a, 'depends', 'depend')} on ${en(b)} to work.`,
  // A learning order speaks of topics of study, so it names them rather than the things themselves.
  [RelationType.LEARN_AFTER]: (a, b) => `In the learning order, ${b.name} comes before ${a.name}.`,
  [RelationType.PAIRS_WELL_WITH]: (a, b) => `${start(a)} ${verb(a, 'pairs', 'pair')} well with ${en(b)}.`,
  [RelationType.OVERLAPS_WITH]: (a, b) => `${start(a)} ${verb(a, 'overlaps', 'overlap')} with ${en(b)}.`,
  [RelationType.COVERS]: (a, b) => `${start(a)} ${verb(a, 'covers', 'cover')} ${en(b)}.`,
};

/** A bare name as a phrase (Korean text, or an English name used as it stands). */
function asPhrase(value: string | Phrase): Phrase {
  return typeof value === 'string' ? { name: value } : value;
}

/**
 * The sentence stating `subject TYPE object` in `lang`. Always pass the relation's true subject and object, even
 * when a path walks the relation backwards: the sentence states the fact, not the walk.
 */
export function relationSentence(
  type: RelationType,
  subject: string | Phrase,
  object: string | Phrase,
  lang: Lang,
): string {
  return (lang === Lang.KO ? KO : EN)[type](asPhrase(subject), asPhrase(object));
}

/** The same fact as a short label for a legend or an edge ("is best learned after"), in `lang`. */
export function relationLabel(type: RelationType, lang: Lang): string {
  return (lang === Lang.KO ? LABELS_KO : LABELS_EN)[type];
}

const LABELS_EN: Record<RelationType, string> = {
  IS_A: 'is a kind of',
  PART_OF: 'is part of',
  EXAMPLE_OF: 'is an example of',
  ALTERNATIVE_TO: 'can be used instead of',
  CONTRASTS_WITH: 'contrasts with',
  RUNS_ON: 'runs on',
  SHARES: 'shares',
  BUILT_FROM: 'is built from',
  DEFINED_BY: 'is defined by',
  CREATES: 'creates',
  COMPOSED_OF: 'contains',
  USES: 'uses',
  ENABLES: 'makes possible',
  UPDATES: 'changes',
  SUPPORTS: 'helps with',
  TARGETS: 'targets',
  LISTED_BY: 'is listed by',
  STORED_IN: 'is kept in',
  HAS_BENEFIT: 'has the benefit of',
  HAS_CHARACTERISTIC: 'has the characteristic',
  HAS_STAGE: 'has the stage',
  NEXT_STAGE: 'is followed by',
  HAS_COMMAND: 'uses the command',
  HAS_FLAG: 'accepts the flag',
  SENDS_SIGNAL: 'sends the signal',
  DEPENDS_ON: 'depends on',
  LEARN_AFTER: 'is best learned after',
  PAIRS_WELL_WITH: 'pairs well with',
  OVERLAPS_WITH: 'overlaps with',
  COVERS: 'covers',
};

const LABELS_KO: Record<RelationType, string> = {
  IS_A: '~의 한 종류',
  PART_OF: '~의 일부',
  EXAMPLE_OF: '~의 한 예',
  ALTERNATIVE_TO: '~ 대신 쓸 수 있음',
  CONTRASTS_WITH: '~와 대비됨',
  RUNS_ON: '~ 위에서 실행됨',
  SHARES: '~을 공유함',
  BUILT_FROM: '~으로 만들어짐',
  DEFINED_BY: '~으로 정의됨',
  CREATES: '~을 만듦',
  COMPOSED_OF: '~을 담고 있음',
  USES: '~을 사용함',
  ENABLES: '~을 가능하게 함',
  UPDATES: '~을 바꿈',
  SUPPORTS: '~을 도움',
  TARGETS: '~을 대상으로 함',
  LISTED_BY: '~의 목록에 나옴',
  STORED_IN: '~에 저장됨',
  HAS_BENEFIT: '장점',
  HAS_CHARACTERISTIC: '특성',
  HAS_STAGE: '단계',
  NEXT_STAGE: '다음 단계',
  HAS_COMMAND: '쓰는 명령',
  HAS_FLAG: '받는 옵션',
  SENDS_SIGNAL: '보내는 시그널',
  DEPENDS_ON: '~이 있어야 동작함',
  LEARN_AFTER: '~을 먼저 배운 뒤에 배움',
  PAIRS_WELL_WITH: '~와 잘 어울림',
  OVERLAPS_WITH: '~와 뜻이 겹침',
  COVERS: '~을 다룸',
};

/** A concept's sentence form in `lang`: the name, and in English the stored sentence form and number. */
export function phraseOf(
  concept: { slug: string; nameKo: string; nameEn: string; phraseEn?: string | null; pluralEn?: boolean | null },
  lang: Lang,
): Phrase {
  if (lang === Lang.KO) return { name: concept.nameKo || concept.nameEn || concept.slug };
  return {
    name: concept.nameEn || concept.nameKo || concept.slug,
    text: concept.phraseEn ?? null,
    plural: concept.pluralEn ?? false,
  };
}
