import { Alert, Button, Collapse, IconButton, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Fragment, useState } from 'react';
import type { SegmentSummary } from '../../../../shared/book/types.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import { formatWan } from '../../../../shared/model/money.js';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { BookStatus } from '../clients/BookStatus.js';

/** 客户分群: tier × contribution/loyalty quadrant, with counts, AUM, coverage by manager and a service strategy. */
export function SegmentsPage() {
  const t = useT();
  const { locale } = useLocale();
  const report = useApiQuery('book.segments', {});
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<SegmentSummary | null>(null);
  const segments = report.state === 'ready' ? report.value.segments : [];
  return (
    <PageRoot page="segments" state={report.state}>
      <BookStatus onRecomputed={report.reload} />
      {report.state === 'error' && <ErrorAlert error={report.error} onRetry={report.reload} />}
      {report.state === 'ready' && segments.every((s) => s.clients === 0) && <Alert severity="info">{t('segments.empty')}</Alert>}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" data-testid="segments-table">
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>{t('segments.col.segment')}</TableCell>
              <TableCell align="right">{t('segments.col.clients')}</TableCell>
              <TableCell align="right">{t('segments.col.aum')}</TableCell>
              <TableCell align="right">{t('segments.col.coverage')}</TableCell>
              <TableCell>{t('segments.col.strategy')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {segments
              .filter((s) => s.clients > 0)
              .map((s) => (
                <Fragment key={s.segment}>
                  <TableRow data-testid="segment-row" data-segment={s.segment} data-clients={s.clients}>
                    <TableCell padding="checkbox">
                      <IconButton size="small" aria-label={t('segments.managers')} onClick={() => setOpen(open === s.segment ? null : s.segment)}>
                        {open === s.segment ? <ExpandLessIcon /> : <ExpandMoreIcon />}
                      </IconButton>
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{pickText(s.label, locale)}</TableCell>
                    <TableCell align="right">{formatCount(s.clients, locale)}</TableCell>
                    <TableCell align="right">{formatWan(s.aumFen)}</TableCell>
                    <TableCell align="right">{(s.coverageBp / 100).toFixed(1)}%</TableCell>
                    <TableCell>
                      <Typography variant="body2" sx={{ color: s.strategy.isDefault ? 'text.secondary' : 'text.primary' }}>
                        {s.strategy.text}
                      </Typography>
                      <Button size="small" onClick={() => setEditing(s)} data-testid="segment-edit">
                        {t('segments.edit')}
                      </Button>
                    </TableCell>
                  </TableRow>
                  <TableRow>
                    <TableCell colSpan={6} sx={{ py: 0, borderBottom: open === s.segment ? undefined : 'none' }}>
                      <Collapse in={open === s.segment} unmountOnExit>
                        <Typography variant="body2" sx={{ py: 1 }}>
                          {s.managers.map((m) => `${m.name}（${m.staffNo}）${formatCount(m.clients, locale)}`).join(' · ') || t('segments.noManagers')}
                          {s.clients > s.assigned ? ` · ${t('clients.unassigned')} ${formatCount(s.clients - s.assigned, locale)}` : ''}
                        </Typography>
                      </Collapse>
                    </TableCell>
                  </TableRow>
                </Fragment>
              ))}
          </TableBody>
        </Table>
      </TableContainer>
      {editing !== null && <StrategyDialog segment={editing} onClose={() => setEditing(null)} onSaved={report.reload} />}
    </PageRoot>
  );
}

function StrategyDialog(props: { segment: SegmentSummary; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const { segment, onClose, onSaved } = props;
  const [text, setText] = useState(segment.strategy.text);
  const restore = (): void => {
    void api.call('book.setStrategy', { segment: segment.segment, text: null }).then((r) => {
      if (r.ok) {
        onSaved();
        onClose();
      }
    });
  };
  return (
    <SaveDialog
      title={pickText(segment.label, locale)}
      testId="strategy-save"
      canSave={text.trim() !== ''}
      onClose={onClose}
      onSaved={onSaved}
      save={() => api.call('book.setStrategy', { segment: segment.segment, text })}
      extraActions={<Button onClick={restore}>{t('segments.restoreDefault')}</Button>}
    >
      <TextField fullWidth multiline minRows={4} margin="dense" value={text} onChange={(e) => setText(e.target.value)} slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'strategy-text' } }} />
    </SaveDialog>
  );
}
