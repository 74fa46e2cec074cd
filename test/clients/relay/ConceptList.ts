import { graphql } from 'relay-runtime';

/*
 * Input of relay-compiler only (the test compiles this folder fresh on every run and loads the artifacts it writes):
 * the concept list as a paginated, refetchable fragment on Query, as a Relay frontend's list view declares it.
 */
export const conceptListQuery = graphql`
  query ConceptListQuery($count: Int!, $cursor: String) {
    ...ConceptList_query @arguments(count: $count, cursor: $cursor)
  }
`;

export const conceptListFragment = graphql`
  fragment ConceptList_query on Query
  @refetchable(queryName: "ConceptListPaginationQuery")
  @argumentDefinitions(count: { type: "Int!" }, cursor: { type: "String" }) {
    concepts(first: $count, after: $cursor) @connection(key: "ConceptList_concepts") {
      totalCount
      edges {
        node {
          id
          slug
          kind
          source
          tags
        }
      }
    }
  }
`;
