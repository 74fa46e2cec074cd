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
const DIGIT_ENDINGS: Ending[] = ['consonant', 'rieul', 'vowel', 'consonant', 'vowel', 'vowel', 'consonant', 'rieul', 'rieul', 'vowel'];

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

type Template = (subject: string, object: string) => string;

const p = withParticle;

/** Korean: `subject TYPE object`, stated in the relation's own direction. */
const KO: Record<RelationType, Template> = {
  [RelationType.IS_A]: (a, b) => `${p(a, '은/는')} ${b}의 한 종류이다.`,
  [RelationType.PART_OF]: (a, b) => `${p(a, '은/는')} ${b}의 일부이다.`,
  [RelationType.EXAMPLE_OF]: (a, b) => `${p(a, '은/는')} ${b}의 한 예이다.`,
  [RelationType.ALTERNATIVE_TO]: (a, b) => `${p(a, '은/는')} ${b} 대신 쓸 수 있다.`,
  [RelationType.CONTRASTS_WITH]: (a, b) => `${p(a, '은/는')} ${p(b, '와/과')} 대비된다.`,
  [RelationType.RUNS_ON]: (a, b) => `${p(a, '은/는')} ${b} 위에서 실행된다.`,
  [RelationType.SHARES]: (a, b) => `${p(a, '은/는')} ${p(b, '을/를')} 공유한다.`,
  [RelationType.BUILT_FROM]: (a, b) => `${p(a, '은/는')} ${p(b, '으로/로')} 만들어진다.`,
  [RelationType.DEFINED_BY]: (a, b) => `${p(a, '은/는')} ${p(b, '으로/로')} 정의된다.`,
  [RelationType.CREATES]: (a, b) => `${p(a, '은/는')} ${p(b, '을/를')} 만든다.`,
  [RelationType.COMPOSED_OF]: (a, b) => `${p(a, '은/는')} ${p(b, '으로/로')} 이루어진다.`,
  [RelationType.USES]: (a, b) => `${p(a, '은/는')} ${p(b, '을/를')} 사용한다.`,
  [RelationType.ENABLES]: (a, b) => `${p(a, '은/는')} ${p(b, '을/를')} 가능하게 한다.`,
  [RelationType.UPDATES]: (a, b) => `${p(a, '은/는')} ${p(b, '을/를')} 갱신한다.`,
  [RelationType.HAS_BENEFIT]: (a, b) => `${p(a, '은/는')} ${p(b, '이라는/라는')} 장점이 있다.`,
  [RelationType.HAS_CHARACTERISTIC]: (a, b) => `${p(a, '은/는')} ${p(b, '이라는/라는')} 특성이 있다.`,
  [RelationType.HAS_STAGE]: (a, b) => `${a}의 단계에는 ${p(b, '이/가')} 있다.`,
  [RelationType.NEXT_STAGE]: (a, b) => `${a} 다음에는 ${p(b, '이/가')} 온다.`,
  [RelationType.HAS_COMMAND]: (a, b) => `${p(a, '은/는')} ${p(b, '으로/로')} 수행된다.`,
  [RelationType.HAS_FLAG]: (a, b) => `${p(a, '은/는')} ${p(b, '을/를')} 받는다.`,
  [RelationType.SENDS_SIGNAL]: (a, b) => `${p(a, '은/는')} ${p(b, '을/를')} 보낸다.`,
  [RelationType.REQUIRES]: (a, b) => `${p(a, '을/를')} 이해하려면 ${p(b, '을/를')} 먼저 알아야 한다.`,
  [RelationType.PAIRS_WELL_WITH]: (a, b) => `${p(a, '은/는')} ${p(b, '와/과')} 잘 어울린다.`,
  [RelationType.COVERS]: (a, b) => `${p(a, '은/는')} ${p(b, '을/를')} 다룬다.`,
};

/**
 * English: `subject TYPE object`. Names are used exactly as stored (no change of case), because many are product or
 * command names ("docker stop", "Docker", "SIGTERM") that a lower- or upper-casing rule would spoil.
 */
const EN: Record<RelationType, Template> = {
  [RelationType.IS_A]: (a, b) => `${a} is a kind of ${b}.`,
  [RelationType.PART_OF]: (a, b) => `${a} is part of ${b}.`,
  [RelationType.EXAMPLE_OF]: (a, b) => `${a} is an example of ${b}.`,
  [RelationType.ALTERNATIVE_TO]: (a, b) => `${a} can be used instead of ${b}.`,
  [RelationType.CONTRASTS_WITH]: (a, b) => `${a} contrasts with ${b}.`,
  [RelationType.RUNS_ON]: (a, b) => `${a} runs on ${b}.`,
  [RelationType.SHARES]: (a, b) => `${a} shares ${b}.`,
  [RelationType.BUILT_FROM]: (a, b) => `${a} is built from ${b}.`,
  [RelationType.DEFINED_BY]: (a, b) => `${a} is defined by ${b}.`,
  [RelationType.CREATES]: (a, b) => `${a} creates ${b}.`,
  [RelationType.COMPOSED_OF]: (a, b) => `${a} is made of ${b}.`,
  [RelationType.USES]: (a, b) => `${a} uses ${b}.`,
  [RelationType.ENABLES]: (a, b) => `${a} makes ${b} possible.`,
  [RelationType.UPDATES]: (a, b) => `${a} writes its changes into ${b}.`,
  [RelationType.HAS_BENEFIT]: (a, b) => `${a} has the benefit of ${b}.`,
  [RelationType.HAS_CHARACTERISTIC]: (a, b) => `${a} has the characteristic ${b}.`,
  [RelationType.HAS_STAGE]: (a, b) => `${a} has the stage ${b}.`,
  [RelationType.NEXT_STAGE]: (a, b) => `${a} is followed by ${b}.`,
  [RelationType.HAS_COMMAND]: (a, b) => `${a} is carried out with ${b}.`,
  [RelationType.HAS_FLAG]: (a, b) => `${a} accepts ${b}.`,
  [RelationType.SENDS_SIGNAL]: (a, b) => `${a} sends ${b}.`,
  [RelationType.REQUIRES]: (a, b) => `To understand ${a}, learn ${b} first.`,
  [RelationType.PAIRS_WELL_WITH]: (a, b) => `${a} pairs well with ${b}.`,
  [RelationType.COVERS]: (a, b) => `${a} covers ${b}.`,
};

/**
 * The sentence stating `subject TYPE object` in `lang`. Always pass the relation's true subject and object, even
 * when a path walks the relation backwards: the sentence states the fact, not the walk.
 */
export function relationSentence(type: RelationType, subject: string, object: string, lang: Lang): string {
  return (lang === Lang.KO ? KO : EN)[type](subject, object);
}
