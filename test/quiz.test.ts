import { gradeAnswers, type Question, QUESTION_FIELDS, verifyQuestions } from './support/quiz-check';
import { startTestServer, useTestServer } from './support/server';

// The independent check below is one large path query; its first planning alone can pass the default 5 s budget.
const server = useTestServer({ QUIZ_SECRET: 'quiz-test-secret-0123456789', NEO4J_QUERY_TIMEOUT_MS: '60000' });

const db = () => server.atlas.database.gateway;
const grade = (answers: { id: string; choice: string }[]) => gradeAnswers(server, answers);
const verify = (questions: Question[]) => verifyQuestions(server, questions);

const HANGUL = /[가-힣]/;

async function quiz(args: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Question[]> {
  const res = await server.gql<{ quiz: Question[] }>(
    `query ($topic: String, $count: Int, $seed: Int, $lang: Lang) { quiz(topic: $topic, count: $count, seed: $seed, lang: $lang) { ${QUESTION_FIELDS} } }`,
    { count: 5, ...args },
    headers,
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.quiz;
}

async function errorOf(
  query: string,
  variables: Record<string, unknown>,
): Promise<{ code: unknown; argument: unknown; message: string }> {
  const res = await server.gql(query, variables);
  expect(res.body.errors).toHaveLength(1);
  const [error] = res.body.errors!;
  return { code: error.extensions?.code, argument: error.extensions?.argument, message: error.message };
}

const TOPICS = [
  null,
  'docker-kill',
  'docker-stop',
  'container-lifecycle',
  'build-stage',
  'os-container',
  'application-container',
  'container',
  'virtual-machine',
  'docker',
  'image',
  'unikernel',
];

describe('quiz', () => {
  it('has exactly one right option per question, and every other option is wrong in the graph (many topics and seeds)', async () => {
    const kinds = new Set<string>();
    const asks = new Set<string>();
    let count = 0;
    for (const topic of TOPICS) {
      for (const seed of [1, 2, 3]) {
        const questions = await quiz({ topic, seed, count: server.config.learning.maxQuizQuestions });
        expect(questions.length).toBeGreaterThan(0);
        await verify(questions);
        questions.forEach((q) => {
          kinds.add(q.kind);
          asks.add(q.asks);
          expect(q.source).not.toBe('');
        });
        count += questions.length;
      }
    }
    // The check above covered a real variety of questions, not a handful.
    expect(count).toBeGreaterThan(150);
    expect(kinds.size).toBeGreaterThanOrEqual(12);
    expect([...asks].sort()).toEqual(['OBJECT', 'SUBJECT']);
  }, 240000);

  it('asks the questions of the note: the signal docker kill sends, an example of an OS container, the stage after build', async () => {
    const wanted = [
      {
        topic: 'docker-kill',
        kind: 'SENDS_SIGNAL',
        asks: 'OBJECT',
        concept: 'docker-kill',
        en: 'Which signal does docker kill send?',
        answer: ['sigkill'],
      },
      {
        topic: 'os-container',
        kind: 'EXAMPLE_OF',
        asks: 'SUBJECT',
        concept: 'os-container',
        en: 'Which of these is an example of an OS container?',
        answer: ['lxc', 'openvz', 'bsd-jail'],
      },
      {
        topic: 'build-stage',
        kind: 'NEXT_STAGE',
        asks: 'OBJECT',
        concept: 'build-stage',
        en: 'Which stage comes directly after the build stage?',
        answer: ['run-stage'],
      },
    ];
    for (const want of wanted) {
      let found: Question | undefined;
      for (let seed = 1; seed <= 60 && !found; seed += 1) {
        found = (await quiz({ topic: want.topic, seed, count: 10 })).find(
          (q) => q.kind === want.kind && q.asks === want.asks && q.concept.slug === want.concept,
        );
      }
      expect(found?.en).toBe(want.en);
      expect(found!.ko).toMatch(HANGUL);
      const [right] = await verify([found!]);
      expect(want.answer).toContain(right);
    }
  }, 120000);

  it('gives the same quiz for the same seed, and different ones for other seeds or no seed', async () => {
    const first = await quiz({ topic: 'docker', seed: 5, count: 8 });
    expect(await quiz({ topic: 'docker', seed: 5, count: 8 })).toEqual(first);
    const bySeed = await Promise.all([1, 2, 3, 4, 5, 6].map((seed) => quiz({ topic: 'docker', seed, count: 8 })));
    expect(
      new Set(bySeed.map((q) => JSON.stringify(q.map((x) => [x.id, x.options.map((o) => o.id)])))).size,
    ).toBeGreaterThanOrEqual(4);
    const [x, y] = [await quiz({ count: 5 }), await quiz({ count: 5 })];
    expect(x.map((q) => q.id)).not.toEqual(y.map((q) => q.id));
  });

  it('is asked in Korean or English; the language changes the text, never the questions', async () => {
    const ko = await quiz({ topic: 'container-lifecycle', seed: 11, count: 6, lang: 'KO' });
    const en = await quiz({ topic: 'container-lifecycle', seed: 11, count: 6, lang: 'EN' });
    expect(ko.map((q) => [q.id, q.options.map((o) => o.id)])).toEqual(
      en.map((q) => [q.id, q.options.map((o) => o.id)]),
    );
    for (const q of ko) {
      expect(q.prompt).toMatch(HANGUL);
      expect(q.prompt).toBe(q.ko);
    }
    for (const q of en) {
      expect(q.prompt).not.toMatch(HANGUL);
      expect(q.options.every((o) => !HANGUL.test(o.text))).toBe(true);
    }
    expect(ko.flatMap((q) => q.options).some((o) => HANGUL.test(o.text))).toBe(true);
    const byHeader = await quiz(
      { topic: 'container-lifecycle', seed: 11, count: 6 },
      { 'accept-language': 'ko-KR,ko;q=0.9' },
    );
    expect(byHeader.map((q) => q.prompt)).toEqual(ko.map((q) => q.prompt));
  });

  it('returns fewer questions when the topic has fewer facts, never a question twice', async () => {
    const questions = await quiz({ topic: 'sigstop', seed: 1, count: server.config.learning.maxQuizQuestions });
    expect(questions.length).toBeLessThan(server.config.learning.maxQuizQuestions);
    const keys = questions.map((q) => `${q.kind}:${q.asks}:${q.concept.slug}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    [{ count: 0 }, 'BAD_USER_INPUT', 'count'],
    [{ count: 21 }, 'BAD_USER_INPUT', 'count'],
    [{ topic: '' }, 'BAD_USER_INPUT', 'topic'],
    [{ topic: 'no-such-concept' }, 'NOT_FOUND', 'topic'],
  ])('rejects %j with %s naming %s', async (args, code, argument) => {
    const error = await errorOf('query ($topic: String, $count: Int) { quiz(topic: $topic, count: $count) { id } }', {
      count: 5,
      ...args,
    });
    expect(error).toMatchObject({ code, argument });
  });
});

describe('checkAnswer', () => {
  it('grades right and wrong choices and explains the answer in both languages with its source', async () => {
    let question: Question | undefined;
    for (let seed = 1; seed <= 60 && !question; seed += 1) {
      question = (await quiz({ topic: 'docker-kill', seed, count: 10 })).find(
        (q) => q.kind === 'SENDS_SIGNAL' && q.concept.slug === 'docker-kill',
      );
    }
    const [right, wrong] = await grade([
      { id: question!.id, choice: 'sigkill' },
      { id: question!.id, choice: question!.options.find((o) => o.id !== 'sigkill')!.id },
    ]);
    const [row] = await db().read(
      `MATCH (a:Concept {slug: 'docker-kill'})-[r:SENDS_SIGNAL]->(b:Concept {slug: 'sigkill'}) RETURN a.nameEn AS a, b.nameEn AS b, a.nameKo AS aKo, b.nameKo AS bKo, r.source AS source`,
    );
    expect(right).toMatchObject({ correct: true, correctChoice: 'sigkill', source: row.source });
    expect(right.explanation.startsWith(`${row.a} sends ${row.b}.`)).toBe(true);
    expect(right.ko).toContain(row.aKo as string);
    expect(right.ko).toContain(row.bKo as string);
    expect(right.ko).toMatch(/보낸다\./);
    expect(wrong).toMatchObject({ correct: false, correctChoice: 'sigkill', explanation: right.explanation });
  });

  it('rejects question ids that were changed, cut, made up or issued by a server with another secret', async () => {
    const [question, other] = await quiz({ topic: 'docker', seed: 3, count: 2 });
    const [body, mac] = question.id.split('.');
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const forgedBody = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), g: 'docker-stop' }),
    ).toString('base64url');
    const foreign = await startTestServer({ QUIZ_SECRET: 'another-server-secret-000' });
    let foreignId: string;
    try {
      const res = await foreign.gql<{ quiz: { id: string }[] }>('{ quiz(topic: "docker", seed: 3, count: 1) { id } }');
      foreignId = res.body.data!.quiz[0].id;
    } finally {
      await foreign.stop();
    }
    expect(foreignId.split('.')[0]).toBe(body);
    const bad = [
      `${flip(body, 10)}.${mac}`,
      `${body}.${flip(mac, 0)}`,
      `${forgedBody}.${mac}`,
      `${body}.${other.id.split('.')[1]}`,
      body,
      question.id.slice(0, -4),
      'made-up',
      foreignId,
    ];
    for (const id of bad) {
      const error = await errorOf(
        'query ($id: ID!, $choice: String!) { checkAnswer(questionId: $id, choice: $choice) { correct } }',
        { id, choice: question.options[0].id },
      );
      expect({ id, ...error, message: undefined }).toEqual({
        id,
        code: 'BAD_USER_INPUT',
        argument: 'questionId',
        message: undefined,
      });
    }
  });

  it('rejects a choice that is not one of the options, naming `choice`', async () => {
    const [question] = await quiz({ topic: 'docker', seed: 3, count: 1 });
    const error = await errorOf('query ($id: ID!) { checkAnswer(questionId: $id, choice: "kernel") { correct } }', {
      id: question.id,
    });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'choice' });
    expect(error.message).toContain(question.options[0].id);
  });

  it('refuses to grade, with NOT_FOUND, a question whose fact left the graph', async () => {
    const slugs = ['quiz-test-command', 'quiz-test-signal'];
    await db().write(
      `CREATE (c:Concept {slug: $slugs[0], kind: 'COMMAND', nameKo: '시험 명령', nameEn: 'test command', summaryKo: '시험용', summaryEn: 'For tests.', aliasesKo: [], aliasesEn: [], tags: [], source: 'test', origin: 'test'}),
              (s:Concept {slug: $slugs[1], kind: 'SIGNAL', nameKo: '시험 시그널', nameEn: 'TESTSIG', summaryKo: '시험용', summaryEn: 'For tests.', aliasesKo: [], aliasesEn: [], tags: [], source: 'test', origin: 'test'}),
              (c)-[:SENDS_SIGNAL {source: 'test', origin: 'test'}]->(s)`,
      { slugs },
    );
    try {
      const question = (await quiz({ topic: slugs[0], seed: 1, count: 3 })).find(
        (q) => q.kind === 'SENDS_SIGNAL' && q.concept.slug === slugs[0],
      )!;
      expect((await grade([{ id: question.id, choice: slugs[1] }]))[0].correct).toBe(true);
      await db().write(`MATCH (:Concept {slug: $slugs[0]})-[r:SENDS_SIGNAL]->() DELETE r`, { slugs });
      const error = await errorOf(
        'query ($id: ID!, $choice: String!) { checkAnswer(questionId: $id, choice: $choice) { correct } }',
        { id: question.id, choice: slugs[1] },
      );
      expect(error).toMatchObject({ code: 'NOT_FOUND', argument: 'questionId' });
    } finally {
      await db().write('MATCH (c:Concept) WHERE c.slug IN $slugs DETACH DELETE c', { slugs });
    }
  });
});
