import type { Database } from './sqlite.js';

/**
 * Page cache for one bulk write (an import batch, the demo build): 256 MB instead of the connection's usual size.
 * A batch that outgrows the cache spills dirty pages to the WAL before it commits and writes them again when they
 * change once more; in an encrypted store every such write is encrypted and authenticated anew. The cache only
 * grows as pages are used, and goes back to its usual size afterwards.
 */
export const BULK_CACHE_KIB = 262_144;

/**
 * The demo build writes the whole book (about 770 MB at 200,000 clients) in one transaction. With 256 MB the later
 * balance months spilled and took three times as long as the first (5 s → 17 s each, CPU-bound machine); with
 * 1 GB they stay flat, and holdings and transactions import 2–3× faster.
 */
export const WHOLE_BOOK_CACHE_KIB = 1_048_576;

export async function withBulkCache<T>(db: Database, work: () => Promise<T>, kib: number = BULK_CACHE_KIB): Promise<T> {
  const previous = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${kib}`);
  try {
    return await work();
  } finally {
    db.pragma(`cache_size = ${previous}`);
  }
}
