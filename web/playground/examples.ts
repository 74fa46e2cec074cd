import { LEARNING_TABS } from './examples.learning';

/** One example: an operation and its variables (JSON), as GraphiQL's tabs take them. */
export interface ExampleTab {
  query: string;
  variables: string;
}

/** Pretty JSON for the variables editor. */
function vars(values: Record<string, unknown>): string {
  return JSON.stringify(values, null, 2);
}

/**
 * The tabs a learner sees on the first visit (GraphiQL keeps the learner's own tabs after that). Each one teaches one
 * part of the API and runs as it is (a test runs every one against the real API); the tab title is the operation
 * name. Comments are short lines in both languages so they fit the editor.
 */
export const EXAMPLE_TABS: ExampleTab[] = [
  {
    query: `# 개념 하나와 관련 개념들
# A concept and the concepts related to it.
#
# ▶ (Ctrl-Enter) 로 실행하세요.
# Run it with ▶ (Ctrl-Enter).
# 아래 Variables 의 slug, lang(KO/EN)을
# 바꿔 보세요.
# Change slug or lang (KO/EN) in Variables.
# 관련 개념마다 edge 가 하나이고, 그 relations 에
# 두 개념이 이어지는 방식이 모두 있습니다.
# One edge per related concept; its relations
# list every way the two are related.
query ConceptAndRelated($slug: String!, $lang: Lang) {
  concept(slug: $slug) {
    slug
    kind
    name(lang: $lang)
    aliases(lang: $lang)
    summary(lang: $lang)
    source
    degree
    related(first: 10) {
      totalCount
      edges {
        node {
          slug
          kind
          name(lang: $lang)
        }
        relations {
          type
          direction
          description(lang: $lang)
        }
      }
    }
  }
}
`,
    variables: vars({ slug: 'container', lang: 'KO' }),
  },
  {
    query: `# 한국어와 영어로 검색하기
# Search in Korean and in English.
#
# 이름, 다른 이름, 학습자 단어, 요약에서 찾습니다.
# 오타, 조사와 어미, 질문 ("X란?", "X vs Y")도 읽습니다.
# Matches names, aliases, learner words, summaries;
# reads typos, Korean endings and questions too.
# didYouMean: 오타 대신 찾은 검색어.
# didYouMean: what it searched for instead of a typo.
# 한 요청에 검색 두 개를 별칭으로 나눕니다.
# Two searches in one request, named by aliases.
query SearchInKoreanAndEnglish($ko: String!, $en: String!) {
  korean: searchAnswer(query: $ko, first: 5, lang: KO) {
    intent
    didYouMean
    comparison { slug title }
    hits {
      score
      concept { slug kind name(lang: KO) summary(lang: KO) }
    }
  }
  english: searchAnswer(query: $en, first: 5, lang: EN) {
    intent
    didYouMean
    comparison { slug title }
    hits {
      score
      concept { slug kind name(lang: EN) summary(lang: EN) }
    }
  }
}
`,
    variables: vars({ ko: '유니커널이란?', en: 'hypervisr' }),
  },
  {
    query: `# 컨테이너 생명주기: 단계, 명령어, 플래그, 시그널
# The container lifecycle: stages, commands,
# flags and signals.
#
# build → run → stop/kill → commit:
# 단계마다 명령어와 플래그, 시그널을 봅니다.
# Each stage with its commands, their flags
# and the signals they send.
query Lifecycle($lang: Lang) {
  lifecycle {
    order
    concept {
      slug
      name(lang: $lang)
      summary(lang: $lang)
    }
    commands {
      slug
      syntax
      summary(lang: $lang)
      flags {
        flag
        meaning(lang: $lang)
      }
    }
    signals {
      slug
      name(lang: $lang)
    }
    next {
      order
    }
  }
}
`,
    variables: vars({ lang: 'KO' }),
  },
  {
    query: `# 두 개념을 잇는 경로와 그 설명
# How two concepts connect, with an explanation.
#
# 짧은 경로부터 나오고, 설명은 단계마다
# 한 문장입니다.
# Shortest paths first, one sentence per step.
# direction 이 INCOMING 이면 관계를 거꾸로
# 걸은 단계입니다. INCOMING: the step walks
# against the relation's arrow.
query PathBetween($from: String!, $to: String!, $lang: Lang) {
  paths(from: $from, to: $to, maxLength: 4, first: 3) {
    length
    explanation(lang: $lang)
    nodes {
      slug
      name(lang: $lang)
    }
    hops {
      direction
      relation {
        type
        from {
          slug
        }
        to {
          slug
        }
      }
    }
  }
}
`,
    variables: vars({ from: 'unikernel', to: 'virtual-machine', lang: 'KO' }),
  },
  {
    query: `# 개념 비교하기
# Compare concepts side by side.
#
# 노트의 비교표가 있으면 그것을, 없으면
# 관계에서 만든 비교(derived)를 돌려줍니다.
# The note's own comparison when there is
# one, else one derived from the relations.
query Compare($slugs: [String!]!, $lang: Lang) {
  compare(slugs: $slugs) {
    title(lang: $lang)
    derived
    source
    concepts {
      slug
      name(lang: $lang)
    }
    aspects {
      aspect(lang: $lang)
      values {
        concept {
          slug
        }
        value(lang: $lang)
      }
    }
    shared {
      type
      direction
      concept {
        slug
        name(lang: $lang)
      }
    }
  }
}
`,
    variables: vars({ slugs: ['os-container', 'application-container'], lang: 'KO' }),
  },
  {
    query: `# 학습 경로: 이 개념을 이해하려면 무엇부터?
# Learning path: what to learn first, in order.
#
# LEARN_AFTER 관계를 따라 먼저 배울 개념부터
# 나열합니다.
# Follows LEARN_AFTER, prerequisites first.
query LearningPath($slug: String!, $lang: Lang) {
  learningPath(slug: $slug) {
    slug
    kind
    name(lang: $lang)
    summary(lang: $lang)
  }
}
`,
    variables: vars({ slug: 'unikernel', lang: 'KO' }),
  },
  {
    query: `# 목록을 페이지로 나눠 받기 (Relay 커넥션)
# Concepts a page at a time (Relay connection).
#
# 결과의 pageInfo.endCursor 를 Variables 의
# after 에 넣고 다시 실행하면 다음 페이지.
# Put pageInfo.endCursor into "after" and run
# again for the next page.
query ListCommands($first: Int, $after: String, $lang: Lang) {
  concepts(
    filter: { kinds: [COMMAND] }
    orderBy: { field: NAME_EN, direction: ASC }
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        slug
        name(lang: $lang)
        syntax
      }
    }
  }
}
`,
    variables: vars({ first: 3, after: null, lang: 'KO' }),
  },
  ...LEARNING_TABS,
];
