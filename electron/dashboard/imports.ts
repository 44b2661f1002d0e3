import { DEFAULT_STALENESS_RULE, STALENESS_KEY, judgeStaleness, stalenessRuleSchema } from '../../shared/dashboard/staleness.js';
import type { StalenessRule } from '../../shared/dashboard/staleness.js';
import type { ImportStatus, Staleness } from '../../shared/dashboard/types.js';
import { IMPORT_KINDS } from '../../shared/import/kinds.js';
import type { ImportKind } from '../../shared/import/kinds.js';
import { latestSnapshotAsOf } from '../book/config-store.js';
import { createLogger } from '../platform/log.js';
import { readSetting } from '../store/settings.js';
import type { Store } from '../store/store.js';

const log = createLogger('dashboard');

/** The rule in force: the stored setting, or the defaults when none was saved (or it no longer validates). */
export function readStalenessRule(store: Store): StalenessRule {
  const raw = readSetting<unknown>(store, STALENESS_KEY, null);
  if (raw === null) return DEFAULT_STALENESS_RULE;
  const parsed = stalenessRuleSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  log.warn('stored dashboard.staleness does not validate; using the defaults', { issues: parsed.error.issues.length });
  return DEFAULT_STALENESS_RULE;
}

/**
 * The latest committed batch of every kind (rolled-back and superseded batches no longer hold data), with its time
 * and as-of date, and how far the kind's data reaches: balances by the latest snapshot (the date every figure is
 * read on), other kinds by the latest as-of date of their committed batches.
 */
export function importStatuses(store: Store): ImportStatus[] {
  const latest = store.db.prepare(
    `SELECT id, file_name AS fileName, finished_at AS finishedAt, as_of AS batchAsOf,
       (SELECT max(as_of) FROM import_batch x WHERE x.kind = b.kind AND x.status = 'committed') AS maxAsOf
     FROM import_batch b WHERE kind = ? AND status = 'committed' ORDER BY id DESC LIMIT 1`,
  );
  const snapshot = latestSnapshotAsOf(store);
  return IMPORT_KINDS.map((kind): ImportStatus => {
    const r = latest.get(kind) as { id: number; fileName: string; finishedAt: string; batchAsOf: string | null; maxAsOf: string | null } | undefined;
    const dataAsOf = kind === 'balances' ? snapshot : (r?.maxAsOf ?? null);
    return { kind, batchId: r?.id ?? null, fileName: r?.fileName ?? null, finishedAt: r?.finishedAt ?? null, batchAsOf: r?.batchAsOf ?? null, dataAsOf };
  });
}

export function stalenessOf(store: Store, imports: readonly ImportStatus[], today: string): Staleness {
  const asOf = new Map<ImportKind, string | null>(imports.map((i) => [i.kind, i.dataAsOf]));
  return judgeStaleness(readStalenessRule(store), today, asOf);
}
