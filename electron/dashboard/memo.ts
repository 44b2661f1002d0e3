import type { Store } from '../store/store.js';

/**
 * The dashboard is the first screen and is opened again and again, while its figures change only when the data
 * does. Sections that read only stored data (and the dates they are given) are kept per store and reused while
 * nothing has been written since: the fingerprint is SQLite's own count of rows this connection changed
 * (`total_changes()`) with `PRAGMA data_version`, which moves whenever another connection (an import or a
 * recompute in the job worker) commits. Any write — an import, an assignment, a task, even an audit entry — drops
 * every kept section, so a stale figure can never be served; a fresh store object starts empty.
 */
const MAX_ENTRIES = 32;

interface Kept {
  fingerprint: string;
  entries: Map<string, unknown>;
}

const kept = new WeakMap<Store, Kept>();

function fingerprint(store: Store): string {
  const version = store.db.pragma('data_version', { simple: true }) as number;
  const changes = store.db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

/** The value kept for `key` while the store is unchanged, else `compute()`'s (kept for next time). A copy each time. */
export function keepWhileUnchanged<T>(store: Store, key: string, compute: () => T): T {
  const now = fingerprint(store);
  let k = kept.get(store);
  if (k === undefined || k.fingerprint !== now) {
    k = { fingerprint: now, entries: new Map() };
    kept.set(store, k);
  }
  if (k.entries.has(key)) return structuredClone(k.entries.get(key)) as T;
  const value = compute();
  // Reading never writes; should it have, the value belongs to a state that is already gone.
  if (fingerprint(store) !== now) return value;
  if (k.entries.size >= MAX_ENTRIES) k.entries.delete(k.entries.keys().next().value as string);
  k.entries.set(key, structuredClone(value));
  return value;
}
