import type { TestServer } from './server';

/**
 * Checks quiz questions against the graph and the grader, for the quiz and tour tests. The graph is asked
 * independently of the quiz code: for every option, whether the statement "subject TYPE object" with the option in
 * the blank is stored, follows from the graph, or the option is otherwise tied to the given concept.
 */

export interface Question {
  id: string;
  prompt: string;
  en: string;
  ko: string;
  options: { id: string; text: string }[];
  kind: string;
  asks: 'OBJECT' | 'SUBJECT';
  concept: { slug: string };
  source: string;
}

/** The fields of a QuizQuestion the checks need. */
export const QUESTION_FIELDS =
  'id prompt en: prompt(lang: EN) ko: prompt(lang: KO) options { id text } kind asks concept { slug } source';

export interface Grade {
  correct: boolean;
  correctChoice: string;
  explanation: string;
  ko: string;
  source: string;
}

/** Grades several answers, in order, ten to a request (each uses two aliases; the server allows thirty). */
export async function gradeAnswers(server: TestServer, answers: { id: string; choice: string }[]): Promise<Grade[]> {
  if (answers.length > 10)
    return [...(await gradeAnswers(server, answers.slice(0, 10))), ...(await gradeAnswers(server, answers.slice(10)))];
  if (answers.length === 0) return [];
  const fields = answers.map(
    (_, i) =>
      `a${i}: checkAnswer(questionId: $id${i}, choice: $c${i}) { correct correctChoice explanation ko: explanation(lang: KO) source }`,
  );
  const vars = Object.fromEntries(
    answers.flatMap((a, i) => [
      [`id${i}`, a.id],
      [`c${i}`, a.choice],
    ]),
  );
  const params = answers.map((_, i) => `$id${i}: ID!, $c${i}: String!`).join(', ');
  const res = await server.gql<Record<string, Grade>>(`query (${params}) { ${fields.join(' ')} }`, vars);
  expect(res.body.errors).toBeUndefined();
  return answers.map((_, i) => res.body.data![`a${i}`]);
}

interface Truth {
  question: number;
  slug: string;
  kind: string;
  /** The stored relation states the option is the answer. */
  direct: boolean;
  /** The statement follows from the graph: TYPE chains, from what the subject is a kind or an example of. */
  follows: boolean;
  /** The option is tied to the given concept by a relation that is not a contrast, alternative, stage order, prerequisite or coverage. */
  tied: boolean;
}

const SYMMETRIC = ['ALTERNATIVE_TO', 'CONTRASTS_WITH', 'PAIRS_WELL_WITH', 'OVERLAPS_WITH'];

async function truths(server: TestServer, questions: Question[]): Promise<Truth[]> {
  const rows = await server.atlas.database.gateway.read(
    `UNWIND range(0, size($questions) - 1) AS i
     WITH i, $questions[i] AS q
     MATCH (g:Concept {slug: q.given})
     UNWIND q.options AS slug
     MATCH (o:Concept {slug: slug})
     WITH i, q, g, o, CASE q.asks WHEN 'OBJECT' THEN g ELSE o END AS sub, CASE q.asks WHEN 'OBJECT' THEN o ELSE g END AS obj
     RETURN i AS question, o.slug AS slug, o.kind AS kind,
       EXISTS { MATCH (sub)-[r]->(obj) WHERE type(r) = q.type } OR (q.symmetric AND EXISTS { MATCH (obj)-[r]->(sub) WHERE type(r) = q.type }) AS direct,
       CASE
         WHEN q.type = 'NEXT_STAGE' THEN EXISTS { MATCH (sub)-[:NEXT_STAGE]->(obj) }
         WHEN q.type IN ['IS_A', 'EXAMPLE_OF'] THEN EXISTS { MATCH (sub)-[:IS_A|EXAMPLE_OF]->{1,10}(obj) }
         WHEN q.symmetric THEN EXISTS { MATCH (sub)-[:IS_A|EXAMPLE_OF]->{0,10}(m) (()-[r]-() WHERE type(r) = q.type){1,10} (n)<-[:IS_A|EXAMPLE_OF]-{0,10}(obj) }
         ELSE EXISTS { MATCH (sub)-[:IS_A|EXAMPLE_OF]->{0,10}(m) (()-[r]->() WHERE type(r) = q.type){1,10} (obj) }
       END AS follows,
       EXISTS { MATCH (g)-[r]-(o) WHERE NOT type(r) IN ['CONTRASTS_WITH', 'ALTERNATIVE_TO', 'NEXT_STAGE', 'LEARN_AFTER', 'COVERS'] } AS tied`,
    {
      questions: questions.map((q) => ({
        given: q.concept.slug,
        type: q.kind,
        asks: q.asks,
        symmetric: SYMMETRIC.includes(q.kind),
        options: q.options.map((o) => o.id),
      })),
    },
  );
  return rows as unknown as Truth[];
}

/**
 * Asserts that every question has three or four distinct options of one kind, exactly one of them stated by the
 * graph and none of the others stated, implied or otherwise tied to the given concept, and that checkAnswer grades
 * the right option right and a wrong one wrong. Returns the right option of each question.
 */
export async function verifyQuestions(server: TestServer, questions: Question[]): Promise<string[]> {
  const all = await truths(server, questions);
  const rights = questions.map((question, i) => {
    const options = all.filter((t) => t.question === i);
    const ids = question.options.map((o) => o.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(ids.length).toBeLessThanOrEqual(4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(question.concept.slug);
    // Every option names a concept, all of the same kind.
    expect(options.map((t) => t.slug).sort()).toEqual([...ids].sort());
    expect(new Set(options.map((t) => t.kind)).size).toBe(1);
    const right = options.filter((t) => t.direct);
    const context = `${question.en} [${ids.join(', ')}]`;
    expect({ context, right: right.length }).toEqual({ context, right: 1 });
    for (const wrong of options.filter((t) => !t.direct)) {
      expect({ context, option: wrong.slug, follows: wrong.follows, tied: wrong.tied }).toEqual({
        context,
        option: wrong.slug,
        follows: false,
        tied: false,
      });
    }
    return right[0].slug;
  });
  const graded = await gradeAnswers(
    server,
    questions.map((q, i) => ({ id: q.id, choice: rights[i] })),
  );
  graded.forEach((g, i) =>
    expect({ q: questions[i].en, correct: g.correct, correctChoice: g.correctChoice }).toEqual({
      q: questions[i].en,
      correct: true,
      correctChoice: rights[i],
    }),
  );
  const wrongs = await gradeAnswers(
    server,
    questions.map((q, i) => ({ id: q.id, choice: q.options.find((o) => o.id !== rights[i])!.id })),
  );
  wrongs.forEach((g, i) =>
    expect({ correct: g.correct, correctChoice: g.correctChoice }).toEqual({
      correct: false,
      correctChoice: rights[i],
    }),
  );
  return rights;
}
