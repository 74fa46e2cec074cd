import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import pino from 'pino';

import { applySchema } from '../src/neo4j/migrations';
import { testConfig, useTestServer } from './support/server';

/**
 * What a page of concepts costs the database, read from Neo4j's own plan of the statement the server sent: a page in
 * any order reads about one page from an index instead of sorting every concept, and a filtered total is counted only
 * when the client asks for `totalCount`.
 */

interface LogLine {
  msg: string;
  requestId?: string;
  cypher?: string;
  params?: Record<string, unknown>;
}

interface Operator {
  operator: string;
  rows: number;
  details: string;
}

const { lines, logger } = (() => {
  const captured: LogLine[] = [];
  return {
    lines: captured,
    logger: pino({ level: 'debug' }, { write: (line: string) => void captured.push(JSON.parse(line) as LogLine) }),
  };
})();

// The response cache off: every request must reach the database, or there is no statement to profile.
const server = useTestServer({ RESPONSE_CACHE_BYTES: '0' }, { logger });
let requests = 0;

const db = () => server.atlas.database.gateway;

/** The log keeps integers as {low, high}; LIMIT needs them as integers again. */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // Page sizes and counts are small: the high word is always 0.
    if (Object.keys(record).sort().join() === 'high,low') return neo4j.int(record.low as number);
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, revive(inner)]));
  }
  return value;
}

function operators(plan: ProfiledPlan): Operator[] {
  const details = String((plan.arguments as Record<string, unknown>).Details ?? '');
  return [
    { operator: plan.operatorType.replace(/@.*/, ''), rows: plan.rows, details },
    ...plan.children.flatMap(operators),
  ];
}

/** Asks the server, then profiles the one statement that request sent, as it sent it. */
async function askAndProfile(query: string): Promise<{ data: any; plan: Operator[]; dbHits: number }> {
  const requestId = `page-plan-${(requests += 1)}`;
  lines.length = 0;
  const response = await server.gql(query, undefined, { 'x-request-id': requestId });
  expect(response.body.errors).toBeUndefined();
  const statements = lines.filter((line) => line.msg === 'cypher statement' && line.requestId === requestId);
  expect(statements).toHaveLength(1);
  const driver = server.atlas.database.driver;
  const result = await driver.executeQuery(`PROFILE ${statements[0].cypher}`, revive(statements[0].params), {
    routing: neo4j.routing.READ,
  });
  const hits = (plan: ProfiledPlan): number => plan.dbHits + plan.children.reduce((sum, child) => sum + hits(child), 0);
  return {
    data: response.body.data,
    plan: operators(result.summary.profile as ProfiledPlan),
    dbHits: hits(result.summary.profile as ProfiledPlan),
  };
}

describe('pages of concepts read from stored, indexed sort keys', () => {
  it("stores every concept's name and degree keys as the order defines them, each in a range index with the slug", async () => {
    const [wrong] = await db().read(
      `MATCH (c:Concept)
       WHERE c.sortNameEn IS NULL OR c.sortNameEn <> toLower(coalesce(c.nameEn, c.nameKo, c.slug))
          OR c.sortNameKo IS NULL OR c.sortNameKo <> toLower(coalesce(c.nameKo, c.nameEn, c.slug))
          OR c.degree IS NULL OR c.degree <> COUNT { (c)--(:Concept) }
       RETURN count(c) AS n, collect(c.slug)[..5] AS some`,
    );
    expect(wrong).toEqual({ n: 0, some: [] });
    const indexes = await db().read(
      "SHOW RANGE INDEXES YIELD labelsOrTypes, properties, state WHERE labelsOrTypes = ['Concept'] RETURN properties, state",
    );
    const online = indexes.filter((row) => row.state === 'ONLINE').map((row) => (row.properties as string[]).join(','));
    expect(online).toEqual(expect.arrayContaining(['sortNameEn,slug', 'sortNameKo,slug', 'degree,slug', 'kind,slug']));
  });

  it('gives a concept without stored keys (a graph seeded before they existed) its keys when the schema is applied', async () => {
    await db().write("MATCH (c:Concept {slug: 'docker-stop'}) REMOVE c.sortNameEn, c.sortNameKo, c.degree");
    await applySchema(db(), testConfig().rootDir, logger);
    const [keys] = await db().read(
      "MATCH (c:Concept {slug: 'docker-stop'}) RETURN c.sortNameEn AS en, c.sortNameKo AS ko, c.degree = COUNT { (c)--(:Concept) } AS degreeRight",
    );
    expect(keys).toEqual({ en: 'docker stop', ko: 'docker stop 명령', degreeRight: true });
  });

  // The shipped seed has over a hundred concepts; a page of 5 from a cursor reads at most two index segments of 6.
  it.each([
    ['NAME_EN', 'ASC'],
    ['NAME_KO', 'DESC'],
    ['DEGREE', 'DESC'],
    ['DEGREE', 'ASC'],
    ['KIND', 'ASC'],
    ['SLUG', 'DESC'],
  ])('reads a page ordered by %s %s, and the next one, without sorting every concept', async (field, direction) => {
    const concepts = (await db().read('MATCH (c:Concept) RETURN count(c) AS n'))[0].n as number;
    expect(concepts).toBeGreaterThan(100);
    const query = (after: string | null) =>
      `{ concepts(first: 5, orderBy: { field: ${field}, direction: ${direction} }${after ? `, after: "${after}"` : ''}) { edges { node { slug } } pageInfo { endCursor } } }`;
    const first = await askAndProfile(query(null));
    expect(first.data.concepts.edges).toHaveLength(5);
    const next = await askAndProfile(query(first.data.concepts.pageInfo.endCursor));
    expect(next.data.concepts.edges).toHaveLength(5);
    for (const { plan } of [first, next]) {
      expect(plan.filter((op) => /Sort/.test(op.operator))).toEqual([]);
      expect(Math.max(...plan.map((op) => op.rows))).toBeLessThanOrEqual(12);
    }
  });
});

describe('a filtered totalCount', () => {
  const FILTER = 'filter: { kinds: [COMMAND] }';

  it('is counted when asked for, and matches the database', async () => {
    const commands = (await db().read("MATCH (c:Concept {kind: 'COMMAND'}) RETURN count(c) AS n"))[0].n as number;
    expect(commands).toBeGreaterThan(3);
    const asked = await askAndProfile(`{ concepts(first: 2, ${FILTER}) { totalCount edges { node { slug } } } }`);
    expect(asked.data.concepts.totalCount).toBe(commands);
    expect(asked.plan.some((op) => op.details.includes('count(c) AS total'))).toBe(true);
  });

  it('is not counted when the selection does not ask for it', async () => {
    const commands = (await db().read("MATCH (c:Concept {kind: 'COMMAND'}) RETURN count(c) AS n"))[0].n as number;
    const notAsked = await askAndProfile(`{ concepts(first: 2, ${FILTER}) { edges { node { slug } } } }`);
    expect(notAsked.data.concepts.edges).toHaveLength(2);
    expect(notAsked.plan.some((op) => op.details.includes('count(c)'))).toBe(false);
    // Reading every command to count them would take a db hit for each.
    const asked = await askAndProfile(`{ concepts(first: 2, ${FILTER}) { totalCount edges { node { slug } } } }`);
    expect(asked.dbHits - notAsked.dbHits).toBeGreaterThanOrEqual(commands);
  });

  it('is counted when it sits under @include, and left out under @skip(if: true)', async () => {
    const commands = (await db().read("MATCH (c:Concept {kind: 'COMMAND'}) RETURN count(c) AS n"))[0].n as number;
    const included = await askAndProfile(
      `{ concepts(first: 2, ${FILTER}) { totalCount @include(if: true) edges { node { slug } } } }`,
    );
    expect(included.data.concepts.totalCount).toBe(commands);
    const skipped = await askAndProfile(
      `{ concepts(first: 2, ${FILTER}) { totalCount @skip(if: true) edges { node { slug } } } }`,
    );
    expect(skipped.data.concepts.totalCount).toBeUndefined();
  });
});
