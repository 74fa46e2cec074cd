import type { LearnersResult } from './learners';
import type { SerialMeasurement } from './load-serial';
import type { Measurement } from './measure';
import type { BenchOptions } from './options';
import type { ChoiceWork } from './probe';
import { SHAPE_TITLES, type ShapeId, type ShapeParams } from './shapes';

/** The result of a run, the tables printed from it, and the check of the issue's targets. */

export type ContestantId = 'ours' | 'peer' | 'raw';

export interface CaseCheck {
  /** 'ok', 'n/a' (the peer cannot ask it), or what went wrong / differs. */
  ours: string;
  peer: string;
  raw: string;
  /** Cypher round trips ours made for one request (x-db-round-trips). */
  roundTrips: number | null;
  /** Canonical facts in ours' answer. */
  facts: number;
  dbHits: { ours?: number; raw?: number };
  /**
   * Cold: median latency of one client asking repeatedly (no concurrency), in ms, right after the check, before any
   * load: the first answers a fresh server gives.
   */
  serialP50: Partial<Record<ContestantId, number>>;
  /** Warm: the same client after the shape's load rounds and a second of asking alone (absent in older results). */
  warm?: Partial<Record<ContestantId, SerialMeasurement>>;
}

export interface ShapeRow {
  shape: ShapeId;
  check: CaseCheck;
  runs: Record<ContestantId, Measurement[]>;
  ours?: Measurement;
  peer?: Measurement;
  raw?: Measurement;
  /** Ours again, the client sending automatic persisted queries (one round, after the main table). */
  persisted?: Measurement;
  /** Ours with the response cache on, the same question repeated (main table only). */
  cached?: Measurement;
  cachedRuns?: Measurement[];
}

/** Questions beside the shapes (see measureScenarios in bench.ts). */
export interface Scenarios {
  /** `{ __typename }`: ours (cache off) and the peer's server. */
  typename: { ours?: Measurement; peer?: Measurement };
  /** The concept shape, every request a question never asked before: ours with the cache off and on. */
  distinct: { ours?: Measurement; cached?: Measurement };
}

export interface ScaleStep {
  size: number;
  concepts: number;
  relations: number;
  seeding: {
    concepts: number;
    relations: number;
    seconds: number;
    /** Seconds from the start at which each phase of the synthetic writer ended (absent in older results). */
    phases?: { remove: number; concepts: number; relations: number; degrees: number };
  };
  params: ShapeParams;
  /** How much of the graph each chosen question touches (probe.ts); comparable sizes need these about equal. */
  work?: ChoiceWork;
  rows: ShapeRow[];
}

export interface BenchResult {
  date: string;
  command: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  options: BenchOptions;
  seed: { concepts: number; relations: number; seconds: number; params: ShapeParams };
  main: ShapeRow[];
  /**
   * The one-client client alone: the same client asking a local server that answers a fixed body at once (`http`, as
   * the one-client figures are taken; `fetch`, as they were before). HTTP contestants pay it, raw Cypher does not.
   */
  clientOverhead?: { http: SerialMeasurement; fetch?: SerialMeasurement };
  scenarios?: Scenarios;
  /** The learner part (absent with --scale-only). */
  learners?: LearnersResult;
  rss: { main: { ours: number; cached?: number; peer: number }; end: { ours: number; cached?: number; peer: number } };
  scale: ScaleStep[];
  /** Scale steps left out to keep the run within its time budget, and why. */
  skipped: string[];
  minutes: number;
}

export interface Target {
  target: string;
  met: boolean | null;
  detail: string;
}

export interface Report {
  markdown: string;
  summary: string;
  targets: Target[];
  /** Shapes or contestants not measured because their answer was wrong or failed. */
  invalid: string[];
  /** True when ours failed or an answer differs from ours: the run proves nothing about that shape. */
  broken: boolean;
}

const ms = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '–' : v < 1 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);
const rps = (m: Measurement | undefined) => (m ? (m.rps >= 10 ? m.rps.toFixed(0) : m.rps.toFixed(1)) : '–');
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || !b || !a
    ? '–'
    : `${(a / b).toFixed(2)}×`;
const sizeLabel = (n: number) =>
  n >= 999_000 ? `${Math.round(n / 1e6)}M` : n >= 1000 ? `${Math.round(n / 1000)}k` : String(n);

function cell(row: ShapeRow, who: ContestantId, pick: (m: Measurement) => number): string {
  const m = row[who];
  // No answer finished within the measured time: the latency is at least that long.
  if (m && m.requests === 0) return `>${(m.seconds * 1000).toFixed(0)}`;
  if (m) return ms(pick(m));
  const status = row.check[who];
  return status === 'n/a' ? 'n/a' : status === 'ok' ? '–' : status.startsWith('error') ? 'error' : 'wrong';
}

/** One client's p50: warm when it was measured, else cold (older results). */
function oneClientP50(row: ShapeRow | undefined, who: ContestantId): number | undefined {
  return row?.check.warm?.[who]?.p50 ?? row?.check.serialP50[who];
}

function serial(row: ShapeRow, who: ContestantId): string {
  const v = row.check.serialP50[who];
  return v !== undefined ? ms(v) : row.check[who] === 'n/a' ? 'n/a' : '–';
}

function mainTable(result: BenchResult): string[] {
  const lines = [
    '| shape | ours req/s | peer req/s | raw req/s | ours/peer | ours/raw | p50 ms ours · peer · raw | p99 ms ours · peer · raw | round trips (ours) | db hits ours · raw |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of result.main) {
    const peerRps = row.peer ? rps(row.peer) : cell(row, 'peer', (m) => m.rps);
    lines.push(
      `| ${SHAPE_TITLES[row.shape]} | ${rps(row.ours)} | ${peerRps} | ${rps(row.raw)} | ${row.check.peer === 'n/a' ? 'n/a' : ratio(row.ours?.rps, row.peer?.rps)} | ${ratio(row.ours?.rps, row.raw?.rps)} | ` +
        `${cell(row, 'ours', (m) => m.p50)} · ${cell(row, 'peer', (m) => m.p50)} · ${cell(row, 'raw', (m) => m.p50)} | ` +
        `${cell(row, 'ours', (m) => m.p99)} · ${cell(row, 'peer', (m) => m.p99)} · ${cell(row, 'raw', (m) => m.p99)} | ` +
        `${row.check.roundTrips ?? '–'} | ${row.check.dbHits.ours ?? '–'} · ${row.check.dbHits.raw ?? '–'} |`,
    );
  }
  return lines;
}

function warmCell(row: ShapeRow, who: ContestantId, pick: (m: SerialMeasurement) => number): string {
  const m = row.check.warm?.[who];
  return m ? ms(pick(m)) : row.check[who] === 'n/a' ? 'n/a' : '–';
}

/** One client, warm and cold, beside the client's own cost. */
export function oneClientLines(result: BenchResult): string[] {
  const rows = result.main.filter((r) => r.check.ours === 'ok');
  if (!rows.length) return [];
  const o = result.clientOverhead;
  return [
    'One client asking one request at a time (node `http`, one kept-alive connection, the same client for both servers; raw Cypher asked in process through the driver). **Warm**: after the shape’s load rounds and a second of asking alone, up to 200 answers; **cold**: the first answers after the servers started, before any load.' +
      (o
        ? ` The client alone, against a local server answering a fixed body: p50 ${ms(o.http.p50)} ms, p90 ${ms(o.http.p90)} ms${o.fetch ? ` (through \`fetch\`: p50 ${ms(o.fetch.p50)} ms)` : ''}; the HTTP contestants’ figures include it, raw Cypher’s do not.`
        : ''),
    '',
    '| shape | warm p50 ms ours · peer · raw | warm p90 ms ours · peer · raw | ours − raw, warm p50 ms | cold p50 ms ours · peer · raw |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => {
      const [ours, raw] = [r.check.warm?.ours?.p50, r.check.warm?.raw?.p50];
      const gap = ours !== undefined && raw !== undefined ? ms(ours - raw) : '–';
      return `| ${SHAPE_TITLES[r.shape]} | ${warmCell(r, 'ours', (m) => m.p50)} · ${warmCell(r, 'peer', (m) => m.p50)} · ${warmCell(r, 'raw', (m) => m.p50)} | ${warmCell(r, 'ours', (m) => m.p90)} · ${warmCell(r, 'peer', (m) => m.p90)} · ${warmCell(r, 'raw', (m) => m.p90)} | ${gap} | ${serial(r, 'ours')} · ${serial(r, 'peer')} · ${serial(r, 'raw')} |`;
    }),
    '',
  ];
}

/** The second story: repeated questions with the response cache on, then the questions beside the shapes. */
function cachedLines(result: BenchResult): string[] {
  const rows = result.main.filter((r) => r.cached);
  const lines: string[] = [];
  if (rows.length) {
    lines.push(
      'Ours with the response cache on, the same question repeated (`cached`; the table above is ours with it off):',
      '',
      '| shape | cached req/s | cached/ours | cached/raw | p50 ms cached | p99 ms cached |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| ${SHAPE_TITLES[r.shape]} | ${rps(r.cached)} | ${ratio(r.cached!.rps, r.ours?.rps)} | ${ratio(r.cached!.rps, r.raw?.rps)} | ${ms(r.cached!.p50)} | ${ms(r.cached!.p99)} |`,
      ),
      '',
    );
  }
  const sc = result.scenarios;
  if (sc) {
    const line = (label: string, m: Measurement | undefined) =>
      `${label} ${rps(m)} req/s (p50 ${ms(m?.p50)} ms, p99 ${ms(m?.p99)} ms)`;
    lines.push(
      `\`{ __typename }\`: ${line('ours', sc.typename.ours)}, ${line('peer', sc.typename.peer)}, ours/peer ${ratio(sc.typename.ours?.rps, sc.typename.peer?.rps)}.`,
      '',
      `Distinct questions (the concept shape, every request a value never sent before, so the cache never hits): ${line('cache off', sc.distinct.ours)}, ${line('cache on', sc.distinct.cached)}, on/off ${ratio(sc.distinct.cached?.rps, sc.distinct.ours?.rps)}.`,
      '',
    );
  }
  return lines;
}

function persistedLine(result: BenchResult): string[] {
  const rows = result.main.filter((r) => r.persisted && r.ours);
  if (!rows.length) return [];
  return [
    `Ours with automatic persisted queries (hash only, response cache off), one round, req/s and change vs the table: ${rows
      .map((r) => `${r.shape} ${rps(r.persisted)} (${ratio(r.persisted!.rps, r.ours!.rps)})`)
      .join(', ')}.`,
    '',
  ];
}

function scaleTables(result: BenchResult): string[] {
  if (result.scale.length === 0) return [];
  const sizes = result.scale.map((s) => s.size);
  const head = `| shape | ${sizes.map((s) => `${sizeLabel(s)} concepts`).join(' | ')} | largest / smallest (ours) |`;
  const rule = `| --- | ${sizes.map(() => '---:').join(' | ')} | ---: |`;
  const o = result.options;
  const lines = [
    `Scale series: synthetic concepts (about 3 relations each) added to the shipped seed, ${o.scaleRounds ?? 1} round(s) per size (medians over them) of ${o.scaleSeconds} s per shape and contestant after a ${o.scaleWarmupSeconds} s warm-up; the concepts asked about are chosen from the middle of the synthetic range, with a neighborhood of about 40 nodes at every size.`,
    '',
    `p50 latency in ms at ${o.connections} concurrent clients, ours · peer · raw Cypher:`,
    '',
    head,
    rule,
  ];
  const shapes = result.scale[0].rows.map((r) => r.shape);
  for (const shape of shapes) {
    const rows = result.scale.map((s) => s.rows.find((r) => r.shape === shape)!);
    const first = rows[0].ours?.p50;
    const last = rows[rows.length - 1].ours?.p50;
    lines.push(
      `| ${SHAPE_TITLES[shape]} | ${rows.map((r) => `${cell(r, 'ours', (m) => m.p50)} · ${cell(r, 'peer', (m) => m.p50)} · ${cell(r, 'raw', (m) => m.p50)}`).join(' | ')} | ${ratio(last, first)} |`,
    );
  }
  lines.push(
    '',
    'One client asking repeatedly (no concurrency), warm (after the size’s load rounds), p50 ms, ours · peer · raw Cypher:',
    '',
    head,
    rule,
  );
  for (const shape of shapes) {
    const rows = result.scale.map((s) => s.rows.find((r) => r.shape === shape)!);
    const first = oneClientP50(rows[0], 'ours');
    const last = oneClientP50(rows[rows.length - 1], 'ours');
    const one = (r: ShapeRow, who: ContestantId) => {
      const v = oneClientP50(r, who);
      return v !== undefined ? ms(v) : r.check[who] === 'n/a' ? 'n/a' : '–';
    };
    lines.push(
      `| ${SHAPE_TITLES[shape]} | ${rows.map((r) => `${one(r, 'ours')} · ${one(r, 'peer')} · ${one(r, 'raw')}`).join(' | ')} | ${ratio(last, first)} |`,
    );
  }
  lines.push(
    '',
    'Database hits per request (Neo4j PROFILE), ours · raw Cypher:',
    '',
    head.replace(' largest / smallest (ours) |', ' |'),
    rule.replace(' ---: |', '').replace(/ \| $/, ' |'),
  );
  for (const shape of shapes) {
    const rows = result.scale.map((s) => s.rows.find((r) => r.shape === shape)!);
    lines.push(
      `| ${SHAPE_TITLES[shape]} | ${rows.map((r) => `${r.check.dbHits.ours ?? '–'} · ${r.check.dbHits.raw ?? '–'}`).join(' | ')} |`,
    );
  }
  if (result.scale.every((s) => s.work)) {
    lines.push(
      '',
      'What each question touches at each size (plain Cypher, see probe.ts):',
      '',
      head.replace(' largest / smallest (ours) |', ' |'),
      rule.replace(' ---: |', '').replace(/ \| $/, ' |'),
    );
    for (const key of Object.keys(WORK_LABELS) as (keyof ChoiceWork)[])
      lines.push(`| ${WORK_LABELS[key]} | ${result.scale.map((s) => s.work![key]).join(' | ')} |`);
  }
  if (result.skipped.length) lines.push('', `Left out to stay within the time budget: ${result.skipped.join('; ')}.`);
  lines.push(
    '',
    'Seeding (synthetic concepts and their relations, from empty, `--synthetic N`):',
    '',
    '| concepts | relations | seconds | concepts/s | relations/s | phases ended at s: concepts · relations · degrees |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const s of result.scale) {
    const { concepts, relations, seconds, phases } = s.seeding;
    const ends = phases
      ? [phases.concepts, phases.relations, phases.degrees].map((t) => t.toFixed(1)).join(' · ')
      : 'n/a';
    lines.push(
      `| ${concepts} | ${relations} | ${seconds.toFixed(1)} | ${Math.round(concepts / seconds)} | ${Math.round(relations / seconds)} | ${ends} |`,
    );
  }
  return lines;
}

function targets(result: BenchResult): Target[] {
  const out: Target[] = [];
  if (result.main.length === 0) {
    out.push({
      target: 'ours against the peer and raw Cypher (main table)',
      met: null,
      detail: `not run (${result.options.learnersOnly ? '--learners-only' : '--scale-only'})`,
    });
  } else out.push(...mainTargets(result));
  if (result.learners) out.push(...learnerTargets(result.learners));
  else if (result.options.learners === 0)
    out.push({ target: 'the learner part (dashboard and review write)', met: null, detail: 'not run (--no-learners)' });
  out.push(...scaleTargets(result));
  return out;
}

/** Public shapes count as not slowed down by the learners when their rate stays within this share of before. */
export const PUBLIC_NOISE = 0.9;

export function learnerTargets(l: LearnersResult): Target[] {
  const out: Target[] = [];
  const small = l.steps[0];
  const large = l.steps.length > 1 ? l.steps[l.steps.length - 1] : undefined;
  const trips = l.steps.flatMap((s) => s.roundTrips.dashboard);
  out.push({
    target: 'learner dashboard: one or two round trips',
    met: trips.length ? Math.max(...trips) <= 2 : null,
    detail: l.steps
      .map((s) => `${sizeLabel(s.learners)} learners: ${s.roundTrips.dashboard.join(' or ') || 'no header'}`)
      .join(', '),
  });
  out.push({
    target: 'learner dashboard p50 with the large population within 2× of 100 learners',
    met: large ? large.dashboard.p50 / small.dashboard.p50 <= 2 : null,
    detail: large
      ? `p50 ${ms(small.dashboard.p50)} ms at ${sizeLabel(small.learners)} → ${ms(large.dashboard.p50)} ms at ${sizeLabel(large.learners)} (${ratio(large.dashboard.p50, small.dashboard.p50)}); one client, warm p50 ${ms(small.dashboardWarm.p50)} → ${ms(large.dashboardWarm.p50)} ms (${ratio(large.dashboardWarm.p50, small.dashboardWarm.p50)})`
      : 'only one population measured',
  });
  const slowed = l.publicShapes.filter((p) => p.after.rps < p.before.rps * PUBLIC_NOISE);
  out.push({
    target: `public shapes not slower with the learners present (req/s within ${Math.round((1 - PUBLIC_NOISE) * 100)} %)`,
    met:
      l.publicShapes.length === 0 || l.publicShapes.some((p) => p.before.requests === 0 || p.after.requests === 0)
        ? null
        : slowed.length === 0,
    detail: l.publicShapes.map((p) => `${p.shape} ${ratio(p.after.rps, p.before.rps)}`).join(', '),
  });
  return out;
}

/** Learner requests that failed under load: a learner figure with failures in it proves nothing. */
export function learnerFailuresOf(l: LearnersResult | undefined): string[] {
  if (!l) return [];
  const out = l.check.map((problem) => `learners: ${problem}`);
  for (const s of l.steps) {
    if (s.review.errors) out.push(`learners ${s.learners}: ${s.review.errors} review writes failed under load`);
    if (s.dashboard.errors) out.push(`learners ${s.learners}: ${s.dashboard.errors} dashboards failed under load`);
  }
  for (const p of l.publicShapes) {
    const failed = p.before.errors + p.after.errors;
    if (failed) out.push(`public ${p.shape} beside the learners: ${failed} failed answers under load`);
  }
  return out;
}

/** p50 · p99 of a learner measurement; when no answer came back within the measured time, at least that long. */
function latency(m: Measurement): string {
  if (m.requests === 0) return `>${(m.seconds * 1000).toFixed(0)} (no answer in ${m.seconds} s)`;
  return `${ms(m.p50)} · ${ms(m.p99)}`;
}

/** The learner part: its table, the dashboard's growth and Cypher, and the public shapes beside the learners. */
export function learnerLines(l: LearnersResult | undefined): string[] {
  if (!l) return [];
  const o = l.clientOverhead;
  const lines = [
    `Learners: each with ${l.perLearner} of the ${l.concepts} concepts reviewed 1–4 times (states and due dates from the server's own scheduler), written straight into Neo4j as the learner repository stores them, then checked through the API; ours with the response cache and rate limits off and a query deadline of 60 s instead of 5 s, one frontend's bearer key, a random learner per request under load (a fresh idempotency key per review).`,
    '',
    l.check.length
      ? `A written learner did **not** read back through the API as written: ${l.check.join('; ')}.`
      : 'Written learners read back through the API as written (the dashboard, every memory, the newest reviews, and a new review numbered after them).',
    '',
    'One client: one learner’s dashboard asked one request at a time through the main table’s client (node `http`, one kept-alive connection, the bearer key), **warm**: after the dashboard’s load and a second of asking alone, up to 200 answers, p50 and p90.' +
      (o
        ? ` The client alone, with the same body and key, against a local server answering a fixed body: p50 ${ms(o.p50)} ms, p90 ${ms(o.p90)} ms; the dashboard’s figures include it.`
        : ''),
    '',
    '| learners in the graph | written in (s) | memories · reviews written | review write req/s | p50 · p99 ms | dashboard req/s | p50 · p99 ms | dashboard, 1 client, warm p50 · p90 ms | round trips dashboard · review |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...l.steps.map(
      (s) =>
        `| ${s.learners} | ${s.written.seconds.toFixed(1)} | ${s.written.memories} · ${s.written.reviews} | ${rps(s.review)} | ${latency(s.review)} | ${rps(s.dashboard)} | ${latency(s.dashboard)} | ${ms(s.dashboardWarm.p50)} · ${ms(s.dashboardWarm.p90)} | ${s.roundTrips.dashboard.join('/') || '–'} · ${s.roundTrips.review.join('/') || '–'} |`,
    ),
    '',
  ];
  if (l.steps.length > 1) {
    const [a, b] = [l.steps[0], l.steps[l.steps.length - 1]];
    lines.push(
      `Dashboard p50 at ${sizeLabel(b.learners)} learners / at ${sizeLabel(a.learners)}: ${ratio(b.dashboard.p50, a.dashboard.p50)} (one client, warm p50 ${ratio(b.dashboardWarm.p50, a.dashboardWarm.p50)}).`,
      '',
    );
  }
  if (l.profile) {
    lines.push(
      `The dashboard's Cypher at ${sizeLabel(l.steps[l.steps.length - 1].learners)} learners (Neo4j PROFILE): ${l.profile.statements} statement(s), ${l.profile.dbHits} db hits; ${l.profile.plans.map((p) => `${p.dbHits} hits, costliest ${p.hottest.join('; ')}`).join(' | ')}.`,
      '',
    );
  }
  if (l.publicShapes.length) {
    lines.push(
      `Public shapes (ours, cache off) without learners and with ${sizeLabel(l.steps[l.steps.length - 1].learners)} learners in the graph:`,
      '',
      '| shape | req/s without · with | with / without | p50 ms without · with | p99 ms without · with |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...l.publicShapes.map(
        (p) =>
          `| ${SHAPE_TITLES[p.shape]} | ${rps(p.before)} · ${rps(p.after)} | ${ratio(p.after.rps, p.before.rps)} | ${ms(p.before.p50)} · ${ms(p.after.p50)} | ${ms(p.before.p99)} · ${ms(p.after.p99)} |`,
      ),
      '',
    );
  }
  return lines;
}

/** One shape's part of a target: met, missed, or not measured (null), with what it was decided on. */
interface Part {
  ok: boolean | null;
  detail: string;
}

/** A target over several parts: missed when any part missed, else not measured when any part was not, else met. */
function decide(target: string, parts: Part[], note = ''): Target {
  const met = parts.length === 0 || parts.some((p) => p.ok === null) ? null : parts.every((p) => p.ok);
  return {
    target,
    met: parts.some((p) => p.ok === false) ? false : met,
    detail: (parts.length ? parts.map((p) => p.detail).join(', ') : 'no shape measured') + note,
  };
}

const verdict = (ok: boolean) => (ok ? 'met' : 'missed');

/**
 * The peer failed a shape when its answer was an error at the check or none came back in the measured time: ours,
 * which answered, is then ahead on it.
 */
function peerFailed(row: ShapeRow): boolean {
  return row.check.peer.startsWith('error') || (row.peer !== undefined && row.peer.requests === 0);
}

/** Ours against the peer on every shape both can ask, by `compare` where both were measured. */
function againstPeer(
  result: BenchResult,
  compare: (shape: ShapeId, ours: Measurement, peer: Measurement) => Part,
): Part[] {
  return result.main
    .filter((r) => r.check.peer !== 'n/a')
    .map((r) => {
      if (!r.ours) return { ok: null, detail: `${r.shape} not measured (ours: ${r.check.ours})` };
      if (peerFailed(r)) return { ok: true, detail: `${r.shape} ours ahead (the peer failed it)` };
      if (!r.peer) return { ok: null, detail: `${r.shape} not measured (the peer: ${r.check.peer})` };
      return compare(r.shape, r.ours, r.peer);
    });
}

/** Issue 16's targets that the main table decides: cache off, cache on, `{ __typename }` and round trips. */
export function mainTargets(result: BenchResult): Target[] {
  const out: Target[] = [];
  out.push(
    decide(
      'cache off: ours ≥ 2× the peer’s requests/s on every shape both can ask',
      againstPeer(result, (shape, ours, peer) => {
        const x = ours.rps / peer.rps;
        return { ok: x >= 2, detail: `${shape} ${x.toFixed(2)}×` };
      }),
    ),
  );
  out.push(
    decide(
      'cache off: ours’ p99 no worse than the peer’s on every shape both can ask',
      againstPeer(result, (shape, ours, peer) => ({
        ok: ours.p99 <= peer.p99,
        detail: `${shape} ${ms(ours.p99)} vs ${ms(peer.p99)} ms`,
      })),
    ),
  );
  out.push(
    decide(
      'cache off: ours ≥ 50% of raw Cypher’s requests/s on the 1-hop concept and search shapes',
      (['concept', 'search'] as const).map((shape) => {
        const row = result.main.find((r) => r.shape === shape);
        if (!row?.ours || !row.raw) return { ok: null, detail: `${shape} not measured` };
        const share = row.ours.rps / row.raw.rps;
        return { ok: share >= 0.5, detail: `${shape} ${Math.round(share * 100)}%` };
      }),
    ),
  );
  const overhead = result.clientOverhead?.http;
  out.push(
    decide(
      'cache off: one client’s p50 within raw Cypher’s + 2 ms on every shape (warm)',
      result.main.map((r) => {
        const [ours, raw] = [r.check.warm?.ours?.p50, r.check.warm?.raw?.p50];
        if (ours === undefined || raw === undefined) return { ok: null, detail: `${r.shape} not measured` };
        const ok = ours <= raw + 2;
        return { ok, detail: `${r.shape} ${ms(ours)} vs ${ms(raw)} + 2 ms ${verdict(ok)}` };
      }),
      overhead ? ` (ours includes the client’s own ${ms(overhead.p50)} ms, raw Cypher no client)` : '',
    ),
  );
  out.push(
    decide(
      'cache on: ours ≥ raw Cypher’s requests/s on every shape',
      result.main.map((r) => {
        if (!r.cached || !r.raw) return { ok: null, detail: `${r.shape} not measured` };
        const x = r.cached.rps / r.raw.rps;
        return { ok: x >= 1, detail: `${r.shape} ${x.toFixed(2)}×` };
      }),
    ),
  );
  const t = result.scenarios?.typename;
  out.push({
    target: '`{ __typename }`: ours ≥ the peer’s server',
    met: t?.ours && t.peer ? t.ours.rps >= t.peer.rps : null,
    detail:
      t?.ours && t.peer ? `${rps(t.ours)} vs ${rps(t.peer)} req/s (${ratio(t.ours.rps, t.peer.rps)})` : 'not measured',
  });
  const steps = [
    { label: 'seed', rows: result.main },
    ...result.scale.map((s) => ({ label: sizeLabel(s.size), rows: s.rows })),
  ];
  const trips = steps.flatMap(({ label, rows }) =>
    rows.map((r) => ({ where: `${r.shape}${label === 'seed' ? '' : ` at ${label}`}`, trips: r.check.roundTrips })),
  );
  const many = trips.filter((t) => t.trips !== null && t.trips !== 1);
  const unknown = trips.filter((t) => t.trips === null);
  out.push({
    target: 'every shape one round trip',
    met: many.length ? false : unknown.length || trips.length === 0 ? null : true,
    detail: many.length
      ? `more on ${many.map((t) => `${t.where} (${t.trips})`).join(', ')}`
      : unknown.length
        ? `no X-Db-Round-Trips for ${unknown.map((t) => t.where).join(', ')}`
        : `1 on all ${trips.length} shape measurements`,
  });
  return out;
}

/** What the work measures of ChoiceWork are called in the report. */
const WORK_LABELS: Record<keyof ChoiceWork, string> = {
  hubDegree: 'relations of the concept (concept + related)',
  navWalks: 'two-step walks (2-hop navigation)',
  searchHits: `search hits (full-text search)`,
  ball: 'nodes of the 2-hop neighborhood',
  pathLength: 'hops of the path',
  pathReach: 'nodes within 2 hops of the path’s ends',
};

/**
 * Work measures that differ between sizes by more than half (and by more than 2, so 1 against 2 hits is no alarm):
 * then the series compares different questions, not different graph sizes.
 */
export function unevenWork(steps: ScaleStep[]): string[] {
  const withWork = steps.filter((s): s is ScaleStep & { work: ChoiceWork } => s.work !== undefined);
  if (withWork.length < 2) return [];
  return (Object.keys(WORK_LABELS) as (keyof ChoiceWork)[]).flatMap((key) => {
    const values = withWork.map((s) => s.work[key]);
    const [low, high] = [Math.min(...values), Math.max(...values)];
    return high > low * 1.5 && high - low > 2
      ? [
          `${WORK_LABELS[key]}: ${withWork.map((s) => `${values[withWork.indexOf(s)]} at ${sizeLabel(s.size)}`).join(', ')}`,
        ]
      : [];
  });
}

function scaleTargets(result: BenchResult): Target[] {
  const out: Target[] = [];
  if (result.scale.length < 2) {
    const why = result.scale.length ? 'the series had one size' : 'no scale series in this run';
    out.push(
      { target: 'every shape’s p50 at 1M concepts within 2× of 1k (path and page included)', met: null, detail: why },
      {
        target: 'ours ahead of the peer (requests/s) at every size, on every shape both can ask',
        met: null,
        detail: why,
      },
    );
  } else {
    const first = result.scale[0];
    const last = result.scale[result.scale.length - 1];
    const complete = last.size >= 999_000 && first.size <= 1000;
    const span = complete
      ? ''
      : `; the series spanned ${sizeLabel(first.size)} to ${sizeLabel(last.size)}, not 1k to 1M`;
    const growth = first.rows.map((row) => {
      const end = last.rows.find((r) => r.shape === row.shape);
      const [a, b] = [row.ours?.p50, end?.ours?.p50];
      const [sa, sb] = [oneClientP50(row, 'ours'), oneClientP50(end, 'ours')];
      return {
        shape: row.shape,
        x: a && b ? b / a : undefined,
        detail:
          a && b
            ? `${row.shape} ${ms(a)} → ${ms(b)} ms (${(b / a).toFixed(2)}×${sa && sb ? `; one client ${(sb / sa).toFixed(2)}×` : ''})`
            : `${row.shape} not measured at both ends`,
      };
    });
    const over = growth.filter((g) => g.x !== undefined && g.x > 2);
    out.push({
      target: `every shape’s p50 at ${sizeLabel(last.size)} concepts within 2× of ${sizeLabel(first.size)}`,
      met: over.length ? false : growth.some((g) => g.x === undefined) || !complete ? null : true,
      detail: `${over.length ? `over 2×: ${over.map((g) => g.shape).join(', ')}; ` : ''}${growth.map((g) => g.detail).join(', ')}${span}`,
    });
    const behind: string[] = [];
    const unmeasured: string[] = [];
    let lowest = Number.POSITIVE_INFINITY;
    for (const step of result.scale) {
      for (const row of step.rows) {
        if (row.check.peer === 'n/a') continue;
        if (!row.ours) unmeasured.push(`${row.shape} at ${sizeLabel(step.size)}`);
        else if (row.peer && row.peer.requests > 0) {
          const x = row.ours.rps / row.peer.rps;
          lowest = Math.min(lowest, x);
          if (x <= 1) behind.push(`${row.shape} at ${sizeLabel(step.size)} (${x.toFixed(2)}×)`);
        }
      }
    }
    out.push({
      target: 'ours ahead of the peer (requests/s) at every size, on every shape both can ask',
      met: behind.length ? false : unmeasured.length ? null : true,
      detail: behind.length
        ? `behind on ${behind.join(', ')}`
        : `${Number.isFinite(lowest) ? `lowest ours/peer ${lowest.toFixed(2)}×` : 'the peer answered nothing in time'}${unmeasured.length ? `; ours not measured: ${unmeasured.join(', ')}` : ''}`,
    });
    const uneven = unevenWork(result.scale);
    out.push({
      target: 'each question touches about as much of the graph at every size (so sizes compare fairly)',
      met: result.scale.some((s) => !s.work) ? null : uneven.length === 0,
      detail: uneven.length ? uneven.join('; ') : 'every work measure within 1.5× across sizes',
    });
  }
  const hundred = result.scale.find((s) => s.size === 100_000);
  out.push({
    target: '100k concepts + 300k relations seeded in under 30 s',
    met: hundred ? hundred.seeding.seconds < 30 : null,
    detail: hundred
      ? `${hundred.seeding.concepts} concepts + ${hundred.seeding.relations} relations in ${hundred.seeding.seconds.toFixed(1)} s`
      : 'the series had no 100k step',
  });
  return out;
}

function summaryOf(result: BenchResult, list: Target[]): string {
  const measured = result.main.filter((r) => r.ours);
  const finite = (xs: number[]) => xs.filter((x) => Number.isFinite(x) && x > 0);
  const peerX = finite(measured.filter((r) => r.peer).map((r) => r.ours!.rps / r.peer!.rps));
  const rawX = finite(measured.filter((r) => r.raw).map((r) => r.ours!.rps / r.raw!.rps));
  const range = (xs: number[], f: (x: number) => string) =>
    xs.length ? `${f(Math.min(...xs))}–${f(Math.max(...xs))}` : 'n/a';
  const met = list.filter((t) => t.met === true).length;
  const missed = list.filter((t) => t.met === false).map((t) => t.target);
  const parts =
    result.main.length === 0
      ? [result.options.learnersOnly ? 'Learner part only.' : 'Scale series only.']
      : [
          `On the shipped seed (${result.seed.concepts} concepts, ${result.seed.relations} relations), measured side by side in one run with ${result.options.connections} concurrent clients, ours answered ${range(peerX, (x) => `${x.toFixed(1)}×`)} the requests/s of @neo4j/graphql on the ${peerX.length} shapes both can ask, and reached ${range(rawX, (x) => `${Math.round(x * 100)}%`)} of hand-written Cypher’s rate (which pays no HTTP or GraphQL).`,
          `Peak RSS: ours ${result.rss.end.ours} MiB, the peer ${result.rss.end.peer} MiB.`,
        ];
  if (result.scale.length) {
    const first = result.scale[0];
    const last = result.scale[result.scale.length - 1];
    const growth = first.rows
      .map((r) => ({ shape: r.shape, a: r.ours?.p50, b: last.rows.find((x) => x.shape === r.shape)?.ours?.p50 }))
      .filter((g) => g.a && g.b)
      .map((g) => `${g.shape} ${(g.b! / g.a!).toFixed(1)}×`);
    parts.push(
      `From ${sizeLabel(first.size)} to ${sizeLabel(last.size)} synthetic concepts, ours’ p50 grew by ${growth.join(', ')}.`,
    );
  }
  parts.push(`${met} of ${list.length} targets met${missed.length ? `; missed: ${missed.join('; ')}` : ''}.`);
  return parts.join(' ');
}

export function printReport(result: BenchResult): Report {
  const list = targets(result);
  const summary = summaryOf(result, list);
  const invalid: string[] = [];
  const collect = (label: string, rows: ShapeRow[]) => {
    for (const row of rows) {
      for (const who of ['ours', 'peer', 'raw'] as const) {
        const status = row.check[who];
        if (status !== 'ok' && status !== 'n/a' && !(who !== 'ours' && row.check.ours !== 'ok'))
          invalid.push(`${label} ${row.shape} ${who}: ${status}`);
        const failed = row.runs[who].reduce((sum, m) => sum + m.errors, 0);
        const cause = row.runs[who].find((m) => m.firstError)?.firstError;
        if (failed)
          invalid.push(
            `${label} ${row.shape} ${who}: ${failed} failed answers under load${cause ? ` (first: ${cause})` : ''}`,
          );
      }
    }
  };
  const broken = [result.main, ...result.scale.map((s) => s.rows)].some((rows) =>
    rows.some(
      (row) =>
        row.check.ours !== 'ok' ||
        (['peer', 'raw'] as const).some(
          (who) => !['ok', 'n/a'].includes(row.check[who]) && !row.check[who].startsWith('error'),
        ),
    ),
  );
  collect('seed', result.main);
  for (const step of result.scale) collect(`${sizeLabel(step.size)}`, step.rows);
  const learnerFailures = learnerFailuresOf(result.learners);
  invalid.push(...learnerFailures);
  const o = result.options;
  const p = result.seed.params;
  const markdown = [
    `Measured ${result.date.slice(0, 10)} on ${result.machine.cpus} cores, ${result.machine.memoryGiB} GiB (${result.machine.cpuModel}), Node ${result.machine.node}, with \`${result.command}\` (${result.minutes.toFixed(1)} min).`,
    o.learnersOnly
      ? `Neo4j, ours and the load generator share the machine. One run of ${o.seconds} s per question after a ${o.warmupSeconds} s warm-up, ${o.connections} concurrent clients.`
      : `Neo4j, ours, the peer and the load generator share the machine. ${result.main.length ? `${o.rounds} round(s) of ${o.seconds} s per shape and contestant after a ${o.warmupSeconds} s warm-up` : 'Scale series only'}, ${o.connections} concurrent clients, contestants in rotating order; figures are medians over the rounds.`,
    '',
    ...(result.main.length
      ? [
          `Shipped seed (${result.seed.concepts} concepts, ${result.seed.relations} relations); concept \`${p.hub}\`, walk \`${p.nav.root}\` ${p.nav.first.join('|')} → ${p.nav.second.join('|')}, search “${p.search}”, neighborhood of \`${p.center}\`, path \`${p.path.from}\` → \`${p.path.to}\`:`,
          '',
          ...mainTable(result),
          '',
          ...oneClientLines(result),
          ...cachedLines(result),
          ...persistedLine(result),
          `Server peak RSS: ours ${result.rss.main.ours} MiB (cache on: ${result.rss.main.cached ?? '–'} MiB), peer ${result.rss.main.peer} MiB after the main table; ${result.rss.end.ours} MiB and ${result.rss.end.peer} MiB at the end of the run.`,
        ]
      : [
          `Server peak RSS at the end of the run: ours ${result.rss.end.ours} MiB${o.learnersOnly ? '' : `, peer ${result.rss.end.peer} MiB`}.`,
        ]),
    '',
    ...learnerLines(result.learners),
    ...scaleTables(result),
    '',
    'Targets:',
    '',
    ...list.map(
      (t) => `- ${t.met === true ? 'met' : t.met === false ? '**missed**' : 'not measured'}: ${t.target} — ${t.detail}`,
    ),
    '',
    summary,
  ].join('\n');
  return { markdown, summary, targets: list, invalid, broken: broken || learnerFailures.length > 0 };
}
