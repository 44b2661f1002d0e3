import type { Store } from './store.js';

/** Reads a JSON setting, or the fallback when it was never set. */
export function readSetting<T>(store: Store, key: string, fallback: T): T {
  const row = store.db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row === undefined ? fallback : (JSON.parse(row.value) as T);
}

export function writeSetting(store: Store, key: string, value: unknown): void {
  store.db
    .prepare('INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, JSON.stringify(value));
}
