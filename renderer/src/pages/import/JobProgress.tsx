import { Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Progress } from '../../../../shared/api/contract.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { formatDuration, rateStats } from './rate.js';

/** Re-renders every `ms` while `active`, so elapsed time moves between progress events. */
function useNow(active: boolean, ms = 500): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(id);
  }, [active, ms]);
  return now;
}

/**
 * A row-counting job under way: bar, rows, rows/s, elapsed and (with a known total) time left, and Cancel.
 * The server's progress carries no total for files, so the caller passes one when it knows it (from the plan).
 */
export function JobProgress(props: {
  testId: string;
  progress: Progress | null;
  startedAt: number | null;
  total: number | null;
  cancelling: boolean;
  onCancel: () => void;
  cancelTestId: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { progress, startedAt, cancelling } = props;
  const now = useNow(true);
  const done = progress?.phase === 'rows' ? progress.done : 0;
  const total = progress?.total ?? props.total;
  const stats = rateStats({ startedAt: startedAt ?? now, now: Math.max(now, startedAt ?? now), done, total });
  const n = (v: number): string => formatCount(Math.round(v), locale);
  const parts = [
    total === null ? t('import.progress.rows', { done: n(done) }) : t('import.progress.rowsOf', { done: n(done), total: n(total) }),
    stats.rowsPerSecond === null ? null : t('import.progress.rate', { rate: n(stats.rowsPerSecond) }),
    t('import.progress.elapsed', { time: formatDuration(stats.elapsedMs) }),
    stats.remainingMs === null ? null : t('import.progress.remaining', { time: formatDuration(stats.remainingMs) }),
  ].filter((p): p is string => p !== null);
  return (
    <Stack sx={{ gap: 1 }} data-testid={props.testId} data-phase={progress?.phase ?? ''} data-done={done}>
      <LinearProgress
        variant={stats.percent === null || progress?.phase !== 'rows' ? 'indeterminate' : 'determinate'}
        value={stats.percent ?? 0}
        aria-label={t('import.progress.label')}
      />
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
        <Typography sx={{ flexGrow: 1, fontVariantNumeric: 'tabular-nums' }}>
          {progress?.phase === 'hash' ? t('import.progress.hashing') : parts.join(' · ')}
        </Typography>
        <Button color="warning" variant="outlined" disabled={cancelling} onClick={props.onCancel} data-testid={props.cancelTestId}>
          {t(cancelling ? 'import.progress.cancelling' : 'common.cancel')}
        </Button>
      </Stack>
    </Stack>
  );
}
