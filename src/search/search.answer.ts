import type { ConceptPart, ConceptRecord } from '../graph/graph.model';
import { planQuery, type QueryPlan, type SearchIntent } from './question';
import type { ComparisonRecord, SearchRecord, SearchRecords } from './search.repository';
import { didYouMean } from './suggest';
import { keysOf } from './words';

/**
 * Puts a search answer together from the ranked parts: for a comparison, the two concepts it names come first (those
 * of a stored comparison when one covers a best hit of each side), then the whole query's hits.
 */

export interface AnswerHit {
  concept: ConceptRecord | ConceptPart;
  score: number;
}

export interface SearchAnswerModel {
  intent: SearchIntent;
  hits: AnswerHit[];
  didYouMean: string | null;
  comparison: ComparisonRecord | null;
}

/** Scores of the concepts a comparison names: above any ranked hit (at most 3 + 1), in the order written. */
export const PINNED_SCORE = 5;
const PINNED_STEP = 0.01;
/** How many of the best hits lend their words to "did you mean". */
const VOCABULARY_HITS = 10;

/** The stored comparison covering a best hit of each side, preferring the best-ranked pair; with that pair. */
function findComparison(
  left: SearchRecord[],
  right: SearchRecord[],
  comparisons: ComparisonRecord[],
): { comparison: ComparisonRecord; pair: [SearchRecord, SearchRecord] } | null {
  let found: { comparison: ComparisonRecord; pair: [SearchRecord, SearchRecord]; cost: number } | null = null;
  for (const comparison of [...comparisons].sort((a, b) => a.slug.localeCompare(b.slug))) {
    const compared = new Set(comparison.concepts.map((c) => c.slug));
    left.forEach((a, i) => {
      right.forEach((b, j) => {
        if (a.concept.slug === b.concept.slug || !compared.has(a.concept.slug) || !compared.has(b.concept.slug)) return;
        if (!found || i + j < found.cost) found = { comparison, pair: [a, b], cost: i + j };
      });
    });
  }
  return found;
}

/**
 * A hit whose name, alias or learner word is exactly the corrected text ranks as an alias match would (1 is added),
 * above hits that only share a word with it; the rest keep their order.
 */
function rerankCorrected(hits: SearchRecord[], corrected: string): SearchRecord[] {
  const needles = new Set(planQuery(corrected).whole.needles);
  return hits
    .map((hit) =>
      hit.vocabulary.some((entry) => keysOf(entry).some((key) => needles.has(key)))
        ? { ...hit, score: hit.score + 1 }
        : hit,
    )
    .sort((a, b) => b.score - a.score || a.concept.slug.localeCompare(b.concept.slug));
}

export function buildAnswer(
  text: string,
  plan: QueryPlan,
  records: SearchRecords | null,
  limit: number,
): SearchAnswerModel {
  if (!records) return { intent: plan.intent, hits: [], didYouMean: null, comparison: null };
  const [ranked, left = [], right = []] = records.parts;
  // A best hit above 1 matched a name, alias or learner word exactly: the text was typed as the index knows it.
  const exact = (ranked[0]?.score ?? 0) > 1;
  const suggestion =
    exact || ranked.length === 0
      ? null
      : didYouMean(
          text,
          ranked.slice(0, VOCABULARY_HITS).flatMap((hit) => hit.vocabulary),
        );
  const whole = suggestion ? rerankCorrected(ranked, suggestion) : ranked;
  let pinned: SearchRecord[] = [];
  let comparison: ComparisonRecord | null = null;
  if (plan.intent === 'COMPARISON') {
    // Only hits the side names count: "SIGTERM vs SIGKILL" must not reach docker stop's comparison through summaries.
    const found = findComparison(
      left.filter((hit) => hit.named),
      right.filter((hit) => hit.named),
      records.comparisons,
    );
    if (found) {
      comparison = found.comparison;
      pinned = found.pair;
    } else {
      pinned = [left[0], right[0]].filter((hit): hit is SearchRecord => hit !== undefined);
      if (pinned.length === 2 && pinned[0].concept.slug === pinned[1].concept.slug) pinned = [pinned[0]];
    }
  }
  const pinnedSlugs = new Set(pinned.map((hit) => hit.concept.slug));
  const hits: AnswerHit[] = [
    ...pinned.map((hit, index) => ({ concept: hit.concept, score: PINNED_SCORE - index * PINNED_STEP })),
    ...whole
      .filter((hit) => !pinnedSlugs.has(hit.concept.slug))
      .map((hit) => ({ concept: hit.concept, score: hit.score })),
  ].slice(0, limit);
  return { intent: plan.intent, hits, didYouMean: suggestion, comparison };
}
