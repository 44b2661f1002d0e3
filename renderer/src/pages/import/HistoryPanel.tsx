import { Button, Card, CardContent, Chip, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { ImportBatchInfo } from '../../../../shared/api/ops/import.js';
import { ExportErrorsButton } from './ExportErrorsButton.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { formatTime, kindLabel, statusKey } from './labels.js';
import { RollbackDialog } from './RollbackDialog.js';

const STATUS_COLOR = { committed: 'success', rolled_back: 'default', superseded: 'warning' } as const;

/** 导入历史: every batch, newest first, with a roll-back for those still in force. */
export function HistoryPanel(props: { batches: readonly ImportBatchInfo[]; refreshing: boolean; onChanged: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [rollingBack, setRollingBack] = useState<number | null>(null);
  const n = (v: number): string => formatCount(v, locale);
  return (
    <Card data-testid="import-history" data-count={props.batches.length} data-state={props.refreshing ? 'loading' : 'ready'}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h2">{t('import.history.title')}</Typography>
        {props.batches.length === 0 ? (
          <Typography sx={{ color: 'text.secondary' }} data-testid="import-history-empty">
            {t('import.history.empty')}
          </Typography>
        ) : (
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>#</TableCell>
                  <TableCell>{t('import.history.kind')}</TableCell>
                  <TableCell>{t('import.history.file')}</TableCell>
                  <TableCell>{t('import.history.asOf')}</TableCell>
                  <TableCell align="right">{t('import.history.version')}</TableCell>
                  <TableCell>{t('import.history.status')}</TableCell>
                  <TableCell>{t('import.history.counts')}</TableCell>
                  <TableCell>{t('import.history.time')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {props.batches.map((b) => (
                  <TableRow key={b.id} data-testid="history-row" data-batch-id={b.id} data-status={b.status}>
                    <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{b.id}</TableCell>
                    <TableCell>{kindLabel(b.kind, locale)}</TableCell>
                    <TableCell sx={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={b.fileName}>
                      {b.fileName}
                    </TableCell>
                    <TableCell>{b.asOf ?? '—'}</TableCell>
                    <TableCell align="right">v{b.version}</TableCell>
                    <TableCell>
                      <Chip size="small" variant="outlined" color={STATUS_COLOR[b.status]} label={t(statusKey(b.status))} data-testid={`history-status-${b.id}`} />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      {t('import.history.countsValue', {
                        inserted: n(b.inserted),
                        updated: n(b.updated),
                        unchanged: n(b.unchanged),
                        rejected: n(b.rejected),
                      })}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(b.finishedAt, locale)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {b.rejected > 0 && <ExportErrorsButton input={{ batchId: b.id }} testId={`export-errors-${b.id}`} />}
                      {b.status === 'committed' && (
                        <Button size="small" color="warning" onClick={() => setRollingBack(b.id)} data-testid={`rollback-${b.id}`}>
                          {t('import.history.rollback')}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
      {rollingBack !== null && (
        <RollbackDialog
          batchId={rollingBack}
          onClose={() => setRollingBack(null)}
          onDone={() => {
            setRollingBack(null);
            props.onChanged();
          }}
        />
      )}
    </Card>
  );
}
