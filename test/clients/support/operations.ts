import fs from 'node:fs';
import path from 'node:path';

/** Page size for walking `concepts`: small enough that every client merges several pages. */
export const CONCEPT_PAGE = 25;
/**
 * Page sizes for the hub's relations: the configured maximum, as a frontend showing one concept asks, and a small
 * one, so the client has to merge pages (where a cache that keeps one edge per node drops facts).
 */
export const RELATED_PAGE_SIZES = [100, 8];

/** The text of an operation in `operations/`, shared by every client that takes plain documents. */
export function operation(name: 'ConceptsPage' | 'HubRelations'): string {
  return fs.readFileSync(path.join(__dirname, '..', 'operations', `${name}.graphql`), 'utf8');
}
