import type { ConceptRead } from '../graph/graph.model';
import type { Logger } from '../logger';
import type { CypherRunner } from '../neo4j/gateway';
import { planSearch } from './search.args';
import { SearchRepository } from './search.repository';

/** What searches most often read of their hits: the query text differs for each. */
const WARM_READS: ConceptRead[] = ['whole', ['nameEn'], ['nameKo']];

/** A text of one part and a comparison: the two statements a search sends (see SearchRepository.search). */
const WARM_TEXTS = ['container', 'container vs virtual machine'];

/**
 * Runs a search of one text and a comparison search, in the query's commonest forms (whole records, and the slug with
 * the name in either language), before the service takes requests. Neo4j plans a query the first time it sees its
 * text, and the search query is large: on a busy machine the first learner's search would otherwise pay seconds for
 * it, sometimes past the query timeout. A failure here
 * is only logged; searches then plan on first use.
 */
export async function warmUpSearch(db: CypherRunner, logger: Logger): Promise<void> {
  const repository = new SearchRepository(db);
  const started = performance.now();
  try {
    for (const text of WARM_TEXTS) {
      const { request } = planSearch(text, { kinds: null, preferKo: false, limit: 1 });
      for (const read of WARM_READS) await repository.search(request!, read);
    }
    // A kind filter makes a statement of its own (without one the statement has no filter clause at all).
    const { request } = planSearch(WARM_TEXTS[0], { kinds: ['TECHNOLOGY'], preferKo: false, limit: 1 });
    for (const read of WARM_READS) await repository.search(request!, read);
    logger.debug({ ms: Math.round(performance.now() - started) }, 'search query planned');
  } catch (error) {
    logger.warn({ err: error }, 'planning the search query ahead failed; the first search will plan it');
  }
}
