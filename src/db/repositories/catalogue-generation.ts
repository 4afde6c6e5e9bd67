/**
 * The catalogue's generation: a number that changes whenever anything the public pages show of
 * the catalogue may have changed (an item saved, published, repealed, an attachment added, an
 * interpretation linked, an agency's organisation code set, the search index written). Readers
 * that keep what they rendered (the public page cache, src/web/page-cache.ts) compare it to the
 * generation they rendered under and throw the old away.
 *
 * One counter per process: a write in one server process is not seen by the cache of another
 * one sharing the database, which bounds that staleness with a short time to live instead.
 * Bumped by the repository's own writes (so no writer is forgotten) and again by each use case
 * after its transaction commits (so a page read during the transaction, from the old rows, is
 * not kept under the new generation).
 */
let generation = 0;

/** The current generation. */
export function catalogueGeneration(): number {
  return generation;
}

/** Marks the public catalogue as changed: every page rendered before is out of date. */
export function catalogueChanged(): void {
  generation++;
}
