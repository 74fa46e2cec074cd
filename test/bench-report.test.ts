import { describeMeasurement, type Measurement } from '../bench/measure';
import { type BenchResult, mainTargets, printReport, type ShapeRow } from '../bench/report';
import type { ShapeId } from '../bench/shapes';

/** How the bench report decides issue 16's targets, on results written out by hand: pure logic, no database. */

const m = (rps: number, p99 = 10, requests = 1000): Measurement => ({
  rps,
  p50: 5,
  p99,
  requests,
  errors: 0,
  seconds: 5,
});
const warm = (p50: number) => ({ p50, p90: p50 + 0.5, asks: 200 });

interface RowSpec {
  ours: number;
  peer?: number | 'n/a' | 'error' | 'none in time';
  raw: number;
  cached: number;
  p99?: [number, number];
  oneClient: [number, number];
  trips?: number | null;
}

function row(shape: ShapeId, spec: RowSpec): ShapeRow {
  const peerStatus =
    spec.peer === 'n/a'
      ? 'n/a'
      : spec.peer === 'error'
        ? 'error: Neo.ClientError.Transaction.TransactionTimedOut'
        : 'ok';
  const peer =
    spec.peer === 'none in time'
      ? m(0, Number.NaN, 0)
      : typeof spec.peer === 'number'
        ? m(spec.peer, spec.p99?.[1] ?? 20)
        : undefined;
  return {
    shape,
    check: {
      ours: 'ok',
      peer: peerStatus,
      raw: 'ok',
      roundTrips: spec.trips === undefined ? 1 : spec.trips,
      facts: 10,
      dbHits: {},
      serialP50: { ours: 9, raw: 3 },
      warm: { ours: warm(spec.oneClient[0]), raw: warm(spec.oneClient[1]) },
    },
    runs: { ours: [], peer: [], raw: [] },
    ours: m(spec.ours, spec.p99?.[0] ?? 10),
    ...(peer ? { peer } : {}),
    raw: m(spec.raw),
    cached: m(spec.cached),
  };
}

function result(rows: ShapeRow[], typename = { ours: 15000, peer: 14000 }): BenchResult {
  return {
    date: '2026-12-01T04:00:00.000Z',
    command: 'npm run bench -- --no-learners --sizes none',
    machine: { cpus: 2, cpuModel: 'test', memoryGiB: 24, node: 'v20', platform: 'Linux' },
    options: {
      quick: false,
      rounds: 3,
      connections: 16,
      seconds: 5,
      warmupSeconds: 2,
      sizes: [],
      scaleSeconds: 3,
      scaleWarmupSeconds: 1,
      scaleRounds: 1,
      serialBudgetMs: 2000,
      budgetMinutes: 20,
      scaleOnly: false,
      learnersOnly: false,
      learners: 0,
      profile: false,
      profileSeconds: 8,
      heap: '2g',
      pageCache: '3g',
    },
    seed: {
      concepts: 113,
      relations: 427,
      seconds: 1,
      params: {
        hub: 'container',
        nav: { root: 'container-lifecycle', first: [], second: [] },
        search: 'hypervisor',
        center: 'container-state',
        path: { from: 'docker-stop', to: 'unikernel' },
      },
    },
    main: rows,
    clientOverhead: { http: { p50: 0.12, p90: 0.2, asks: 200 } },
    scenarios: { typename: { ours: m(typename.ours), peer: m(typename.peer) }, distinct: {} },
    rss: { main: { ours: 280, peer: 860 }, end: { ours: 280, peer: 860 } },
    scale: [],
    skipped: [],
    minutes: 11,
  };
}

const byTarget = (rows: ShapeRow[], typename?: { ours: number; peer: number }) =>
  Object.fromEntries(mainTargets(result(rows, typename)).map((t) => [t.target, t]));

const PEER_RATE = 'cache off: ours ≥ 2× the peer’s requests/s on every shape both can ask';
const PEER_P99 = 'cache off: ours’ p99 no worse than the peer’s on every shape both can ask';
const RAW_SHARE = 'cache off: ours ≥ 50% of raw Cypher’s requests/s on the 1-hop concept and search shapes';
const ONE_CLIENT = 'cache off: one client’s p50 within raw Cypher’s + 2 ms on every shape (warm)';
const CACHED = 'cache on: ours ≥ raw Cypher’s requests/s on every shape';
const TYPENAME = '`{ __typename }`: ours ≥ the peer’s server';
const ROUND_TRIP = 'every shape one round trip';

describe('the bench report’s targets (issue 16)', () => {
  it('lists exactly the cache-off, cache-on, { __typename } and round-trip targets, in that order', () => {
    expect(mainTargets(result([])).map((t) => t.target)).toEqual([
      PEER_RATE,
      PEER_P99,
      RAW_SHARE,
      ONE_CLIENT,
      CACHED,
      TYPENAME,
      ROUND_TRIP,
    ]);
  });

  it('meets every target when every figure clears it', () => {
    const t = byTarget([
      row('concept', { ours: 2000, peer: 190, raw: 4000, cached: 25000, oneClient: [3.1, 1.2] }),
      row('search', { ours: 2100, peer: 1000, raw: 4000, cached: 29000, oneClient: [2.9, 1.0] }),
      row('path', { ours: 2400, peer: 'n/a', raw: 5300, cached: 27000, oneClient: [2.2, 1.4] }),
    ]);
    expect(Object.values(t).map((x) => x.met)).toEqual([true, true, true, true, true, true, true]);
    expect(t[PEER_RATE].detail).toBe('concept 10.53×, search 2.10×');
    expect(t[RAW_SHARE].detail).toBe('concept 50%, search 53%');
    expect(t[ONE_CLIENT].detail).toBe(
      'concept 3.1 vs 1.2 + 2 ms met, search 2.9 vs 1.0 + 2 ms met, path 2.2 vs 1.4 + 2 ms met (ours includes the client’s own 0.12 ms, raw Cypher no client)',
    );
    expect(t[ROUND_TRIP].detail).toBe('1 on all 3 shape measurements');
  });

  it('misses a target when one shape misses it, and says which and by how much', () => {
    const t = byTarget(
      [
        row('concept', { ours: 2000, peer: 190, raw: 4143, cached: 3000, oneClient: [9.3, 3.2], p99: [19, 200] }),
        row('search', { ours: 1962, peer: 1567, raw: 4012, cached: 29000, oneClient: [2.9, 1.0], p99: [22, 20] }),
        row('nav2', { ours: 2348, peer: 1110, raw: 5518, cached: 23000, oneClient: [3.7, 1.7], trips: 2 }),
      ],
      { ours: 14510, peer: 20324 },
    );
    expect(t[PEER_RATE]).toMatchObject({ met: false, detail: 'concept 10.53×, search 1.25×, nav2 2.12×' });
    expect(t[PEER_P99]).toMatchObject({
      met: false,
      detail: 'concept 19.0 vs 200 ms, search 22.0 vs 20.0 ms, nav2 10.0 vs 20.0 ms',
    });
    expect(t[RAW_SHARE]).toMatchObject({ met: false, detail: 'concept 48%, search 49%' });
    expect(t[ONE_CLIENT].met).toBe(false);
    expect(t[ONE_CLIENT].detail).toContain('concept 9.3 vs 3.2 + 2 ms missed, search 2.9 vs 1.0 + 2 ms met');
    expect(t[CACHED]).toMatchObject({ met: false, detail: 'concept 0.72×, search 7.23×, nav2 4.17×' });
    expect(t[TYPENAME]).toMatchObject({ met: false, detail: '14510 vs 20324 req/s (0.71×)' });
    expect(t[ROUND_TRIP]).toMatchObject({ met: false, detail: 'more on nav2 (2)' });
  });

  it('counts a shape the peer failed as ours ahead, and decides the rest', () => {
    /** The concept shape with the peer at `conceptPeer` req/s, and the neighbourhood as the peer answered it. */
    const withNeighborhood = (conceptPeer: number, neighborhoodPeer: RowSpec['peer']) =>
      byTarget([
        row('concept', { ours: 2000, peer: conceptPeer, raw: 4000, cached: 25000, oneClient: [3, 1] }),
        row('neighborhood', { ours: 665, peer: neighborhoodPeer, raw: 1580, cached: 26000, oneClient: [4, 2.1] }),
      ]);
    const failed = withNeighborhood(190, 'error');
    expect(failed[PEER_RATE]).toMatchObject({
      met: true,
      detail: 'concept 10.53×, neighborhood ours ahead (the peer failed it)',
    });
    expect(failed[PEER_P99].met).toBe(true);
    const slow = withNeighborhood(1900, 'none in time');
    expect(slow[PEER_RATE]).toMatchObject({
      met: false,
      detail: 'concept 1.05×, neighborhood ours ahead (the peer failed it)',
    });
  });

  it('says not measured, never met, when a figure is missing', () => {
    const gap = row('concept', { ours: 2000, peer: 190, raw: 4000, cached: 25000, oneClient: [3, 1], trips: null });
    delete gap.check.warm;
    delete gap.cached;
    const t = byTarget([gap]);
    expect(t[ONE_CLIENT]).toMatchObject({ met: null, detail: expect.stringMatching(/^concept not measured/) });
    expect(t[CACHED]).toMatchObject({ met: null, detail: 'concept not measured' });
    expect(t[ROUND_TRIP]).toMatchObject({ met: null, detail: 'no X-Db-Round-Trips for concept' });
    expect(t[RAW_SHARE]).toMatchObject({ met: null, detail: 'concept 50%, search not measured' });
  });

  it('prints each target as met, missed or not measured, and the scale targets as not measured without a series', () => {
    const { markdown } = printReport(
      result([row('concept', { ours: 2000, peer: 190, raw: 4000, cached: 25000, oneClient: [9.3, 3.2] })]),
    );
    expect(markdown).toContain(
      '- met: cache off: ours ≥ 2× the peer’s requests/s on every shape both can ask — concept 10.53×',
    );
    expect(markdown).toContain(`- **missed**: ${ONE_CLIENT} — concept 9.3 vs 3.2 + 2 ms missed`);
    expect(markdown).toContain(
      '- not measured: every shape’s p50 at 1M concepts within 2× of 1k (path and page included) — no scale series in this run',
    );
    expect(markdown).toContain('| concept + related (1 hop) | 9.3 · – · 3.2 | 9.8 · – · 3.7 | 6.1 | 9.0 · – · 3.0 |');
  });
});

describe('describeMeasurement', () => {
  it('prints rate, p50 and p99, and the failures with the first one’s cause when there were any', () => {
    expect(describeMeasurement(m(2036.6, 19.04))).toBe('2037 req/s, p50 5.0 ms, p99 19.0 ms');
    expect(describeMeasurement({ ...m(12, 250), errors: 3, firstError: 'HTTP 503' })).toBe(
      '12 req/s, p50 5.0 ms, p99 250.0 ms, 3 ERRORS (first: HTTP 503)',
    );
    expect(describeMeasurement({ ...m(12, 250), errors: 3 })).toBe('12 req/s, p50 5.0 ms, p99 250.0 ms, 3 ERRORS');
  });
});
