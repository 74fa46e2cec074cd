import { type Question, QUESTION_FIELDS, verifyQuestions } from './support/quiz-check';
import { useTestServer } from './support/server';

// The independent check of the check questions is one large path query: its first planning can take seconds.
const server = useTestServer({ NEO4J_QUERY_TIMEOUT_MS: '60000' });

const db = () => server.atlas.database.gateway;
const HANGUL = /[가-힣]/;

interface Step {
  position: number;
  concept: { slug: string };
  why: string;
  ko: string;
  via: { type: string; from: { slug: string }; to: { slug: string } } | null;
  check: Question | null;
}

interface TourData {
  from: { slug: string } | null;
  to: { slug: string };
  skipped: number;
  steps: Step[];
}

const TOUR = `from { slug } to { slug } skipped steps { position concept { slug } why ko: why(lang: KO) via { type from { slug } to { slug } } check { ${QUESTION_FIELDS} } }`;

async function tour(to: string, from?: string, lang?: string): Promise<TourData> {
  const res = await server.gql<{ tour: TourData }>(
    `query ($from: String, $to: String!, $lang: Lang) { tour(from: $from, to: $to, lang: $lang) { ${TOUR} } }`,
    { from, to, lang },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.tour;
}

/** A concept and everything it requires, from the graph. */
async function closure(slug: string): Promise<Set<string>> {
  const rows = await db().read(
    'MATCH (:Concept {slug: $slug})-[:LEARN_AFTER]->{0,}(p:Concept) RETURN DISTINCT p.slug AS slug',
    { slug },
  );
  return new Set(rows.map((row) => row.slug as string));
}

const ROUTES: [from: string | undefined, to: string][] = [
  [undefined, 'docker-kill'],
  ['docker-stop', 'docker-kill'],
  ['process', 'docker-kill'],
  ['container', 'unikernel'],
  [undefined, 'os-container'],
  ['docker-kill', 'sigkill'],
  ['image', 'docker-commit'],
  [undefined, 'process'],
];

describe('tour', () => {
  it.each(ROUTES)(
    'from %s to %s: ends at the target, never repeats, covers what is not known, prerequisites first',
    async (from, to) => {
      const data = await tour(to, from);
      const slugs = data.steps.map((s) => s.concept.slug);
      expect(slugs[slugs.length - 1]).toBe(to);
      expect(new Set(slugs).size).toBe(slugs.length);
      expect(data.steps.map((s) => s.position)).toEqual(slugs.map((_, i) => i + 1));
      expect(data.to.slug).toBe(to);
      expect(data.from?.slug ?? null).toBe(from ?? null);

      const needed = await closure(to);
      const known = from ? await closure(from) : new Set<string>();
      const unknown = [...needed].filter((slug) => !known.has(slug));
      if (unknown.length > 0) expect([...slugs].sort()).toEqual(unknown.sort());
      else expect(slugs).toEqual([to]);
      expect(data.skipped).toBe([...needed].filter((slug) => known.has(slug)).length);

      // Every prerequisite on the tour comes before what requires it.
      const pairs = await db().read(
        'MATCH (a:Concept)-[:LEARN_AFTER]->(b:Concept) WHERE a.slug IN $slugs AND b.slug IN $slugs RETURN a.slug AS a, b.slug AS b',
        { slugs },
      );
      for (const { a, b } of pairs) expect(slugs.indexOf(b as string)).toBeLessThan(slugs.indexOf(a as string));
    },
  );

  it('explains every step with a stored relation of the step, tied to something already seen where there is one', async () => {
    for (const [from, to] of ROUTES) {
      const data = await tour(to, from);
      const known = from ? await closure(from) : new Set<string>();
      const seen = new Set(known);
      for (const step of data.steps) {
        expect(step.why.length).toBeGreaterThan(0);
        expect(step.ko).toMatch(HANGUL);
        if (step.via) {
          const { type, from: a, to: b } = step.via;
          expect([a.slug, b.slug]).toContain(step.concept.slug);
          // English sentences name a concept by its sentence form ("the Linux kernel") when it has one, capitalised at the start.
          const [row] = await db().read(
            `MATCH (a:Concept {slug: $a})-[r]->(b:Concept {slug: $b}) WHERE type(r) = $type
             RETURN count(r) AS n, coalesce(CASE WHEN type(r) = 'LEARN_AFTER' THEN null ELSE a.phraseEn END, a.nameEn) AS a, coalesce(CASE WHEN type(r) = 'LEARN_AFTER' THEN null ELSE b.phraseEn END, b.nameEn) AS b`,
            { a: a.slug, b: b.slug, type },
          );
          expect(row.n).toBe(1);
          // "is a kind of kernel" drops the article of "a kernel".
          const named = (text: string) => text.toLowerCase().replace(/^(a|an) /, '');
          expect(step.why.toLowerCase()).toContain(named(row.a as string));
          expect(step.why.toLowerCase()).toContain(named(row.b as string));
          const other = a.slug === step.concept.slug ? b.slug : a.slug;
          // Tied to what came before, unless nothing before is related to the step at all.
          if (!seen.has(other)) {
            const [{ n }] = await db().read(
              `MATCH (s:Concept {slug: $slug})-[r]-(o:Concept) WHERE o.slug IN $seen AND type(r) <> 'COVERS' RETURN count(r) AS n`,
              { slug: step.concept.slug, seen: [...seen] },
            );
            expect({ step: step.concept.slug, tiesBack: n }).toEqual({ step: step.concept.slug, tiesBack: 0 });
          }
        }
        seen.add(step.concept.slug);
      }
    }
  });

  it('gives each step a check question about it that is right in the graph', async () => {
    const data = await tour('docker-kill');
    const checks = data.steps.filter((s) => s.check).map((s) => ({ step: s.concept.slug, check: s.check! }));
    expect(checks.length).toBeGreaterThan(data.steps.length / 2);
    for (const { step, check } of checks)
      expect([check.concept.slug, ...check.options.map((o) => o.id)]).toContain(step);
    await verifyQuestions(
      server,
      checks.map((c) => c.check),
    );
    expect(new Set(checks.map((c) => `${c.check.kind}:${c.check.asks}:${c.check.concept.slug}`)).size).toBe(
      checks.length,
    );
  });

  it('is the same every time for the same route, in Korean or English', async () => {
    const first = await tour('docker-kill', 'docker-stop');
    expect(await tour('docker-kill', 'docker-stop')).toEqual(first);
    const ko = await tour('docker-kill', 'docker-stop', 'KO');
    expect(ko.steps.map((s) => s.concept.slug)).toEqual(first.steps.map((s) => s.concept.slug));
    expect(ko.steps.map((s) => s.check?.id)).toEqual(first.steps.map((s) => s.check?.id));
    for (const step of ko.steps) expect(step.why).toMatch(HANGUL);
    for (const step of first.steps) expect(step.why).not.toMatch(HANGUL);
  });

  it.each([
    [{ to: 'no-such-concept' }, 'NOT_FOUND', 'to'],
    [{ from: 'no-such-concept', to: 'docker-kill' }, 'NOT_FOUND', 'from'],
    [{ from: 'docker-kill', to: 'docker-kill' }, 'BAD_USER_INPUT', 'to'],
  ])('rejects %j with %s naming %s', async (args, code, argument) => {
    const res = await server.gql(
      'query ($from: String, $to: String!) { tour(from: $from, to: $to) { to { slug } } }',
      args,
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({ code, argument });
  });
});
