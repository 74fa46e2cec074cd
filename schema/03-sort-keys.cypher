// Stored sort keys of concepts (src/graph/sort-keys.ts), each with the slug: entries are sorted by key, then slug,
// which is the order of `concepts` by name or degree, so a page is read in index order and stops after it.
CREATE INDEX concept_sort_name_en_slug IF NOT EXISTS
FOR (c:Concept) ON (c.sortNameEn, c.slug);

CREATE INDEX concept_sort_name_ko_slug IF NOT EXISTS
FOR (c:Concept) ON (c.sortNameKo, c.slug);

CREATE INDEX concept_degree_slug IF NOT EXISTS
FOR (c:Concept) ON (c.degree, c.slug);
