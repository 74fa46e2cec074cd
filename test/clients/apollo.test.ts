import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

import { useTestServer } from '../support/server';
import { HUB, relatedConcepts, sortConcepts, sortRelations, storedConcepts, storedRelations } from './support/facts';
import { CONCEPT_PAGE, RELATED_PAGE_SIZES, operation } from './support/operations';
import { reportReading } from './support/report';
import { type ConceptsPageData, type HubRelationsData, conceptFacts, edgeNodes, relationFacts } from './support/shapes';
import { countingFetch } from './support/counting-fetch';

const server = useTestServer();
const http = countingFetch();

const CONCEPTS = gql(operation('ConceptsPage'));
const HUB_RELATIONS = gql(operation('HubRelations'));

/** A client as a frontend configures it; each test gets a fresh cache. */
function newClient(): ApolloClient {
  // List fields are merged page by page, keyed by the arguments that select the list (not by first/after).
  return new ApolloClient({
    link: new HttpLink({ uri: server.url, fetch: http.fetch }),
    cache: new InMemoryCache({
      typePolicies: {
        Query: { fields: { concepts: relayStylePagination(['filter', 'orderBy']) } },
        Concept: { fields: { related: relayStylePagination(['types', 'direction']) } },
      },
    }),
  });
}

describe('Apollo Client (InMemoryCache, relayStylePagination, normalized by id)', () => {
  it('holds every concept after following endCursor, as stored', async () => {
    const client = newClient();
    const stored = await storedConcepts(server.atlas.database.gateway);
    const before = http.requests();
    const watched = client.watchQuery<ConceptsPageData>({ query: CONCEPTS, variables: { first: CONCEPT_PAGE } });
    let page = await watched.refetch();
    while (page.data!.concepts.pageInfo.hasNextPage) {
      page = await watched.fetchMore({ variables: { after: page.data!.concepts.pageInfo.endCursor } });
    }
    const pages = http.requests() - before;
    const cached = client.readQuery<ConceptsPageData>({ query: CONCEPTS, variables: { first: CONCEPT_PAGE } });
    const facts = conceptFacts(cached!);
    reportReading('apollo', 'concepts', { facts: facts.length, pages, stored: stored.length });
    expect(facts.length).toBe(stored.length);
    expect(sortConcepts(facts)).toEqual(stored);
    expect(pages).toBe(Math.ceil(stored.length / CONCEPT_PAGE));
  });

  it.each(RELATED_PAGE_SIZES)(`holds every relation of ${HUB} read %i at a time, as stored`, async (size) => {
    const client = newClient();
    const stored = await storedRelations(server.atlas.database.gateway);
    const before = http.requests();
    const watched = client.watchQuery<HubRelationsData>({
      query: HUB_RELATIONS,
      variables: { slug: HUB, first: size },
    });
    let page = await watched.refetch();
    while (page.data!.concept!.related.pageInfo.hasNextPage) {
      page = await watched.fetchMore({ variables: { after: page.data!.concept!.related.pageInfo.endCursor } });
    }
    const pages = http.requests() - before;
    const cached = client.readQuery<HubRelationsData>({ query: HUB_RELATIONS, variables: { slug: HUB, first: size } });
    const facts = relationFacts(cached!);
    reportReading('apollo', `relations of ${HUB} by ${size}`, { facts: facts.length, pages, stored: stored.length });
    expect([...edgeNodes(cached!)].sort()).toEqual(relatedConcepts(stored));
    expect(sortRelations(facts)).toEqual(stored);
  });
});
