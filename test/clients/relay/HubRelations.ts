import { graphql } from 'relay-runtime';

/*
 * Input of relay-compiler only: one concept's relations as a paginated fragment on Concept, refetched through
 * `node(id:)` as a Relay frontend's detail view does.
 */
export const hubRelationsQuery = graphql`
  query HubRelationsQuery($slug: String!, $count: Int!, $cursor: String) {
    concept(slug: $slug) {
      id
      ...HubRelations_concept @arguments(count: $count, cursor: $cursor)
    }
  }
`;

export const hubRelationsFragment = graphql`
  fragment HubRelations_concept on Concept
  @refetchable(queryName: "HubRelationsPaginationQuery")
  @argumentDefinitions(count: { type: "Int!" }, cursor: { type: "String" }) {
    slug
    related(first: $count, after: $cursor) @connection(key: "HubRelations_related") {
      totalCount
      edges {
        node {
          id
          slug
        }
        relations {
          type
          direction
          source
        }
      }
    }
  }
`;
