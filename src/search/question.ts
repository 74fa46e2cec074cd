import { compact, splitWords, type Word } from './words';

/**
 * What kind of question a search text is, read from its wording in Korean or English: a plain list of words, a
 * request for a definition ("what is X", "X란?"), or a comparison of two things ("X vs Y", "X와 Y 차이",
 * "difference between X and Y"). Question words are removed from what is searched, so "what is a unikernel"
 * searches "unikernel" and "도커와 VM의 차이" searches "도커" and "vm" as the two sides.
 */
export type SearchIntent = 'WORDS' | 'DEFINITION' | 'COMPARISON';

export interface QueryPart {
  /** The words to search, question words removed (or all words when nothing else is left). */
  words: Word[];
  /** Exact-match keys of the text: its words joined without spaces, as typed and as stems, with and without question words. */
  needles: string[];
}

export interface QueryPlan {
  intent: SearchIntent;
  /** The whole text. */
  whole: QueryPart;
  /** For a comparison, its two sides in the order written; empty otherwise. */
  sides: QueryPart[];
}

/** Words that only make a question ("what is", "how to", "뭐야", "방법"): dropped unless nothing else is left. */
const FILLER = new Set([
  'what',
  'whats',
  's',
  'is',
  'are',
  'was',
  'a',
  'an',
  'the',
  'of',
  'to',
  'how',
  'do',
  'does',
  'did',
  'i',
  'you',
  'me',
  'my',
  'can',
  'could',
  'should',
  'in',
  'on',
  'for',
  'about',
  'explain',
  'define',
  'definition',
  'meaning',
  'mean',
  'means',
  'tell',
  'please',
  'way',
  'ways',
  'which',
  'why',
  'when',
  'it',
  'its',
  'this',
  'that',
  'and',
  'or',
  'with',
  'between',
  'from',
  'difference',
  'differences',
  'differ',
  'different',
  'compare',
  'comparison',
  'compared',
  'comparing',
  'versus',
  'vs',
  'better',
  'than',
  'works',
  'work',
  'doing',
  'use',
  'used',
  'using',
  'there',
  '뭐야',
  '뭐예요',
  '뭔가요',
  '뭐지',
  '뭐',
  '뭘',
  '무엇',
  '무엇인가요',
  '무엇인가',
  '무슨',
  '뜻',
  '의미',
  '개념',
  '설명',
  '설명해줘',
  '알려줘',
  '알려주세요',
  '어떻게',
  '방법',
  '법',
  '하나요',
  '해요',
  '인가요',
  '왜',
  '언제',
  '사용법',
  '차이',
  '차이점',
  '비교',
  '다른',
  '다른점',
  '점',
  '대',
  '대비',
  '어떤',
  '뭐가',
  '다른가요',
  '다른가',
  '다르다',
  '달라',
  '하는',
  '할',
  '수',
  '있나요',
  '있어',
  '좋은',
  '정리',
]);

/** Words that turn a text into a comparison when it also has two sides. */
const COMPARE_WORDS = new Set([
  'vs',
  'versus',
  'difference',
  'differences',
  'differ',
  'different',
  'compare',
  'comparison',
  'compared',
  'comparing',
  '차이',
  '차이점',
  '비교',
  '다른',
  '다른점',
  '다른가요',
  '다른가',
  '다르다',
  '달라',
  '대',
  '대비',
]);
/** Words standing between the two sides ("X vs Y", "X and Y", "X 대 Y"). */
const BETWEEN = new Set(['vs', 'versus', 'and', 'or', 'with', 'from', 'to', '대', '대비']);
/** Korean particles that join the first side to the second ("도커와 VM", "컨테이너랑 이미지"). */
const JOINED = /(?:와|과|랑|이랑|하고)$/;
const DEFINE_EN = new Set(['what', 'whats', 'define', 'definition', 'meaning', 'explain']);
const DEFINE_KO = new Set([
  '뭐야',
  '뭐예요',
  '뭔가요',
  '뭐지',
  '무엇',
  '무엇인가요',
  '무엇인가',
  '뜻',
  '의미',
  '개념',
  '설명',
  '설명해줘',
]);

function isFiller(word: Word): boolean {
  return FILLER.has(word.text) || FILLER.has(word.stem);
}

function part(words: Word[]): QueryPart {
  const kept = words.filter((word) => !isFiller(word));
  const searched = kept.length > 0 ? kept : words;
  const needles = [
    words.map((w) => w.text),
    words.map((w) => w.stem),
    searched.map((w) => w.text),
    searched.map((w) => w.stem),
  ].map(compact);
  return { words: searched, needles: [...new Set(needles)].filter((needle) => needle.length > 0) };
}

/** The two sides of a comparison, or undefined when the text does not compare two things. */
function sidesOf(words: Word[]): [Word[], Word[]] | undefined {
  if (!words.some((word) => COMPARE_WORDS.has(word.text) || COMPARE_WORDS.has(word.stem))) return undefined;
  const hasContent = (list: Word[]) => list.some((word) => !isFiller(word));
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    if (BETWEEN.has(word.text)) {
      const left = words.slice(0, i);
      const right = words.slice(i + 1);
      if (hasContent(left) && hasContent(right)) return [left, right];
    } else if ((JOINED.test(word.text) && word.stem !== word.text) || JOINED.test(word.after ?? '')) {
      const left = [...words.slice(0, i), { text: word.stem, stem: word.stem }];
      const right = words.slice(i + 1);
      if (hasContent(left) && hasContent(right)) return [left, right];
    }
  }
  return undefined;
}

function definesSomething(words: Word[], text: string): boolean {
  if (words.some((word) => DEFINE_EN.has(word.text) || DEFINE_KO.has(word.text) || DEFINE_KO.has(word.stem)))
    return true;
  return /(?:이란|란)\s*\??\s*$/.test(text.trim()) && words.length > 0;
}

/** Reads a search text into what to search for. */
export function planQuery(text: string): QueryPlan {
  const words = splitWords(text);
  const sides = sidesOf(words);
  if (sides) {
    const [left, right] = sides.map(part);
    return {
      intent: 'COMPARISON',
      whole: { words: [...left.words, ...right.words], needles: part(words).needles },
      sides: [left, right],
    };
  }
  return { intent: definesSomething(words, text) ? 'DEFINITION' : 'WORDS', whole: part(words), sides: [] };
}
