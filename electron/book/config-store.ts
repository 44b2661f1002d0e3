import { BOOK_CONFIG_KEY, BOOK_LAST_RUN_KEY, DEFAULT_BOOK_CONFIG, bookConfigSchema } from '../../shared/book/config.js';
import type { BookConfig } from '../../shared/book/config.js';
import type { BookConfigView, BookRun } from '../../shared/book/types.js';
import { createLogger } from '../platform/log.js';
import { readSetting, writeSetting } from '../store/settings.js';
import type { Store } from '../store/store.js';

const log = createLogger('book');

/** The configuration in force: the stored one, or the defaults when none was saved (or it no longer validates). */
export function readBookConfig(store: Store): BookConfig {
  const raw = readSetting<unknown>(store, BOOK_CONFIG_KEY, null);
  if (raw === null) return DEFAULT_BOOK_CONFIG;
  const parsed = bookConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  log.warn('stored book.config does not validate; using the defaults', { issues: parsed.error.issues.length });
  return DEFAULT_BOOK_CONFIG;
}

export function writeBookConfig(store: Store, config: BookConfig): void {
  writeSetting(store, BOOK_CONFIG_KEY, config);
}

export function readLastRun(store: Store): BookRun | null {
  return readSetting<BookRun | null>(store, BOOK_LAST_RUN_KEY, null);
}

export function writeLastRun(store: Store, run: BookRun): void {
  writeSetting(store, BOOK_LAST_RUN_KEY, run);
}

/**
 * A fingerprint of the committed batches that feed the scores. A new commit, a rollback or a superseding
 * version each change the count or the id sum, so "the data changed since the last run" is one cheap query.
 */
export function dataMark(store: Store): string {
  const row = store.db
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(id), 0) AS s FROM import_batch
       WHERE status = 'committed' AND kind IN ('clients', 'balances', 'holdings', 'transactions')`,
    )
    .get() as { n: number; s: number };
  return `${row.n}:${row.s}`;
}

export function latestSnapshotAsOf(store: Store): string | null {
  return (store.db.prepare('SELECT max(as_of) AS d FROM balance_snapshot').get() as { d: string | null }).d;
}

/** What `book.config` answers: the configuration, the defaults, and how fresh the stored scores are. */
export function bookConfigView(store: Store): BookConfigView {
  const config = readBookConfig(store);
  const run = readLastRun(store);
  if (run === null) {
    return { config, defaults: DEFAULT_BOOK_CONFIG, lastRun: null, latestSnapshotAsOf: latestSnapshotAsOf(store), stale: { never: true, config: false, data: false } };
  }
  const { config: runConfig, dataMark: runMark, ...lastRun } = run;
  return {
    config,
    defaults: DEFAULT_BOOK_CONFIG,
    lastRun,
    latestSnapshotAsOf: latestSnapshotAsOf(store),
    // Both sides went through the same schema, so their JSON has the same key order.
    stale: { never: false, config: JSON.stringify(runConfig) !== JSON.stringify(config), data: runMark !== dataMark(store) },
  };
}
