import { ConceptKind } from '../graph/vocabulary';
import { closeParaphrases, closestNoteSentence, containment, gramsOf, noteSentences, THRESHOLD } from './own-words';
import type { SeedContent } from './seed.types';

describe('gramsOf', () => {
  it('reads Korean as character 4-grams without spaces or punctuation, and English as word 3-grams', () => {
    expect(gramsOf('가나 다라, 마!', 'ko')).toEqual(['가나다라', '나다라마']);
    expect(gramsOf('One two, three FOUR.', 'en')).toEqual(['one two three', 'two three four']);
  });

  it('leaves out Korean 4-grams without a Hangul letter: lists of product names are shared vocabulary', () => {
    expect(gramsOf('LXC OpenVZ 가', 'ko')).toEqual(['nvz가']);
  });
});

describe('containment', () => {
  const ten = 'one two three four five six seven eight nine ten';

  it('is the share of the sentence\'s n-grams found in the source', () => {
    expect(containment(ten, ten, 'en')).toBe(1);
    // 4 of the 8 word 3-grams: "one two three" ... "four five six".
    expect(containment(ten, 'one two three four five six', 'en')).toBe(0.5);
    expect(containment(ten, 'ten nine eight seven six five four three two one', 'en')).toBe(0);
    // 3 of the 8 character 4-grams: 가나다라, 나다라마, 다라마바.
    expect(containment('가나다라마바사아자차카', '가나다라마바', 'ko')).toBe(0.375);
    expect(containment('가나다라 마바사아, 자차카!', '가나다라마바사아자차카', 'ko')).toBe(1);
  });

  it('does not judge a sentence too short to be a paraphrase', () => {
    expect(containment('one two three four', 'one two three four', 'en')).toBe(0);
    expect(containment('가나다라마바', '가나다라마바', 'ko')).toBe(0);
  });
});

describe('noteSentences and closestNoteSentence', () => {
  const note = '# Title\n\n- **굵은 말**은 `코드`와 함께 쓴다. 두 번째 문장이다!\n  1. 번호 항목이다\n\n```bash\ndocker run\n```\n| 표 | 칸 |\n';

  it('keeps list items and sentences, without markdown marks, code blocks or tables', () => {
    expect(noteSentences(note)).toEqual(['Title', '굵은 말은 코드와 함께 쓴다.', '두 번째 문장이다!', '번호 항목이다', 'docker run']);
  });

  it('finds the note sentence a seed sentence is closest to', () => {
    const found = closestNoteSentence('굵은 말은 코드와 함께 쓰는 것이다.', noteSentences(note), 'ko');
    expect(found.noteSentence).toBe('굵은 말은 코드와 함께 쓴다.');
    // 6 of the 11 4-grams of "굵은말은코드와함께쓰는것이다" (굵은말은 ... 드와함께) are in the note's sentence.
    expect(found.score).toBeCloseTo(6 / 11, 5);
  });
});

describe('closeParaphrases', () => {
  const at = { file: 'seed/concepts/x.yaml', line: 3 };
  const concept = (slug: string, ko: string, en: string) => ({
    slug, kind: ConceptKind.CONCEPT, name: { ko: slug, en: slug }, aliases: { ko: [], en: [] }, summary: { ko, en }, tags: [], source: 'S', at,
  });
  const note = '- 컨테이너는 애플리케이션을 가볍게 감싸서 어디서나 똑같이 돌게 해 준다\n- Containers wrap an application lightly so that it runs the same anywhere';

  it('reports a sentence that follows the note\'s wording, with where it is and what it resembles, and passes one in other words', () => {
    const content: SeedContent = {
      concepts: [
        concept('copied', '컨테이너는 애플리케이션을 가볍게 감싸서 어디서나 똑같이 돌게 한다.', 'Containers wrap an application lightly so that it runs the same anywhere.'),
        concept('own', '응용 프로그램을 작은 상자에 넣어 어느 기계에서든 같은 결과를 낸다.', 'An app is put in a small box that gives the same result on any machine.'),
      ],
      relations: [],
      comparisons: [],
      learnerWords: [],
    };
    const found = closeParaphrases(content, note);
    expect(found.map((f) => [f.field, f.lang, f.at.line])).toEqual([
      ['copied.summary', 'en', 3],
      ['copied.summary', 'ko', 3],
    ]);
    expect(found.every((f) => f.score >= THRESHOLD)).toBe(true);
    expect(found[1].noteSentence).toBe('컨테이너는 애플리케이션을 가볍게 감싸서 어디서나 똑같이 돌게 해 준다');
  });
});
