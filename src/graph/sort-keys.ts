/**
 * Stored sort keys of a concept, so pages ordered by name or degree read a range index in index order and stop after
 * the page instead of computing a key for every concept and sorting them all. The seeder and the synthetic writer set
 * them with every concept they write and after every change to relations; applySchema fills in any that are missing
 * (a graph seeded before the keys existed).
 *
 * The expressions are the ones pages were once sorted by, so the keys (and the cursors that carry them) are the same.
 */

/** Cypher SET items for the name keys of concept `c`; to follow a write of its names. */
export const NAME_KEYS_SET =
  'c.sortNameEn = toLower(coalesce(c.nameEn, c.nameKo, c.slug)), c.sortNameKo = toLower(coalesce(c.nameKo, c.nameEn, c.slug))';

/** Cypher SET item for the degree key of concept `c`: every relation it takes part in, with a concept at the other end. */
export const DEGREE_KEY_SET = 'c.degree = COUNT { (c)--(:Concept) }';
