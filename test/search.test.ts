import { useTestServer } from './support/server';
import { planSearch } from '../src/search/search.args';
import { SearchRepository } from '../src/search/search.repository';

// The global setup seeded the shipped seed; expectations are read from the database, not written down here.
const server = useTestServer();

interface Hit {
  score: number;
  concept: { slug: string; kind: string; name: string };
}

const QUERY = `query ($query: String!, $first: Int, $kinds: [ConceptKind!], $lang: Lang) {
  search(query: $query, first: $first, kinds: $kinds, lang: $lang) { score concept { slug kind name } }
}`;

async function search(variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  return server.gql<{ search: Hit[] }>(QUERY, variables, headers);
}

async function hits(
  query: string,
  more: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Hit[]> {
  const res = await search({ query, ...more }, headers);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.search;
}

const slugs = (list: Hit[]) => list.map((h) => h.concept.slug);

describe('search', () => {
  it.each([
    ['hypervisor', 'hypervisor'],
    ['Hypervisor', 'hypervisor'],
    ['hyperv', 'hypervisor'],
    ['하이퍼바이저', 'hypervisor'],
    ['컨테이너', 'container'],
    ['유니커널', 'unikernel'],
    ['container', 'container'],
    ['docker', 'docker'],
  ])('finds %j with %s first', async (query, slug) => {
    const found = await hits(query);
    expect(found[0]?.concept.slug).toBe(slug);
  });

  it('treats every word as a prefix, also a single Korean syllable', async () => {
    expect(slugs(await hits('컨'))).toContain('container');
    expect(slugs(await hits('unik'))).toContain('unikernel');
  });

  it('ranks exact name matches above partial ones and orders hits by descending score', async () => {
    const found = await hits('container', { first: 50 });
    expect(found[0].concept.slug).toBe('container');
    expect(found.length).toBeGreaterThan(3);
    expect(slugs(found)).toEqual(expect.arrayContaining(['os-container', 'application-container']));
    for (let i = 1; i < found.length; i += 1) expect(found[i].score).toBeLessThanOrEqual(found[i - 1].score);
    expect(found[0].score).toBeGreaterThan(found[1].score);
  });

  it('matches aliases exactly', async () => {
    const rows = await server.atlas.database.gateway.read(
      `MATCH (c:Concept {slug: 'virtual-machine'}) RETURN c.aliasesEn AS en`,
    );
    const alias = (rows[0].en as string[]).find((a) => /^[A-Za-z]+$/.test(a)) ?? 'VM';
    expect(slugs(await hits(alias)).slice(0, 3)).toContain('virtual-machine');
  });

  it('filters by kinds', async () => {
    const found = await hits('docker', { kinds: ['COMMAND'], first: 50 });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((h) => h.concept.kind === 'COMMAND')).toBe(true);
    expect(slugs(found)).toContain('docker-build');
    expect(await hits('docker', { kinds: [] })).toEqual([]);
  });

  it('limits the number of hits with first', async () => {
    expect(await hits('container', { first: 2 })).toHaveLength(2);
    expect((await hits('container', { first: 0 })).length).toBe(0);
  });

  it('lets lang pick which name counts as the exact match, and Accept-Language decide without it', async () => {
    // "LXC" and similar names read the same in both languages; an English word only matches the English name.
    const en = await hits('container', { lang: 'EN' });
    const ko = await hits('container', { lang: 'KO' });
    expect(en[0].concept.slug).toBe('container');
    expect(ko[0].concept.slug).toBe('container');
    expect(en[0].score).toBeGreaterThan(ko[0].score);
    const viaHeader = await hits('container', {}, { 'accept-language': 'ko' });
    expect(viaHeader[0].score).toBe(ko[0].score);
    expect(viaHeader[0].concept.name).toBe('컨테이너');
  });

  it.each([
    'AND (',
    '"',
    '*',
    '~',
    '[',
    'a) OR (b',
    'MATCH (n) DETACH DELETE n',
    'docker AND',
    'OR',
    'NOT',
    '\\',
    '/',
    ':',
    '^2',
    '{}',
    'container~2',
    'hyper*',
    '"docker',
    '&& ||',
    '!docker',
    '?',
  ])('treats %j as plain text: no error, and the graph is left as it was', async (query) => {
    const before = (await server.atlas.database.gateway.read('MATCH (c:Concept) RETURN count(c) AS n'))[0].n;
    const res = await search({ query });
    expect(res.body.errors).toBeUndefined();
    expect(Array.isArray(res.body.data!.search)).toBe(true);
    const after = (await server.atlas.database.gateway.read('MATCH (c:Concept) RETURN count(c) AS n'))[0].n;
    expect(after).toBe(before);
  });

  it('still finds the words around special characters', async () => {
    expect(slugs(await hits('docker AND ('))).toContain('docker');
    expect(slugs(await hits('"hypervisor"'))).toContain('hypervisor');
  });

  it.each(['', '   ', '\n\t'])('rejects the empty query %j with BAD_USER_INPUT naming query', async (query) => {
    const res = await search({ query });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query' });
  });

  it('rejects a query longer than the limit, and too many or negative hits', async () => {
    const max = server.config.limits.maxSearchLength;
    const long = await search({ query: 'a'.repeat(max + 1) });
    expect(long.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query' });
    expect(long.body.errors?.[0].message).toContain(String(max));
    expect((await search({ query: 'a'.repeat(max) })).body.errors).toBeUndefined();
    const many = await search({ query: 'docker', first: server.config.limits.maxPageSize + 1 });
    expect(many.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    const negative = await search({ query: 'docker', first: -1 });
    expect(negative.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });
});

const ANSWER = `query ($query: String!, $lang: Lang, $first: Int) {
  searchAnswer(query: $query, lang: $lang, first: $first) {
    intent didYouMean
    comparison { slug title concepts { slug } }
    hits { score concept { slug } }
  }
}`;

interface Answer {
  intent: string;
  didYouMean: string | null;
  comparison: { slug: string; title: string; concepts: { slug: string }[] } | null;
  hits: Hit[];
}

async function answer(query: string, more: Record<string, unknown> = {}): Promise<Answer> {
  const res = await server.gql<{ searchAnswer: Answer }>(ANSWER, { query, ...more });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.searchAnswer;
}

describe('searchAnswer', () => {
  it('finds a misspelled word, ranks its concept first and says what it searched for instead', async () => {
    const found = await answer('dokcer');
    expect(found.didYouMean).toBe('docker');
    expect(found.hits[0].concept.slug).toBe('docker');
    const two = await answer('dokcer stpo');
    expect(two.didYouMean).toBe('docker stop');
    expect(two.hits[0].concept.slug).toBe('docker-stop');
  });

  it('says nothing about spelling when the text matched as typed', async () => {
    const found = await answer('docker');
    expect(found.didYouMean).toBeNull();
    expect(found.intent).toBe('WORDS');
  });

  it('ranks an exact match above a misspelled one', async () => {
    // "stop" is a name word as typed; "stpo" only reaches it as a misspelling.
    const exact = (await answer('docker stop')).hits[0];
    const typo = (await answer('docker stpo')).hits[0];
    expect(exact.concept.slug).toBe('docker-stop');
    expect(typo.concept.slug).toBe('docker-stop');
    expect(exact.score).toBeGreaterThan(typo.score);
  });

  it('finds the same concept for a Korean word with particles and endings as for its stem', async () => {
    expect((await answer('컨테이너를', { lang: 'KO' })).hits[0].concept.slug).toBe('container');
    expect((await answer('유니커널이란?', { lang: 'KO' })).hits[0].concept.slug).toBe('unikernel');
    expect((await answer('가상머신', { lang: 'KO' })).hits[0].concept.slug).toBe('virtual-machine');
  });

  it('finds concepts by the learner words of seed/learner-words.yaml', async () => {
    expect((await answer('suspend')).hits[0].concept.slug).toBe('docker-pause');
    expect((await answer('재개', { lang: 'KO' })).hits[0].concept.slug).toBe('docker-start');
  });

  it('finds a flag by itself', async () => {
    expect((await answer('-a')).hits[0].concept.slug).toBe('docker-ps-all-flag');
  });

  it('answers "X vs Y" with the stored comparison and its two concepts first', async () => {
    const found = await answer('docker stop vs docker kill', { lang: 'EN' });
    expect(found.intent).toBe('COMPARISON');
    expect(found.comparison).toEqual({
      slug: 'docker-stop-vs-docker-kill',
      title: 'docker stop vs docker kill',
      concepts: [{ slug: 'docker-stop' }, { slug: 'docker-kill' }],
    });
    expect(found.hits.slice(0, 2).map((h) => h.concept.slug)).toEqual(['docker-stop', 'docker-kill']);
    const korean = await answer('도커와 VM 차이', { lang: 'KO' });
    expect(korean.comparison?.slug).toBe('docker-container-vs-virtual-machine');
    expect(korean.comparison?.title).toBe('도커 컨테이너와 가상 머신');
  });

  it('puts both sides of a comparison first even when no stored comparison covers them', async () => {
    const found = await answer('SIGTERM vs SIGKILL');
    expect(found.comparison).toBeNull();
    expect(found.hits.slice(0, 2).map((h) => h.concept.slug)).toEqual(['sigterm', 'sigkill']);
    for (let i = 1; i < found.hits.length; i += 1)
      expect(found.hits[i].score).toBeLessThanOrEqual(found.hits[i - 1].score);
  });

  it('reads a definition question and searches its subject', async () => {
    const found = await answer('what is a unikernel');
    expect(found.intent).toBe('DEFINITION');
    expect(found.hits[0].concept.slug).toBe('unikernel');
  });

  it('answers text with nothing to search for with no hits, and keeps first', async () => {
    expect(await answer('?!')).toEqual({ intent: 'WORDS', didYouMean: null, comparison: null, hits: [] });
    expect((await answer('container', { first: 2 })).hits).toHaveLength(2);
  });
});

describe('search statements', () => {
  // A text of one part is ranked by a statement of its own; a comparison's whole text by the statement for several
  // parts. Both must rank the same text the same way, misspellings and "did you mean" words included.
  it.each([
    ['docker stop vs docker kill', { kinds: null, preferKo: false, limit: 10 }],
    ['컨테이너와 가상머신 차이', { kinds: null, preferKo: true, limit: 20 }],
    ['dokcer vs kubrnetes', { kinds: null, preferKo: false, limit: 5 }],
    ['docker stop vs docker kill', { kinds: ['COMMAND'], preferKo: false, limit: 3 }],
  ])('ranks the whole text of %j as a search of that text alone would', async (text, options) => {
    const repository = new SearchRepository(server.atlas.database.gateway);
    const { request } = planSearch(text, options);
    expect(request!.parts.length).toBe(3);
    const alone = await repository.search({ ...request!, parts: [request!.parts[0]] }, ['nameEn']);
    const withSides = await repository.search(request!, ['nameEn']);
    expect(alone.parts).toHaveLength(1);
    expect(alone.comparisons).toEqual([]);
    expect(alone.parts[0].length).toBeGreaterThan(0);
    expect(alone.parts[0]).toEqual(withSides.parts[0]);
  });

  it('ranks one text with misspellings as before: the misspelling query, the words for "did you mean"', async () => {
    const repository = new SearchRepository(server.atlas.database.gateway);
    const { request } = planSearch('dokcer', { kinds: null, preferKo: false, limit: 3 });
    const { parts } = await repository.search(request!, ['nameEn']);
    expect(parts[0].map((hit) => hit.concept.slug)).toContain('docker');
    const docker = parts[0].find((hit) => hit.concept.slug === 'docker')!;
    expect(docker.concept).toEqual({ slug: 'docker', nameEn: 'Docker' });
    expect(docker.vocabulary).toEqual(expect.arrayContaining(['Docker', '도커', 'Docker Engine', '도커 엔진']));
    expect(docker.score).toBeLessThanOrEqual(1);
  });

  // Hits past the limit serve only a misspelled text (its correction may rank a lower hit first), so an exact text
  // gets the limit and no more, and a misspelled one still gets more to choose from.
  it('returns the limit when the best hit is exact, and more hits for a misspelled text', async () => {
    const repository = new SearchRepository(server.atlas.database.gateway);
    const exact = await repository.search(
      planSearch('container', { kinds: null, preferKo: false, limit: 2 }).request!,
      ['nameEn'],
    );
    expect(exact.parts[0]).toHaveLength(2);
    expect(exact.parts[0][0]).toMatchObject({ concept: { slug: 'container', nameEn: 'Container' }, vocabulary: [] });
    expect(exact.parts[0][0].score).toBeGreaterThan(1);
    const misspelled = await repository.search(
      planSearch('dokcer', { kinds: null, preferKo: false, limit: 2 }).request!,
      ['nameEn'],
    );
    expect(misspelled.parts[0].length).toBeGreaterThan(2);
    expect(misspelled.parts[0][0].score).toBeLessThanOrEqual(1);
  });
});
