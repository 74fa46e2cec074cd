import type { ExampleTab } from './examples';

/** Pretty JSON for the variables editor. */
function vars(values: Record<string, unknown>): string {
  return JSON.stringify(values, null, 2);
}

/** The tabs of the learning features: a quiz, a guided tour and "explain the difference". */
export const LEARNING_TABS: ExampleTab[] = [
  {
    query: `# 그래프로 만든 퀴즈
# A quiz made from the graph.
#
# 정답 하나, 오답은 그래프로 확인한 것만.
# One right option; the wrong ones are
# checked against the graph.
# 채점: 새 탭에서 문제의 id 와 보기 id 로
#   { checkAnswer(questionId: "…",
#       choice: "sigkill") { correct
#       explanation(lang: KO) } }
# Grade it with checkAnswer in a new tab.
# seed 를 지우면 매번 다른 퀴즈가 나옵니다.
# Drop the seed for a new quiz every time.
query Quiz($topic: String, $count: Int, $seed: Int, $lang: Lang) {
  quiz(topic: $topic, count: $count, seed: $seed, lang: $lang) {
    id
    prompt
    options {
      id
      text
    }
    kind
    concept {
      slug
    }
    source
  }
}
`,
    variables: vars({ topic: 'docker-kill', count: 3, seed: 1, lang: 'KO' }),
  },
  {
    query: `# 목표 개념까지의 안내 투어
# A guided tour to a concept.
#
# from 을 이미 안다고 보고, to 까지 남은
# 개념을 선수 개념부터 차례로 보여 줍니다.
# Starts from what you know (from) and
# walks to the target (to), each step with
# why it comes now and a check question.
query Tour($from: String, $to: String!, $lang: Lang) {
  tour(from: $from, to: $to, lang: $lang) {
    skipped
    steps {
      position
      concept {
        slug
        name(lang: $lang)
      }
      why
      check {
        id
        prompt
        options {
          id
          text
        }
      }
    }
  }
}
`,
    variables: vars({ from: 'docker-stop', to: 'docker-kill', lang: 'KO' }),
  },
  {
    query: `# 두 개념의 차이를 문장으로
# Explain the difference in sentences.
#
# 공통점, 차이점(노트의 비교표와 관계),
# 가장 가까운 공통 개념을 보여 줍니다.
# What they share, where they differ, and
# the nearest concept they have in common.
query Difference($a: String!, $b: String!, $lang: Lang) {
  difference(a: $a, b: $b, lang: $lang) {
    title
    related
    shared
    differences {
      aspect
      a
      b
    }
    nearestCommon {
      concept {
        slug
        name(lang: $lang)
      }
      sentences
    }
  }
}
`,
    variables: vars({ a: 'os-container', b: 'application-container', lang: 'KO' }),
  },
];
