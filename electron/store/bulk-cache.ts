import type { Database } from './sqlite.js';

/**
 * Page cache for one bulk write (an import batch, the demo build): 256 MB instead of the connection's usual size.
 * A batch that outgrows the cache spills dirty pages to the WAL before it commits and writes them again when they
 * change once more; in an encrypted store every such write is encrypted and authenticated anew. The cache only
 * grows as pages are used, and goes back to its usual size afterwards.
 */
export const BULK_CACHE_KIB = 262_144;

export async function withBulkCache<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const previous = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    return await work();
  } finally {
    db.pragma(`cache_size = ${previous}`);
  }
}
