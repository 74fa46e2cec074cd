import { conceptRecord } from '../../test/support/records';
import { ConceptKind, Lang, RelationType } from '../graph/vocabulary';
import {
  buildQuestion,
  createRandom,
  MAX_OPTIONS,
  mixSeed,
  planQuiz,
  type QuestionStem,
  type QuizFact,
} from './quiz.generator';
import { isQuizzed, promptText } from './quiz.templates';

const concept = (slug: string, kind = ConceptKind.SIGNAL, nameKo = slug, nameEn = slug) =>
  conceptRecord(slug, { kind, nameKo, nameEn });

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const take = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    const a = createRandom(42);
    const b = createRandom(42);
    const first = Array.from({ length: 8 }, () => a.next());
    expect(Array.from({ length: 8 }, () => b.next())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(take(1)).not.toEqual(take(2));
    expect(mixSeed(1, 'docker')).not.toBe(mixSeed(1, 'kernel'));
  });
});

describe('buildQuestion', () => {
  const stem: QuestionStem = {
    key: 'k',
    type: RelationType.SENDS_SIGNAL,
    asks: 'OBJECT',
    given: concept('kill', ConceptKind.COMMAND),
    answer: concept('sigkill'),
    source: 's',
  };

  it('needs at least two wrong options, and never shows the answer or the given concept twice', () => {
    expect(buildQuestion(stem, [concept('sigterm')], createRandom(1))).toBeNull();
    const question = buildQuestion(
      stem,
      [concept('sigterm'), concept('sigstop'), concept('sigkill'), concept('sigterm'), concept('a'), concept('b')],
      createRandom(1),
    )!;
    const slugs = question.options.map((o) => o.slug);
    expect(slugs).toHaveLength(MAX_OPTIONS);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.filter((s) => s === 'sigkill')).toHaveLength(1);
  });

  it('is the same for the same seed and varies with it', () => {
    const pool = ['a', 'b', 'c', 'd', 'e', 'f'].map((s) => concept(s));
    const order = (seed: number) =>
      buildQuestion(stem, pool, createRandom(seed))!
        .options.map((o) => o.slug)
        .join();
    expect(order(7)).toBe(order(7));
    expect(new Set([1, 2, 3, 4, 5, 6].map(order)).size).toBeGreaterThan(1);
  });
});

describe('planQuiz', () => {
  it('tries nearer facts first and does not depend on the order facts arrive in', () => {
    const facts: QuizFact[] = ['a', 'b', 'c', 'd'].map((s, i) => ({
      type: RelationType.USES,
      subject: concept(s, ConceptKind.COMMAND),
      object: concept(`${s}-x`, ConceptKind.MECHANISM),
      source: '',
      tier: i % 2,
    }));
    const plan = planQuiz(facts, createRandom(3));
    expect(plan.slice(0, 2).every((stems) => ['a', 'c', 'a-x', 'c-x'].includes(stems[0].given.slug))).toBe(true);
    expect(planQuiz([...facts].reverse(), createRandom(3))).toEqual(plan);
  });
});

describe('promptText', () => {
  it('has a Korean and an English question for every quizzed relation, each way it can be asked', () => {
    for (const type of Object.values(RelationType).filter(isQuizzed)) {
      for (const lang of [Lang.KO, Lang.EN]) {
        expect(promptText(type, 'OBJECT', 'X', lang)).toContain('X');
      }
    }
  });

  it('chooses Korean particles from the given name', () => {
    expect(promptText(RelationType.SENDS_SIGNAL, 'OBJECT', 'docker kill 명령', Lang.KO)).toBe(
      'docker kill 명령이 보내는 시그널은?',
    );
    expect(promptText(RelationType.SENDS_SIGNAL, 'OBJECT', '도커', Lang.KO)).toBe('도커가 보내는 시그널은?');
    expect(promptText(RelationType.EXAMPLE_OF, 'SUBJECT', 'OS 컨테이너', Lang.KO)).toBe(
      '다음 중 OS 컨테이너의 예인 것은?',
    );
    expect(promptText(RelationType.BUILT_FROM, 'SUBJECT', '라이브러리 OS', Lang.KO)).toBe(
      '다음 중 라이브러리 OS로 만들어지는 것은?',
    );
  });

  it('places an English sentence form with its article and case, and makes the verb agree with it', () => {
    expect(
      promptText(RelationType.NEXT_STAGE, 'OBJECT', { name: 'Build stage', text: 'the build stage' }, Lang.EN),
    ).toBe('Which stage comes directly after the build stage?');
    expect(promptText(RelationType.IS_A, 'SUBJECT', { name: 'Container', text: 'a container' }, Lang.EN)).toBe(
      'Which of these is a kind of container?',
    );
    expect(promptText(RelationType.RUNS_ON, 'OBJECT', { name: 'cgroups', plural: true }, Lang.EN)).toBe(
      'What do cgroups run on?',
    );
    expect(promptText(RelationType.RUNS_ON, 'OBJECT', { name: 'Docker' }, Lang.EN)).toBe('What does Docker run on?');
    expect(
      promptText(
        RelationType.HAS_CHARACTERISTIC,
        'SUBJECT',
        { name: 'Dedicated resources', text: 'dedicated resources', plural: true },
        Lang.EN,
      ),
    ).toBe('Dedicated resources are a characteristic of which of these?');
    expect(promptText(RelationType.COMPOSED_OF, 'SUBJECT', { name: '이미지', text: 'an image' }, Lang.KO)).toBe(
      '다음 중 이미지를 담고 있는 것은?',
    );
    expect(
      promptText(RelationType.HAS_STAGE, 'SUBJECT', { name: 'Build stage', text: 'the build stage' }, Lang.EN),
    ).toBe('Which of these does the build stage belong to?');
    expect(promptText(RelationType.HAS_STAGE, 'SUBJECT', { name: '빌드 단계' }, Lang.KO)).toBe(
      '빌드 단계는 다음 중 무엇의 단계인가?',
    );
    expect(promptText(RelationType.COMPOSED_OF, 'SUBJECT', { name: 'Image', text: 'an image' }, Lang.EN)).toBe(
      'Which of these contains an image?',
    );
  });
});
