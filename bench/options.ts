import { MAX_SYNTHETIC } from '../src/seed/seed.synthetic';

/** Command-line options of `npm run bench`. */
export interface BenchOptions {
  quick: boolean;
  /** Rounds of the main table; every round measures every shape once per contestant, in a rotating order. */
  rounds: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Synthetic graph sizes of the scale series (empty: no scale series). */
  sizes: number[];
  scaleSeconds: number;
  scaleWarmupSeconds: number;
  /** Rounds per size of the scale series (medians over them, as in the main table). */
  scaleRounds: number;
  /** Time one client asks each question for right after the check, in ms, for the cold one-client latency. */
  serialBudgetMs: number;
  /** The run skips a scale step it predicts would end past this many minutes from the start (0: no limit). */
  budgetMinutes: number;
  /** Skip the main table (shipped seed) and run only the scale series, e.g. for a 1M step outside the time budget. */
  scaleOnly: boolean;
  /** Only the learner part: review writes and dashboards with few and many learners, and the public shapes beside. */
  learnersOnly: boolean;
  /** Learners (each with 100 reviewed concepts) in the graph for the learner part's large step; 0 leaves the part out. */
  learners: number;
  /** Instead of the benchmark: CPU profiles of our server, one per shape, on the shipped seed. */
  profile: boolean;
  profileSeconds: number;
  heap: string;
  pageCache: string;
}

export const USAGE = `npm run bench [-- options]
  --quick              short smoke run (1 round, 2 s per measurement, scale series at 1k only, no persisted queries)
  --rounds N           rounds of the main table (3)
  --connections N      concurrent clients (16)
  --seconds S          measured seconds per shape and contestant (5)
  --warmup S           warm-up seconds before each measurement (2)
  --sizes A,B,...      synthetic graph sizes of the scale series (1000,10000,100000,999999); "none" to skip
  --scale-seconds S    measured seconds per shape and contestant in the scale series (3)
  --scale-rounds N     rounds per size of the scale series, medians over them (1; more on a busy machine)
  --budget MINUTES     skip scale steps predicted to end the run later than this (20; --quick 3; 0 = never skip)
  --scale-only         skip the main table; only the scale series (with --sizes 1000,999999 --budget 0 for 1M)
  --learners-only      only the learner part: review writes and dashboards with 100 and N learners in the graph
  --learners N         learners (100 reviewed concepts each) in the learner part's large step (10000)
  --no-learners        leave the learner part out (the main table and the scale series only)
  --profile            CPU-profile our server per shape on the shipped seed instead (node --cpu-prof)
  --heap SIZE          heap of the local Neo4j (2g)
  --pagecache SIZE     page cache of the local Neo4j (3g)`;

/**
 * The value given after `name` (`--runs 3000`) on the command line of a bench tool, or undefined when the option is
 * not there or has no value.
 */
export function optionValue(name: string, argv: readonly string[] = process.argv): string | undefined {
  const at = argv.indexOf(name);
  return (at >= 0 && argv[at + 1]) || undefined;
}

function positive(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number, got "${raw}"\n${USAGE}`);
  return value;
}

export function parseOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    quick,
    rounds: quick ? 1 : 3,
    connections: 16,
    seconds: quick ? 2 : 5,
    warmupSeconds: quick ? 0.5 : 2,
    sizes: quick ? [1000] : [1000, 10000, 100000, MAX_SYNTHETIC],
    scaleSeconds: quick ? 1 : 3,
    scaleWarmupSeconds: quick ? 0.5 : 1,
    scaleRounds: 1,
    serialBudgetMs: quick ? 500 : 2000,
    budgetMinutes: quick ? 3 : 20,
    scaleOnly: false,
    learnersOnly: false,
    learners: 10000,
    profile: false,
    profileSeconds: quick ? 3 : 8,
    heap: '2g',
    pageCache: '3g',
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const next = () => argv[++i];
    switch (arg) {
      case '--quick':
        break;
      case '--rounds':
        options.rounds = Math.round(positive(arg, next()));
        break;
      case '--connections':
        options.connections = Math.round(positive(arg, next()));
        break;
      case '--seconds':
        options.seconds = positive(arg, next());
        break;
      case '--warmup':
        options.warmupSeconds = Number(next());
        break;
      case '--sizes': {
        const raw = next() ?? '';
        options.sizes =
          raw === 'none'
            ? []
            : raw
                .split(',')
                .map((s) =>
                  Math.min(MAX_SYNTHETIC, Math.round(positive(arg, s.replace(/k$/i, '000').replace(/m$/i, '000000')))),
                );
        break;
      }
      case '--scale-rounds':
        options.scaleRounds = Math.round(positive(arg, next()));
        break;
      case '--scale-seconds':
        options.scaleSeconds = positive(arg, next());
        break;
      case '--budget':
        options.budgetMinutes = Number(next());
        break;
      case '--scale-only':
        options.scaleOnly = true;
        break;
      case '--learners-only':
        options.learnersOnly = true;
        break;
      case '--no-learners':
        options.learners = 0;
        break;
      case '--learners':
        options.learners = Math.round(positive(arg, next()?.replace(/k$/i, '000')));
        break;
      case '--profile':
        options.profile = true;
        break;
      case '--heap':
        options.heap = next();
        break;
      case '--pagecache':
        options.pageCache = next();
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  return options;
}
