/**
 * Word forms for search, shared by the seeder (which stores normalized keys) and the query (which normalizes what a
 * learner typed), so both sides meet on the same stems. Neo4j's analyzers have no Korean morphology, so this is a
 * small rule-based stemmer: it strips the particles and endings learners type after a noun or verb stem
 * ("컨테이너를" → "컨테이너", "중지하려면" → "중지", "도커란" → "도커"). It does not conjugate irregular verbs,
 * split compounds or know which word is a noun: it only removes listed suffixes, and only when enough is left.
 */

const HANGUL = /[\uac00-\ud7a3]/;
const HANGUL_RUN = /[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+/g;

/**
 * Endings of verbs and of nouns used as verbs (X하다), longest first. Stripped only when at least one syllable is
 * left ("중지하기" → "중지", "멈추려면" → "멈추").
 */
const ENDINGS = [
  '하려면',
  '시키려면',
  '하는지',
  '하는데',
  '하나요',
  '합니다',
  '했어요',
  '시키기',
  '시키는',
  '시키다',
  '으려면',
  '하는법',
  '는방법',
  '하는',
  '하기',
  '하면',
  '하고',
  '하다',
  '한다',
  '했다',
  '해서',
  '해야',
  '해요',
  '할때',
  '되는',
  '된다',
  '되다',
  '되면',
  '려면',
  '는법',
  '는지',
  '이란',
  '해줘',
  '해주세요',
  '인가요',
  '인가',
  '예요',
  '이에요',
  '일까',
];

/** Particles after a noun, longest first ("컨테이너를", "이미지의", "도커와"). */
const PARTICLES = [
  '에서부터',
  '으로부터',
  '이라는',
  '이라고',
  '에서는',
  '에서의',
  '으로는',
  '으로의',
  '에게서',
  '에서',
  '에게',
  '으로',
  '로서',
  '로써',
  '부터',
  '까지',
  '처럼',
  '보다',
  '이랑',
  '이며',
  '이고',
  '과의',
  '와의',
  '란',
  '랑',
  '와',
  '과',
  '을',
  '를',
  '이',
  '가',
  '은',
  '는',
  '의',
  '에',
  '도',
  '만',
  '로',
  '기',
  '다',
  '고',
  '면',
];

/** A one-syllable suffix is stripped only from words of three syllables or more, so "속도" and "정의" stay whole. */
function strip(word: string, suffixes: readonly string[]): string | undefined {
  for (const suffix of suffixes) {
    if (!word.endsWith(suffix)) continue;
    const left = word.length - suffix.length;
    if (left >= (suffix.length === 1 ? 2 : 1)) return word.slice(0, left);
  }
  return undefined;
}

/** The stem of one Korean word: an ending removed, or a particle and then an ending before it ("중지하기를"). */
export function koreanStem(word: string): string {
  const ended = strip(word, ENDINGS);
  if (ended !== undefined) return ended;
  const bare = strip(word, PARTICLES);
  return bare === undefined ? word : (strip(bare, ENDINGS) ?? bare);
}

/** True when the whole Hangul piece after a Latin word is only grammar ("docker를", "VM이란", "Dockerfile의"). */
function isGrammar(piece: string): boolean {
  return ENDINGS.includes(piece) || PARTICLES.includes(piece) || piece === '이란';
}

/** One word of a query or a name: as typed (lower-cased) and as its stem (the same for non-Korean words). */
export interface Word {
  text: string;
  stem: string;
  /** The Korean particle or ending that followed a Latin word and was dropped ("stop과" → "과"). */
  after?: string;
}

/**
 * Splits text into words: lower-cased, punctuation except `-` and `_` turned into spaces ("정지/종료" → two words,
 * "docker ps -a" keeps "-a"), and a Hangul ending glued to a Latin word dropped ("docker를" → "docker").
 */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  const cleaned = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\-_]+/gu, ' ');
  for (const token of cleaned.split(/\s+/)) {
    if (token.length === 0 || /^-+$/.test(token)) continue;
    const pieces = token.match(HANGUL_RUN) ?? [];
    if (pieces.length > 1) {
      pieces.forEach((piece, index) => {
        if (HANGUL.test(piece) && index > 0 && isGrammar(piece)) {
          if (words.length > 0) words[words.length - 1].after = piece;
          return;
        }
        words.push(toWord(piece));
      });
    } else {
      words.push(toWord(token));
    }
  }
  return words;
}

function toWord(text: string): Word {
  return { text, stem: HANGUL.test(text) ? koreanStem(text) : text };
}

/** A flag such as `-a` or `--all`. */
export function isFlag(word: string): boolean {
  return /^-{1,2}[a-z][a-z0-9-]*$/.test(word);
}

/**
 * The index term that stands for a flag. The full-text analyzer drops `-` and the one-letter word `a` is an English
 * stop word, so `-a` would match nothing; the seeder stores this term for every flag-shaped name, alias or learner
 * word, and the query searches for it.
 */
export function flagTerm(word: string): string {
  return `flag_${word.replace(/^-+/, '').replace(/-/g, '_')}`;
}

/** Words joined without spaces: "가상 머신" and "가상머신" become the same key. */
export function compact(words: readonly string[]): string {
  return words.join('');
}

/**
 * The exact-match keys of a name, alias or learner word: its words joined without spaces, as written and as stems.
 * A query matches a concept exactly when one of its own keys (made the same way) is among these.
 */
export function keysOf(text: string): string[] {
  const words = splitWords(text);
  if (words.length === 0) return [];
  return [...new Set([compact(words.map((w) => w.text)), compact(words.map((w) => w.stem))])];
}
