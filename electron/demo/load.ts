import type { Progress } from '../../shared/api/contract.js';
import { AppError } from '../platform/app-error.js';
import type { CancelSignal } from '../platform/cancel.js';
import type { Clock } from '../platform/clock.js';
import { createLogger } from '../platform/log.js';
import type { Store } from '../store/store.js';
import { loadHoldings, loadTransactions, loadWorklog } from './load-activity.js';
import { recomputeChangesAt } from '../import/balance-change.js';
import { loadBalances } from './load-balances.js';
import { loadAssignmentChanges, loadClients } from './load-clients.js';
import { LoadContext } from './load-context.js';
import { loadManagers, loadOrgUnits } from './load-reference.js';

const log = createLogger('demo.load');

export interface LoadOptions {
  onProgress?: (p: Progress) => void;
  signal?: CancelSignal;
  clock: Clock;
  /** Recorded as created_by on the import batches and the assignment change. */
  user: string;
}

/** Rows inserted per table. */
export type LoadCounts = Record<string, number>;

/** Page cache for the load: the client indexes (name, ID, phone) fill in random order; 16 MB was as fast as 64 MB. */
const LOAD_CACHE_KIB = 16_384;

export function storeHasClients(store: Store): boolean {
  const row = store.db.prepare('SELECT EXISTS (SELECT 1 FROM client) AS x').get() as { x: number };
  return row.x === 1;
}

/**
 * Loads a folder of demo extracts into the store in ONE transaction: a cancel or any error leaves
 * the store as it was. Every file gets an import_batch row, and every row points at its batch.
 *
 * This is a temporary bridge that knows the demo's own formats (formats.ts): once the import
 * pipeline (detect → preview → map → validate → plan → commit) exists, the demo should go through
 * it instead and this file should be deleted.
 *
 * Synchronous, like every store transaction: a cancel is seen when the caller aborts from inside a
 * progress callback, or when it was requested before the load began.
 */
export function loadDemoExtracts(store: Store, dir: string, opts: LoadOptions): LoadCounts {
  const signal: CancelSignal = opts.signal ?? { aborted: false };
  const ctx = new LoadContext(store, dir, opts.clock, opts.user, signal, opts.onProgress ?? ((): void => undefined));
  const previousCache = store.db.pragma('cache_size', { simple: true }) as number;
  store.db.pragma(`cache_size = -${LOAD_CACHE_KIB}`);
  try {
    store.transaction(() => {
      if (storeHasClients(store)) {
        throw new AppError('CONFLICT', {
          zh: '工作区已有客户数据，不能再载入演示数据。',
          en: 'The workspace already holds clients; the demo is not loaded into it.',
        });
      }
      ctx.tick('load:reference', 0);
      const orgIds = loadOrgUnits(ctx);
      const managerIds = loadManagers(ctx, orgIds);
      const clients = loadClients(ctx, orgIds, managerIds);
      loadAssignmentChanges(ctx, clients, managerIds);
      loadBalances(ctx, clients);
      // The derived change indicators (变动) the import pipeline keeps, for every month loaded.
      for (const asOf of store.db.prepare('SELECT DISTINCT as_of FROM balance_snapshot ORDER BY as_of').pluck().all() as string[]) recomputeChangesAt(store, asOf);
      loadHoldings(ctx, clients);
      loadTransactions(ctx, clients);
      loadWorklog(ctx, clients, managerIds);
      ctx.tick('load:commit', 1, 1);
    });
  } finally {
    store.db.pragma(`cache_size = ${previousCache}`);
  }
  const counts = Object.fromEntries(ctx.counts);
  log.info('demo extracts loaded', { dir, ...counts });
  return counts;
}
