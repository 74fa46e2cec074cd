import type { ConceptRecord, RelationRecord } from '../../src/graph/graph.model';
import { ConceptKind } from '../../src/graph/vocabulary';

/** A concept record for a pure test: named by its slug in both languages, everything else empty unless given. */
export function conceptRecord(slug: string, fields: Partial<ConceptRecord> = {}): ConceptRecord {
  return {
    slug,
    kind: ConceptKind.CONCEPT,
    nameKo: slug,
    nameEn: slug,
    aliasesKo: [],
    aliasesEn: [],
    summaryKo: '',
    summaryEn: '',
    detailsKo: null,
    detailsEn: null,
    tags: [],
    source: '',
    syntax: null,
    order: null,
    ...fields,
  };
}

/** A relation record for a pure test: `from TYPE to`, with no description, order or source unless given. */
export function relationRecord(
  type: RelationRecord['type'],
  from: string,
  to: string,
  fields: Partial<RelationRecord> = {},
): RelationRecord {
  return { type, from, to, descriptionKo: null, descriptionEn: null, order: null, source: '', ...fields };
}
