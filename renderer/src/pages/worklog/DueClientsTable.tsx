import { Button, Chip, Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { TIER_LABELS, segmentLabel } from '../../../../shared/book/labels.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import type { DueClient } from '../../../../shared/worklog/types.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { hrefFor } from '../../routing/routes.js';
import { lateness, shortTime } from './worklog-view.js';

const DASH = '—';

/** The clients to contact, most urgent first, each with a button that opens the log dialog for them. */
export function DueClientsTable(props: { clients: readonly DueClient[]; showManager: boolean; onLog: (clientNo: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid="worklog-due-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('worklog.col.client')}</TableCell>
            <TableCell>{t('worklog.due.col.tier')}</TableCell>
            {props.showManager && <TableCell>{t('worklog.col.manager')}</TableCell>}
            <TableCell>{t('worklog.due.col.every')}</TableCell>
            <TableCell>{t('worklog.due.col.last')}</TableCell>
            <TableCell>{t('worklog.due.col.dueOn')}</TableCell>
            <TableCell>{t('worklog.due.col.late')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {props.clients.map((c) => {
            const late = lateness(c);
            return (
              <TableRow key={c.clientId} data-testid="worklog-due-row" data-client-no={c.clientNo} data-status={c.status}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Link href={hrefFor('clients', c.clientId)}>{c.clientName}</Link>
                  <Typography component="span" variant="caption" sx={{ color: 'text.secondary', ml: 0.5 }}>
                    {c.clientNo}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Typography variant="body2">{pickText(TIER_LABELS[c.tier], locale)}</Typography>
                  <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                    {pickText(segmentLabel(c.segment), locale)}
                  </Typography>
                </TableCell>
                {props.showManager && <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.managerName}</TableCell>}
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('worklog.due.everyDays', { days: c.everyDays })}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {c.lastContactAt === null ? DASH : shortTime(c.lastContactAt)}
                  {c.lastContactBy !== null && (
                    <Typography component="span" variant="caption" sx={{ color: 'text.secondary', ml: 0.5 }}>
                      {c.lastContactBy}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{c.dueOn ?? DASH}</TableCell>
                <TableCell>
                  <Chip size="small" color={late.tone} variant={c.status === 'overdue' ? 'filled' : 'outlined'} label={t(late.key, late.vars)} />
                </TableCell>
                <TableCell sx={{ py: 0 }}>
                  <Button size="small" onClick={() => props.onLog(c.clientNo)} data-testid="worklog-due-log">
                    {t('worklog.add')}
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
