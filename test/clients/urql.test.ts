import { Client, cacheExchange, fetchExchange, gql } from '@urql/core';
import { cacheExchange as graphcacheExchange } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';

import { useTestServer } from '../support/server';
import { countingFetch } from './support/counting-fetch';
import { HUB, relatedConcepts, sortConcepts, sortRelations, storedConcepts, storedRelations } from './support/facts';
import { CONCEPT_PAGE, RELATED_PAGE_SIZES, operation } from './support/operations';
import { reportReading } from './support/report';
import { type ConceptsPageData, type HubRelationsData, conceptFacts, edgeNodes, relationFacts } from './support/shapes';

const server = useTestServer();

const CONCEPTS = gql<ConceptsPageData, { first: number; after?: string | null }>(operation('ConceptsPage'));
const HUB_RELATIONS = gql<HubRelationsData, { slug: string; first: number; after?: string | null }>(
  operation('HubRelations'),
);

/** Follows endCursor through the concept list; returns the variables of every page the client asked for. */
async function walkConcepts(client: Client): Promise<{ first: number; after?: string | null }[]> {
  const asked: { first: number; after?: string | null }[] = [];
  let after: string | null = null;
  for (;;) {
    const variables: { first: number; after?: string | null } =
      after === null ? { first: CONCEPT_PAGE } : { first: CONCEPT_PAGE, after };
    asked.push(variables);
    const result = await client.query(CONCEPTS, variables).toPromise();
    if (result.error) throw result.error;
    const info = result.data!.concepts.pageInfo;
    if (!info.hasNextPage) return asked;
    after = info.endCursor;
  }
}

async function walkRelations(
  client: Client,
  size: number,
): Promise<{ slug: string; first: number; after?: string | null }[]> {
  const asked: { slug: string; first: number; after?: string | null }[] = [];
  let after: string | null = null;
  for (;;) {
    const variables: { slug: string; first: number; after?: string | null } =
      after === null ? { slug: HUB, first: size } : { slug: HUB, first: size, after };
    asked.push(variables);
    const result = await client.query(HUB_RELATIONS, variables).toPromise();
    if (result.error) throw result.error;
    const info = result.data!.concept!.related.pageInfo;
    if (!info.hasNextPage) return asked;
    after = info.endCursor;
  }
}

describe('urql with its defaults (document cache, queries sent as GET)', () => {
  const http = countingFetch();
  const newClient = () => new Client({ url: server.url, exchanges: [cacheExchange, fetchExchange], fetch: http.fetch });

  it('holds every concept after following endCursor, as stored, and sent GET requests', async () => {
    const client = newClient();
    const stored = await storedConcepts(server.atlas.database.gateway);
    const before = http.requests();
    const asked = await walkConcepts(client);
    // The document cache keeps one result per page: the client holds the union of the pages it cached.
    const facts = asked.flatMap((variables) => conceptFacts(client.readQuery(CONCEPTS, variables)!.data!));
    reportReading('urql', 'concepts', { facts: facts.length, pages: http.requests() - before, stored: stored.length });
    expect(http.methods.slice(before)).toEqual(asked.map(() => 'GET'));
    expect(facts.length).toBe(stored.length);
    expect(sortConcepts(facts)).toEqual(stored);
  });

  it.each(RELATED_PAGE_SIZES)(`holds every relation of ${HUB} read %i at a time, as stored`, async (size) => {
    const client = newClient();
    const stored = await storedRelations(server.atlas.database.gateway);
    const before = http.requests();
    const asked = await walkRelations(client, size);
    const cachedPages = asked.map((variables) => client.readQuery(HUB_RELATIONS, variables)!.data!);
    const facts = cachedPages.flatMap(relationFacts);
    reportReading('urql', `relations of ${HUB} by ${size}`, {
      facts: facts.length,
      pages: http.requests() - before,
      stored: stored.length,
    });
    expect(cachedPages.flatMap(edgeNodes).sort()).toEqual(relatedConcepts(stored));
    expect(sortRelations(facts)).toEqual(stored);
  });
});

describe('urql with graphcache (normalized, relayPagination)', () => {
  const http = countingFetch();
  // The configuration a frontend needs: connections and edges carry no id and live inside their parent, and the
  // two connections are merged page by page. Each test gets a fresh cache.
  const newClient = () => {
    const cache = graphcacheExchange({
      keys: {
        ConceptConnection: () => null,
        ConceptEdge: () => null,
        RelatedConnection: () => null,
        RelatedEdge: () => null,
        ConceptRelation: () => null,
        PageInfo: () => null,
      },
      resolvers: { Query: { concepts: relayPagination() }, Concept: { related: relayPagination() } },
    });
    return new Client({ url: server.url, exchanges: [cache, fetchExchange], fetch: http.fetch });
  };

  it('holds every concept after following endCursor, as stored', async () => {
    const client = newClient();
    const stored = await storedConcepts(server.atlas.database.gateway);
    const before = http.requests();
    await walkConcepts(client);
    const facts = conceptFacts(client.readQuery(CONCEPTS, { first: CONCEPT_PAGE })!.data!);
    reportReading('urql-graphcache', 'concepts', {
      facts: facts.length,
      pages: http.requests() - before,
      stored: stored.length,
    });
    expect(facts.length).toBe(stored.length);
    expect(sortConcepts(facts)).toEqual(stored);
  });

  it.each(RELATED_PAGE_SIZES)(`holds every relation of ${HUB} read %i at a time, as stored`, async (size) => {
    const client = newClient();
    const stored = await storedRelations(server.atlas.database.gateway);
    const before = http.requests();
    await walkRelations(client, size);
    const cached = client.readQuery(HUB_RELATIONS, { slug: HUB, first: size })!.data!;
    const facts = relationFacts(cached);
    reportReading('urql-graphcache', `relations of ${HUB} by ${size}`, {
      facts: facts.length,
      pages: http.requests() - before,
      stored: stored.length,
    });
    expect([...edgeNodes(cached)].sort()).toEqual(relatedConcepts(stored));
    expect(sortRelations(facts)).toEqual(stored);
  });
});
