/** One example of the learner API: an operation, its variables and the headers that carry the development key. */
export interface LearnerTab {
  query: string;
  variables: string;
  headers: string;
}

/** What a development start hands the pages (GET /dev/demo): the development frontend's key and its demo learner. */
export interface DemoFrontend {
  key: string;
  learnerId: string;
}

/** A quiz question for the checkAnswer tab: its id is signed per server, so it is asked for when the page loads. */
export interface DemoQuestion {
  id: string;
  choice: string;
}

/** Pretty JSON for the editors. */
function json(values: Record<string, unknown>): string {
  return JSON.stringify(values, null, 2);
}

/**
 * The learner API tabs, shown in development only (the key comes from the server, and only a development start has
 * one). Each runs as it is: the Headers tab holds the key, the Variables tab the demo learner.
 */
export function learnerTabs(demo: DemoFrontend, question: DemoQuestion | null, idempotencyKey: string): LearnerTab[] {
  const headers = json({ Authorization: `Bearer ${demo.key}` });
  const tabs: LearnerTab[] = [
    {
      query: `# 학습자 대시보드 (개발용 키)
# A learner's dashboard (development key).
#
# Headers 탭에 개발용 프런트엔드 키가 있습니다.
# The Headers tab holds the development
# frontend's key (development only).
# 진도 요약, 복습할 개념, 다음에 배울 개념.
# Progress, due reviews, what to learn next.
query LearnerDashboard($id: ID!, $goal: String) {
  learner(id: $id) {
    id
    progress(first: 0) {
      summary { new learning review mastered total percent }
    }
    dueReviews(first: 5) {
      totalCount
      edges { node { slug state retrievability due } }
    }
    nextConcepts(goal: $goal, first: 5) {
      edges { node { concept { slug name } towardGoal unlocks } }
    }
  }
}
`,
      variables: json({ id: demo.learnerId, goal: 'docker-kill' }),
      headers,
    },
    {
      query: `# 스스로 매긴 복습 (idempotencyKey 와 함께)
# A self-rated review, with an idempotency key.
#
# 같은 키로 다시 보내면 한 번만 기록됩니다.
# Sent again with the same key, it counts once:
# make a new key for each new review.
# rating: AGAIN, HARD, GOOD, EASY
mutation ReviewAsLearner($input: ReviewConceptInput!) {
  reviewConcept(input: $input) {
    review { number slug rating stateBefore stateAfter }
    progress { state stability retrievability due }
  }
}
`,
      variables: json({ input: { learnerId: demo.learnerId, concept: 'docker-stop', rating: 'GOOD', idempotencyKey } }),
      headers,
    },
  ];
  if (question) {
    tabs.push({
      query: `# 학습자로 퀴즈 답하기
# Answer a quiz question as a learner.
#
# 맞으면 GOOD, 틀리면 AGAIN 복습이 됩니다.
# Right is a GOOD review, wrong an AGAIN one.
# questionId 는 quiz 쿼리에서 받습니다.
# Take questionId from a quiz query.
mutation AnswerAsLearner($questionId: ID!, $choice: String!, $learnerId: String!, $idempotencyKey: String!) {
  checkAnswer(questionId: $questionId, choice: $choice, learnerId: $learnerId, idempotencyKey: $idempotencyKey) {
    result { correct correctChoice explanation(lang: KO) }
    review { number slug rating }
    progress { state due }
  }
}
`,
      variables: json({
        questionId: question.id,
        choice: question.choice,
        learnerId: demo.learnerId,
        idempotencyKey: `${idempotencyKey}-answer`,
      }),
      headers,
    });
  }
  return tabs;
}
