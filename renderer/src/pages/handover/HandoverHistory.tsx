import { Alert, Chip, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { HandoverInfo } from '../../../../shared/api/ops/handover.js';
import { useApi } from '../../api/ApiProvider.js';
import type { ApiQuery } from '../../api/useApiQuery.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { shortDateTime } from './handover-view.js';

/**
 * 移交记录: the applied handovers, newest first, each with its sheet (reprinted from the plan as applied, so it stays
 * the signed record whatever happened since). An undone handover keeps its row, marked.
 */
export function HandoverHistory(props: { query: ApiQuery<HandoverInfo[]> }) {
  const t = useT();
  const { query } = props;
  const rows = query.state === 'ready' ? query.value : (query.latest ?? []);
  return (
    <>
      <Typography variant="h2" sx={{ fontSize: '1.15rem', fontWeight: 600, mt: 1 }}>
        {t('handover.history.title')}
      </Typography>
      <Typography sx={{ color: 'text.secondary', mt: -1.5 }}>{t('handover.history.intro')}</Typography>
      {query.state === 'error' && <ErrorAlert error={query.error} onRetry={query.reload} />}
      {query.state === 'ready' && rows.length === 0 && <Alert severity="info">{t('handover.history.empty')}</Alert>}
      {rows.length > 0 && <HistoryTable rows={rows} />}
    </>
  );
}

function HistoryTable(props: { rows: readonly HandoverInfo[] }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid="handover-history" aria-label={t('handover.history.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('handover.history.change')}</TableCell>
            <TableCell>{t('handover.history.leaver')}</TableCell>
            <TableCell>{t('handover.history.from')}</TableCell>
            <TableCell align="right">{t('handover.history.clients')}</TableCell>
            <TableCell align="right">{t('handover.history.tasks')}</TableCell>
            <TableCell>{t('handover.history.by')}</TableCell>
            <TableCell>{t('handover.history.when')}</TableCell>
            <TableCell>{t('handover.history.state')}</TableCell>
            <TableCell>{t('handover.history.sheet')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((h) => (
            <TableRow key={h.changeId} data-testid="handover-history-row" data-change-id={h.changeId} data-undone={h.undone} data-clients={h.clients}>
              <TableCell>#{h.changeId}</TableCell>
              <TableCell>{h.managerName}</TableCell>
              <TableCell>{h.from}</TableCell>
              <TableCell align="right">{formatCount(h.clients, locale)}</TableCell>
              <TableCell align="right">{formatCount(h.tasks, locale)}</TableCell>
              <TableCell>{h.createdBy}</TableCell>
              <TableCell>{shortDateTime(h.createdAt)}</TableCell>
              <TableCell>
                <Chip size="small" color={h.undone ? 'default' : 'success'} variant={h.undone ? 'filled' : 'outlined'} label={h.undone ? t('handover.history.undone') : t('handover.history.active')} />
              </TableCell>
              <TableCell padding="none" sx={{ pr: 1 }}>
                <DownloadButton label="PDF" failedTitle={t('handover.sheetFailed')} testId="handover-history-sheet" fetch={() => api.call('handover.sheet', { changeId: h.changeId })} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
