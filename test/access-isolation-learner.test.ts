import { LearnerRepository } from '../src/learner/learner.repository';
import { ReviewRating } from '../src/learner/memory.model';
import { createLogger } from '../src/logger';
import { connectDatabase, type Database } from '../src/neo4j/database';
import { createTestFrontend, learnerToken, minted, tampered } from './support/access';
import { accessSnapshot } from './support/learner-data';
import { seedTestConfig } from './support/seed';
import { useTestServer } from './support/server';

/**
 * The isolation table for the learner queries and mutations themselves: every field of `Query.learner`,
 * `reviewConcept`, `checkAnswer` with a learner, `createLearnerToken`, erasure and export, asked with a credential
 * that must not reach the learner named. Each is refused with UNAUTHENTICATED or FORBIDDEN, its answer holds no
 * data, and the learner data in the database is the same after as before. Frontend a has learners u1 and u2,
 * frontend b a learner also called u1, each with reviews of their own concept.
 */

interface Frontend {
  key: string;
  frontendId: string;
  name: string;
}

let db: Database;
let a: Frontend;
let b: Frontend;
let revoked: Frontend;
const tokens: Record<string, string> = {};
const DAY = 86_400_000;

/** Each learner's own reviewed concept: none of them appears in an answer to anyone else. */
const OWN_CONCEPT = { aU1: 'cgroups', aU2: 'openvz', bU1: 'unikernel' };

beforeAll(async () => {
  db = await connectDatabase(seedTestConfig(), createLogger({ logLevel: 'silent', logPretty: false }));
});
afterAll(() => db?.close());

/** Two reviews of the learner's concept, 20 days ago, so it is both known and due now. */
async function reviewed(frontendId: string, learnerId: string, concept: string): Promise<void> {
  const repo = new LearnerRepository(db.gateway);
  for (const [n, rating] of [ReviewRating.EASY, ReviewRating.GOOD].entries()) {
    const outcome = await repo.review(
      { frontendId, learnerId },
      { concept, rating, idempotencyKey: `${learnerId}-${n}`, source: { kind: 'SELF' } },
      () => new Date(Date.now() - (20 - n) * DAY),
    );
    if (outcome.kind !== 'written') throw new Error(`review of ${concept} for ${learnerId}: ${outcome.kind}`);
  }
}

// Writes are limited per credential; this table sends more than a minute's worth from one token.
const server = useTestServer(
  { RATE_LIMIT_WRITES_PER_MINUTE: '100000', RATE_LIMIT_READS_PER_MINUTE: '100000', NEO4J_QUERY_TIMEOUT_MS: '60000' },
  {
    seed: async (running) => {
      [a, b, revoked] = await Promise.all([
        createTestFrontend('learner-iso-a'),
        createTestFrontend('learner-iso-b'),
        createTestFrontend('learner-iso-revoked'),
      ]);
      await reviewed(a.frontendId, 'u1', OWN_CONCEPT.aU1);
      await reviewed(a.frontendId, 'u2', OWN_CONCEPT.aU2);
      await reviewed(b.frontendId, 'u1', OWN_CONCEPT.bU1);
      await reviewed(revoked.frontendId, 'u1', 'kernel');
      tokens.aU1 = await learnerToken(a.key, 'u1', 300, running);
      tokens.bU1 = await learnerToken(b.key, 'u1', 300, running);
      tokens.revoked = await learnerToken(revoked.key, 'u1', 300, running);
      await db.gateway.write('MATCH (f:Frontend {id: $id}) SET f.revokedAt = datetime()', { id: revoked.frontendId });
    },
  },
);

/**
 * Every learner operation, as a GraphQL document taking the learner id: `$id` for the id in the variables, or the
 * id written into the document. Export is a plain GET, asked separately.
 */
const OPERATIONS: Record<string, (id: string) => string> = {
  progress: (id) => `query Q($id: ID!) { learner(id: ${id}) { progress(first: 5) { totalCount summary { review }
    edges { node { slug state } } } } }`,
  progressByState: (id) =>
    `query Q($id: ID!) { learner(id: ${id}) { progress(state: REVIEW) { edges { node { slug } } } } }`,
  sections: (id) =>
    `query Q($id: ID!) { learner(id: ${id}) { sections(first: 100) { edges { node { section review } } } } }`,
  dueReviews: (id) => `query Q($id: ID!) { learner(id: ${id}) { dueReviews { totalCount edges { node { slug } } } } }`,
  nextConcepts: (id) =>
    `query Q($id: ID!) { learner(id: ${id}) { nextConcepts(goal: "sigkill") { edges { node { concept { slug } } } } } }`,
  learningPath: (id) =>
    `query Q($id: ID!) { learner(id: ${id}) { learningPath(slug: "sigkill") { edges { node { slug } } } } }`,
  tour: (id) =>
    `query Q($id: ID!) { learner(id: ${id}) { tour(to: "sigkill") { skipped steps { concept { slug } } } } }`,
  history: (id) => `query Q($id: ID!) { learner(id: ${id}) { history { totalCount edges { node { slug number } } } } }`,
  reviewConcept: (id) => `mutation M($id: String!) { reviewConcept(input: { learnerId: ${id}, concept: "process",
    rating: GOOD, idempotencyKey: "iso-review" }) { review { number } progress { state } } }`,
  checkAnswer: (id) => `mutation M($id: String!) { checkAnswer(questionId: "q1", choice: "c1", learnerId: ${id},
    idempotencyKey: "iso-answer") { result { correct } review { number } } }`,
  createLearnerToken: (id) => `mutation M($id: String!) { createLearnerToken(learnerId: ${id}) { token } }`,
  eraseLearner: (id) => `mutation M($id: String!) { eraseLearner(learnerId: ${id}) { erased dataNodesRemoved } }`,
};

/** The operations a learner token may ask for its own learner (the rest need the frontend key). */
const TOKEN_OPERATIONS = Object.keys(OPERATIONS).filter((op) => !['createLearnerToken', 'eraseLearner'].includes(op));

interface Credential {
  name: string;
  header: () => string | undefined;
  /** The learner to name: one the credential must not reach. */
  learner: string;
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  /** Operations it is tried on; every one unless given. */
  operations?: string[];
}

const bearer = (credential: string) => `Bearer ${credential}`;

const CREDENTIALS: Credential[] = [
  { name: 'no credential', header: () => undefined, learner: 'u1', code: 'UNAUTHENTICATED' },
  { name: 'token of a/u1 naming u2', header: () => bearer(tokens.aU1), learner: 'u2', code: 'FORBIDDEN' },
  {
    name: 'token of a/u1 naming u1 (erasure and tokens need the key)',
    header: () => bearer(tokens.aU1),
    learner: 'u1',
    code: 'FORBIDDEN',
    operations: ['createLearnerToken', 'eraseLearner'],
  },
  { name: 'token of b/u1 naming u2', header: () => bearer(tokens.bU1), learner: 'u2', code: 'FORBIDDEN' },
  {
    name: 'expired token of a/u1',
    header: () => bearer(minted(a.frontendId, 'u1', -1)),
    learner: 'u1',
    code: 'UNAUTHENTICATED',
  },
  { name: 'token of a revoked frontend', header: () => bearer(tokens.revoked), learner: 'u1', code: 'UNAUTHENTICATED' },
  { name: 'key of a revoked frontend', header: () => bearer(revoked.key), learner: 'u1', code: 'UNAUTHENTICATED' },
  {
    name: 'token of a/u1 signed with another secret',
    header: () => bearer(minted(a.frontendId, 'u1', 300, 'some-other-secret-of-at-least-32-chars!!')),
    learner: 'u1',
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'token of a/u1 with its learner changed to u2',
    header: () => bearer(tampered(tokens.aU1, (p) => (p.l = 'u2'))),
    learner: 'u2',
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'token of b/u1 with its frontend changed to a',
    header: () => bearer(tampered(tokens.bU1, (p) => (p.f = a.frontendId))),
    learner: 'u1',
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'expired token of a/u1 with its expiry moved on',
    header: () => bearer(tampered(minted(a.frontendId, 'u1', -1), (p) => (p.e = Math.floor(Date.now() / 1000) + 3600))),
    learner: 'u1',
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'a key of a with one character changed',
    header: () => bearer(a.key.slice(0, -1) + (a.key.endsWith('A') ? 'B' : 'A')),
    learner: 'u1',
    code: 'UNAUTHENTICATED',
  },
];

const ROWS = CREDENTIALS.flatMap((credential) =>
  (credential.operations ?? Object.keys(OPERATIONS)).flatMap((operation) =>
    (['variables', 'arguments'] as const).map(
      (idIn) => [`${credential.name}, ${operation}, id in the ${idIn}`, credential, operation, idIn] as const,
    ),
  ),
);

/** Nothing of any learner's own data: their concepts and their frontends' ids. */
function expectNothingOfAnyLearner(text: string): void {
  for (const secret of [...Object.values(OWN_CONCEPT), a.frontendId, b.frontendId]) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/lt1\.[A-Za-z0-9_-]{20}/);
}

describe('isolation of the learner queries and mutations', () => {
  it.each(ROWS)('%s: refused, nothing read or changed', async (_name, credential, operation, idIn) => {
    const before = await accessSnapshot(db.gateway);
    const header = credential.header();
    // With the id written in, the document declares no variable (an unused one is a validation error).
    const document =
      idIn === 'variables'
        ? OPERATIONS[operation]('$id')
        : OPERATIONS[operation](JSON.stringify(credential.learner)).replace(/\(\$id: \w+!\)/, '');
    const res = await server.gql(
      document,
      { id: idIn === 'variables' ? credential.learner : 'unused' },
      header === undefined ? {} : { authorization: header },
    );
    expect(res.status).toBe(credential.code === 'UNAUTHENTICATED' ? 401 : 403);
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual([credential.code]);
    expect(res.body.data ?? null).toBeNull();
    expectNothingOfAnyLearner(JSON.stringify(res.body));
    expect(await accessSnapshot(db.gateway)).toEqual(before);
  });

  it.each(CREDENTIALS.map((c) => [c.name, c] as const))(
    '%s, export: refused, nothing read',
    async (_name, credential) => {
      const header = credential.header();
      const base = server.url.replace(/\/graphql$/, '');
      const res = await fetch(`${base}/learners/export`, {
        headers: header === undefined ? {} : { authorization: header },
      });
      const text = await res.text();
      // A learner token is refused because export needs the key, whichever learner it names.
      const expected = credential.code === 'UNAUTHENTICATED' ? 401 : 403;
      expect(res.status).toBe(expected);
      expect((JSON.parse(text) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
        credential.code,
      );
      expectNothingOfAnyLearner(text);
    },
  );

  it('a learner token reaches every field of its own learner, so the refusals above are about the learner named', async () => {
    for (const operation of TOKEN_OPERATIONS.filter((op) => op !== 'checkAnswer' && op !== 'reviewConcept')) {
      const res = await server.gql(OPERATIONS[operation]('$id'), { id: 'u1' }, { authorization: bearer(tokens.aU1) });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data).not.toBeNull();
    }
    const history = await server.gql<{ learner: { history: { edges: { node: { slug: string } }[] } } }>(
      OPERATIONS.history('$id'),
      { id: 'u1' },
      { authorization: bearer(tokens.aU1) },
    );
    expect(history.body.data!.learner.history.edges.map((e) => e.node.slug)).toEqual([
      OWN_CONCEPT.aU1,
      OWN_CONCEPT.aU1,
    ]);
  });

  it('the same learner id under two frontends is two people: each key reads and writes its own', async () => {
    const HISTORY = 'query Q($id: ID!) { learner(id: $id) { history { edges { node { slug } } } } }';
    const ofA = await server.gql<{ learner: { history: { edges: { node: { slug: string } }[] } } }>(
      HISTORY,
      { id: 'u1' },
      { authorization: bearer(a.key) },
    );
    const ofB = await server.gql<{ learner: { history: { edges: { node: { slug: string } }[] } } }>(
      HISTORY,
      { id: 'u1' },
      { authorization: bearer(b.key) },
    );
    expect(ofA.body.data!.learner.history.edges.map((e) => e.node.slug)).toEqual([OWN_CONCEPT.aU1, OWN_CONCEPT.aU1]);
    expect(ofB.body.data!.learner.history.edges.map((e) => e.node.slug)).toEqual([OWN_CONCEPT.bU1, OWN_CONCEPT.bU1]);

    // b's u1 reviews a concept: a's u1 is not touched, and b's answers show it.
    const ofAFrontend = async () => (await accessSnapshot(db.gateway)).filter((line) => line.includes(a.frontendId));
    const before = await ofAFrontend();
    const review = await server.gql<{ reviewConcept: { review: { number: number } } }>(
      'mutation { reviewConcept(input: { learnerId: "u1", concept: "process", rating: EASY, idempotencyKey: "two-people" }) { review { number } } }',
      {},
      { authorization: bearer(b.key) },
    );
    expect(review.body.errors).toBeUndefined();
    expect(review.body.data!.reviewConcept.review.number).toBe(3);
    expect(await ofAFrontend()).toEqual(before);
    const history = async (key: string) =>
      (
        await server.gql<{ learner: { history: { edges: { node: { slug: string } }[] } } }>(
          HISTORY,
          { id: 'u1' },
          {
            authorization: bearer(key),
          },
        )
      ).body.data!.learner.history.edges.map((e) => e.node.slug);
    expect(await history(b.key)).toEqual(['process', OWN_CONCEPT.bU1, OWN_CONCEPT.bU1]);
    expect(await history(a.key)).toEqual([OWN_CONCEPT.aU1, OWN_CONCEPT.aU1]);
  });
});
