import { Alert, Button, LinearProgress, Stack } from '@mui/material';
import { useEffect } from 'react';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { useT } from '../../i18n/I18nProvider.js';
import { useLongJob } from '../import/useLongJob.js';

/**
 * When the client book (tiers, scores, stages, segments) was computed, whether imports or settings changed since,
 * and a button to recompute. Calls `onRecomputed` so the page can read the new figures.
 */
export function BookStatus(props: { onRecomputed?: () => void }) {
  const t = useT();
  const api = useApi();
  const book = useApiQuery('book.config', {});
  const job = useLongJob<unknown>();
  const { onRecomputed } = props;
  const done = job.state.status === 'done';
  useEffect(() => {
    if (!done) return;
    book.reload();
    onRecomputed?.();
    job.reset();
  }, [done, book, onRecomputed, job]);

  if (book.state !== 'ready') return null;
  const { lastRun, stale } = book.value;
  const running = job.state.status === 'running';
  const progress = job.state.status === 'running' ? job.state.progress : null;
  const recompute = (
    <Button
      size="small"
      variant={stale.never ? 'contained' : 'outlined'}
      disabled={running}
      data-testid="book-recompute"
      onClick={() => job.start('book', (signal, onProgress) => api.call('book.recompute', {}, { signal, onProgress }))}
    >
      {t('book.recompute')}
    </Button>
  );
  const outdated = stale.never || stale.config || stale.data;
  return (
    <Stack sx={{ gap: 0.5 }}>
      <Alert
        severity={outdated ? 'warning' : 'info'}
        action={recompute}
        data-testid="book-status"
        data-stale={outdated ? 'yes' : 'no'}
        sx={{ py: 0 }}
      >
        {stale.never || lastRun === null
          ? t('book.never')
          : `${t('book.computed', { asOf: lastRun.asOf, at: lastRun.computedAt.slice(0, 16).replace('T', ' ') })}${stale.data ? ` ${t('book.staleData')}` : ''}${stale.config ? ` ${t('book.staleConfig')}` : ''}`}
      </Alert>
      {running && <LinearProgress variant={progress?.total ? 'determinate' : 'indeterminate'} value={progress?.total ? (progress.done * 100) / progress.total : 0} />}
      {job.state.status === 'failed' && <Alert severity="error">{job.state.error.message}</Alert>}
    </Stack>
  );
}
