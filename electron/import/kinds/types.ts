import type { ImportKind } from '../../../shared/import/kinds.js';
import type { LocalizedText } from '../../../shared/i18n/locale.js';
import type { Store } from '../../store/store.js';
import type { FieldValue } from '../validate-row.js';

export type Outcome = 'insert' | 'update' | 'unchanged';

/** A row problem found against the store (unknown outlet, duplicate key …), pinned to a field. */
export interface RowProblem {
  field: string;
  reason: LocalizedText;
}

/** What every kind's session needs to know about the batch being planned or written. */
export interface BatchContext {
  store: Store;
  /** The batch row id while committing; null while only planning. */
  batchId: number | null;
  asOf: string | null;
  /** The earlier version of this file (same kind, as-of date and file name) that this batch replaces. */
  supersedes: number | null;
  userName: string;
  now: string;
  /** Fields the mapping provides; the others keep their stored values on update. */
  mapped: ReadonlySet<string>;
  /** Records the values a row had before this batch changed or deleted it (for rollback). */
  undo(table: string, action: 'update' | 'delete', key: string, before: Record<string, unknown>): void;
}

/** One import of one kind: validates each typed row against the store and writes it when committing. */
export interface KindSession {
  apply(record: number, values: Record<string, FieldValue>): { outcome: Outcome } | { problems: RowProblem[] };
  /** After the last row: work that spans rows (replacing an earlier snapshot). */
  finish?(): void;
}

export interface KindAdapter {
  kind: ImportKind;
  /** Snapshot kinds carry one as-of date per batch and a corrected file replaces the earlier one. */
  snapshot: boolean;
  /** The field holding the row's as-of date, when the file can carry it. */
  asOfField?: string;
  begin(ctx: BatchContext): KindSession;
}
