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
 * part of the API and runs as it is; the tab title is the operation name.
 */
export const EXAMPLE_TABS: ExampleTab[] = [
  {
    query: `# 개념 하나와 관련 개념들 · A concept and the concepts related to it
# slug 로 개념을 찾고, related 로 이웃 개념을 관계 종류와 함께 가져옵니다.
# Look a concept up by slug, then walk to its neighbours with the relation type.
# lang 을 EN 으로 바꿔 보세요 · Try lang: EN.
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
        type
        direction
        node {
          slug
          kind
          name(lang: $lang)
        }
      }
    }
  }
}
`,
    variables: vars({ slug: 'container', lang: 'KO' }),
  },
];
