import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';

import YAML from 'yaml';

import type { ConceptRead } from '../src/graph/graph.model';
import { planSearch } from '../src/search/search.args';
import { SearchRepository, type SearchRecords } from '../src/search/search.repository';
import { syncSeed } from '../src/seed/seed.sync';
import { checkSeed } from '../src/seed/seed.validate';
import { openBenchDatabase } from './database';

/**
 * `node dist/bench/search-same.js <built bench dir>`: whether the search repository of another build (its compiled
 * `src/search/search.repository.js`) and ours return exactly the same records, for every query of
 * test/relevance/search-queries.yaml and a few more (misspellings, comparisons, text that matches nothing), each with
 * every common selection, both preferred languages, with and without a kind filter, and three limits. A change to the
 * search statement that is meant to make it cheaper, not different, is checked with it against the build before.
 * Prints the first differences and the counts; exits with 1 when any differ.
 */

/**
 * The records as an answer uses them: a search of one text whose best hit is exact (a score above 1) answers with its
 * first `limit` hits only (the hits past the limit serve only a misspelled text), so only those are compared there;
 * everything else is compared whole.
 */
function answerPart(records: SearchRecords, limit: number): SearchRecords {
  const [whole, ...sides] = records.parts;
  if (sides.length > 0 || (whole[0]?.score ?? 0) <= 1) return records;
  return { ...records, parts: [whole.slice(0, limit)] };
}

async function main(): Promise<void> {
  const base = process.argv[2];
  const Old = (
    (await import(path.resolve(base, 'src/search/search.repository.js'))) as {
      SearchRepository: typeof SearchRepository;
    }
  ).SearchRepository;
  const db = await openBenchDatabase({ heap: '1g', pageCache: '512m' });
  try {
    await syncSeed(db.gateway, checkSeed(db.config.seed.dir));
    await db.gateway.write('CALL db.awaitIndexes(600)');
    const yaml = YAML.parse(fs.readFileSync('test/relevance/search-queries.yaml', 'utf8')) as {
      queries: { q: string }[];
    };
    const texts = [
      ...yaml.queries.map((q) => q.q),
      'hypervisor',
      'hyperv',
      '컨',
      'zzzzqqq',
      'xylophone',
      'docker',
      'container',
      'dokcer',
      'Hypervisor',
      'what is a unikernel',
      'doker vs kubrnetes',
      '?',
    ];
    const reads: ConceptRead[] = ['whole', ['nameEn'], ['nameKo'], ['kind', 'nameEn', 'nameKo'], []];
    const older = new Old(db.gateway);
    const newer = new SearchRepository(db.gateway);
    let compared = 0;
    let differ = 0;
    for (const text of texts)
      for (const read of reads)
        for (const preferKo of [false, true])
          for (const kinds of [null, ['COMMAND'], []])
            for (const limit of [1, 10, 50]) {
              const { request } = planSearch(text, { kinds, preferKo, limit });
              if (!request) continue;
              const a = JSON.stringify(answerPart(await older.search(request, read), limit));
              const b = JSON.stringify(answerPart(await newer.search(request, read), limit));
              compared += 1;
              if (a !== b) {
                differ += 1;
                if (differ < 5)
                  process.stdout.write(
                    `DIFF ${text} ${JSON.stringify(read)} ${preferKo} ${JSON.stringify(kinds)} ${limit}\n${a}\n${b}\n`,
                  );
              }
            }
    process.stdout.write(`compared ${compared}, differ ${differ}\n`);
    if (differ > 0) process.exitCode = 1;
  } finally {
    await db.stop();
  }
}
main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
