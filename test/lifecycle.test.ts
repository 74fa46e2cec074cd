import { useTestServer } from './support/server';

const server = useTestServer();

const db = () => server.atlas.database.gateway;

interface StageData {
  order: number;
  concept: { slug: string; name: string; kind: string };
  commands: { slug: string; name: string }[];
  signals: { slug: string }[];
  next: { order: number; concept: { slug: string } } | null;
}

const STAGE =
  'order concept { slug name kind } commands { slug name } signals { slug } next { order concept { slug } }';

async function lifecycle(headers: Record<string, string> = {}): Promise<StageData[]> {
  const res = await server.gql<{ lifecycle: StageData[] }>(`{ lifecycle { ${STAGE} } }`, undefined, headers);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.lifecycle;
}

describe('lifecycle', () => {
  it('lists build, run, stop/kill and commit in order, each linked to the next', async () => {
    const stages = await lifecycle();
    expect(stages.map((s) => s.concept.slug)).toEqual(['build-stage', 'run-stage', 'stop-kill-stage', 'commit-stage']);
    expect(stages.map((s) => s.order)).toEqual([1, 2, 3, 4]);
    expect(stages.every((s) => s.concept.kind === 'LIFECYCLE_STAGE')).toBe(true);
    expect(stages.map((s) => s.next?.concept.slug ?? null)).toEqual([
      'run-stage',
      'stop-kill-stage',
      'commit-stage',
      null,
    ]);
    expect(stages.slice(0, 3).map((s) => s.next!.order)).toEqual([2, 3, 4]);
  });

  it('follows the NEXT_STAGE chain of the graph', async () => {
    const stages = await lifecycle();
    const chain = await db().read(
      `MATCH (a:Concept)-[:NEXT_STAGE]->(b:Concept) WHERE a.slug IN $slugs RETURN a.slug AS a, b.slug AS b`,
      { slugs: stages.map((s) => s.concept.slug) },
    );
    const stored = new Map(chain.map((row) => [row.a as string, row.b as string]));
    for (const stage of stages) expect(stage.next?.concept.slug ?? null).toBe(stored.get(stage.concept.slug) ?? null);
  });

  it('gives each stage its commands in the stored order', async () => {
    const stages = await lifecycle();
    const bySlug = new Map(stages.map((s) => [s.concept.slug, s.commands.map((c) => c.slug)]));
    expect(bySlug.get('build-stage')).toEqual(['docker-build']);
    expect(bySlug.get('run-stage')).toEqual(expect.arrayContaining(['docker-run', 'docker-pause']));
    expect(bySlug.get('stop-kill-stage')).toEqual(['docker-stop', 'docker-kill']);
    expect(bySlug.get('commit-stage')).toEqual(['docker-commit']);
    for (const stage of stages) {
      const rows = await db().read(
        `MATCH (:Concept {slug: $slug})-[r:HAS_COMMAND]->(c:Concept) RETURN c.slug AS slug ORDER BY r.order IS NULL, r.order, c.slug`,
        { slug: stage.concept.slug },
      );
      expect(stage.commands.map((c) => c.slug)).toEqual(rows.map((row) => row.slug));
    }
  });

  it("gives the signals the stage's commands send, SIGTERM before SIGKILL", async () => {
    const stages = await lifecycle();
    const stopKill = stages.find((s) => s.concept.slug === 'stop-kill-stage')!;
    expect(stopKill.signals.map((s) => s.slug)).toEqual(['sigterm', 'sigkill']);
    expect(stages.find((s) => s.concept.slug === 'build-stage')!.signals).toEqual([]);
  });

  it('lets a command show its signals through related', async () => {
    const res = await server.gql<{
      lifecycle: { commands: { slug: string; related: { edges: { node: { slug: string } }[] } }[] }[];
    }>(
      '{ lifecycle { commands { slug related(types: [SENDS_SIGNAL], direction: OUTGOING) { edges { node { slug } } } } } }',
    );
    expect(res.body.errors).toBeUndefined();
    const stop = res.body.data!.lifecycle.flatMap((s) => s.commands).find((c) => c.slug === 'docker-stop')!;
    expect(stop.related.edges.map((e) => e.node.slug)).toEqual(['sigterm', 'sigkill']);
  });

  it('names stages and commands in Korean or English', async () => {
    const [row] = await db().read('MATCH (c:Concept {slug: "build-stage"}) RETURN c.nameKo AS ko, c.nameEn AS en');
    const ko = await lifecycle({ 'accept-language': 'ko' });
    const en = await lifecycle();
    expect(ko[0].concept.name).toBe(row.ko);
    expect(en[0].concept.name).toBe(row.en);
    expect(ko[0].concept.name).not.toBe(en[0].concept.name);
    expect(ko.map((s) => s.concept.slug)).toEqual(en.map((s) => s.concept.slug));
  });

  it('reads the lifecycle in one database round trip', async () => {
    const res = await server.gql(`{ lifecycle { ${STAGE} next { next { commands { slug } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.headers.get('x-db-round-trips')).toBe('1');
  });
});
