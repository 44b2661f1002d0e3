import type { SavedView } from '../../shared/api/ops/clients.js';
import { clientFiltersSchema } from '../../shared/model/client-filters.js';
import type { ClientFilters } from '../../shared/model/client-filters.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';

/** A user's saved client-list views (常用筛选), newest first. A stored filter that no longer parses is dropped. */
export function listViews(store: Store, owner: string): SavedView[] {
  const rows = store.db.prepare('SELECT id, name, filters, created_at FROM saved_view WHERE owner = ? ORDER BY id DESC').all(owner) as Array<{
    id: number;
    name: string;
    filters: string;
    created_at: string;
  }>;
  return rows.flatMap((r) => {
    const parsed = clientFiltersSchema.safeParse(JSON.parse(r.filters));
    return parsed.success ? [{ id: r.id, name: r.name, filters: parsed.data, createdAt: r.created_at }] : [];
  });
}

/** Saves (or replaces, by name) a view of the user's. */
export function saveView(store: Store, owner: string, name: string, filters: ClientFilters, now: string): SavedView {
  return store.transaction(() => {
    store.db
      .prepare('INSERT INTO saved_view (name, owner, filters, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (owner, name) DO UPDATE SET filters = excluded.filters, created_at = excluded.created_at')
      .run(name, owner, JSON.stringify(filters), now);
    const view = listViews(store, owner).find((v) => v.name === name);
    if (view === undefined) throw new Error('saved view vanished');
    return view;
  });
}

export function deleteView(store: Store, owner: string, id: number): { deleted: number } {
  const n = store.transaction(() => store.db.prepare('DELETE FROM saved_view WHERE id = ? AND owner = ?').run(id, owner).changes);
  if (n === 0) throw new AppError('NOT_FOUND', { zh: `找不到常用筛选 #${id}`, en: `Saved view #${id} not found` });
  return { deleted: n };
}
