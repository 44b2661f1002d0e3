/** Where a long row-by-row job stands, computed from two clock readings and the row counts. */
export interface RateStats {
  elapsedMs: number;
  /** Null until enough time has passed for the rate to mean something. */
  rowsPerSecond: number | null;
  /** Null when the total or the rate is unknown. */
  remainingMs: number | null;
  /** 0–100, or null when the total is unknown (the bar is then indeterminate). */
  percent: number | null;
}

// Below this a rate is mostly noise (the first progress event can arrive within a few milliseconds).
const MIN_RATE_WINDOW_MS = 250;

export function rateStats(input: { startedAt: number; now: number; done: number; total: number | null }): RateStats {
  const { startedAt, now, done } = input;
  const total = input.total !== null && input.total > 0 ? input.total : null;
  const elapsedMs = Math.max(0, now - startedAt);
  const rowsPerSecond = elapsedMs >= MIN_RATE_WINDOW_MS && done > 0 ? (done * 1000) / elapsedMs : null;
  const left = total === null ? null : Math.max(0, total - done);
  const remainingMs = left === null || rowsPerSecond === null ? null : (left / rowsPerSecond) * 1000;
  const percent = total === null ? null : Math.min(100, (done / total) * 100);
  return { elapsedMs, rowsPerSecond, remainingMs, percent };
}

/** A duration as m:ss (or h:mm:ss), the way a progress line reads best in either language. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
