import { Alert, Button, Card, CardContent, Divider, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import type { BackupFile, BackupInfo } from '../../../../shared/model/backup.js';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatSize, formatTime } from '../import/labels.js';
import { BackupPolicyForm } from './BackupPolicyForm.js';

type RunState = { state: 'idle' | 'running' } | { state: 'done'; info: BackupInfo } | { state: 'failed'; error: ApiError };

/** 备份 (administrators): the backups of this workspace, a backup on demand, and the keep/schedule policy. */
export function BackupCard() {
  const t = useT();
  const api = useApi();
  const list = useApiQuery('backup.list', {});
  const policy = useApiQuery('backup.policy', {});
  const [run, setRun] = useState<RunState>({ state: 'idle' });
  const { locale } = useLocale();

  const backUpNow = (): void => {
    setRun({ state: 'running' });
    api.call('backup.create', {}).then(
      (r) => {
        setRun(r.ok ? { state: 'done', info: r.value } : { state: 'failed', error: r.error });
        list.reload();
      },
      (e: unknown) => setRun({ state: 'failed', error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } }),
    );
  };

  const backups = list.state === 'ready' ? list.value : list.latest;
  return (
    <Card data-testid="backup-card" data-state={list.state} data-run={run.state}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h2">{t('backup.title')}</Typography>
        <Typography sx={{ color: 'text.secondary', maxWidth: '80ch' }}>{t('backup.intro')}</Typography>
        {backups !== null && (
          <Typography variant="caption" sx={{ color: 'text.secondary', wordBreak: 'break-all' }} data-testid="backup-dir">
            {t('backup.folder', { dir: backups.dir })}
          </Typography>
        )}
        <Stack direction="row" sx={{ gap: 2, alignItems: 'center' }}>
          <Button variant="contained" disabled={run.state === 'running'} onClick={backUpNow} data-testid="backup-now">
            {run.state === 'running' ? t('backup.running') : t('backup.now')}
          </Button>
        </Stack>
        {run.state === 'done' && (
          <Alert severity="success" onClose={() => setRun({ state: 'idle' })} data-testid="backup-done">
            {t('backup.done', { name: run.info.name, size: formatSize(run.info.bytes, locale), seconds: (run.info.elapsedMs / 1000).toFixed(1) })}
          </Alert>
        )}
        {run.state === 'failed' && <ErrorAlert title={t('backup.failed')} error={run.error} />}
        {list.state === 'error' && <ErrorAlert title={t('backup.loadFailed')} error={list.error} onRetry={list.reload} />}
        {backups !== null && <BackupTable backups={backups.backups} />}
        <Divider />
        {policy.state === 'error' && <ErrorAlert title={t('backup.loadFailed')} error={policy.error} onRetry={policy.reload} />}
        {policy.state === 'ready' && <BackupPolicyForm policy={policy.value} />}
      </CardContent>
    </Card>
  );
}

function BackupTable(props: { backups: BackupFile[] }) {
  const t = useT();
  const { locale } = useLocale();
  if (props.backups.length === 0) {
    return (
      <Typography sx={{ color: 'text.secondary' }} data-testid="backup-empty">
        {t('backup.empty')}
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid="backup-list">
      <TableHead>
        <TableRow>
          <TableCell>{t('backup.col.time')}</TableCell>
          <TableCell>{t('backup.col.reason')}</TableCell>
          <TableCell align="right">{t('backup.col.size')}</TableCell>
          <TableCell>{t('backup.col.name')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.backups.map((b) => (
          <TableRow key={b.name} data-testid="backup-row" data-reason={b.reason}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(b.at, locale)}</TableCell>
            <TableCell>{t(`backup.reason.${b.reason}`)}</TableCell>
            <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {formatSize(b.bytes, locale)}
            </TableCell>
            <TableCell sx={{ wordBreak: 'break-all', color: 'text.secondary' }}>{b.name}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
