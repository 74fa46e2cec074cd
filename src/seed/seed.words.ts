import { isMap, isScalar } from 'yaml';

import type { ShapeReader } from './seed.shape';
import type { SeedLearnerWords, SeedLocation } from './seed.types';

/**
 * Learner words: the everyday words learners type for a concept ("kill" for docker kill, "틀" for a template), kept
 * in a file of their own, keyed by concept slug, so they can grow without touching the concept files. They are
 * stored with the concept for search only (see src/search/); `name` and `aliases` stay what the note calls it.
 *
 *   words:
 *     docker-kill: { ko: [강제 종료, 강제로 끄기], en: [force stop, kill a container] }
 */
export const LEARNER_WORDS_FILE = 'learner-words.yaml';

/** Reads the mapping under `words:`; an entry whose words cannot be read is reported and left out. */
export function readLearnerWords(r: ShapeReader, node: unknown, at: SeedLocation): SeedLearnerWords[] {
  if (!isMap(node)) {
    r.problem(r.at(node, at), '"words" must be a mapping from concept slug to { ko: [...], en: [...] }', 'write each entry as   docker-kill: { ko: [강제 종료], en: [force stop] }');
    return [];
  }
  const entries: SeedLearnerWords[] = [];
  for (const pair of node.items) {
    const where = r.at(pair.key, at);
    const slug = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof slug !== 'string' || slug.trim() === '') {
      r.problem(where, 'a learner-words entry has no concept slug as its key', 'start the entry with the slug of a concept, e.g.   docker-kill: { ko: [...], en: [...] }');
      continue;
    }
    const words = r.bilingualList(pair.value, where, slug);
    if (words) entries.push({ slug, words, at: where });
  }
  return entries;
}
