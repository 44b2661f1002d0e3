import { Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { HandoverPlan } from '../../../../shared/assignment/handover.js';
import { formatFen } from '../../../../shared/model/money.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { receivedAumFen } from './handover-view.js';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** 各接收人: what each takes over (clients, assets, tasks) and their book before → after, with the totals. */
export function PlanReceiversTable(props: { plan: HandoverPlan }) {
  const t = useT();
  const { locale } = useLocale();
  const { plan } = props;
  const n = (v: number): string => formatCount(v, locale);
  const ba = (before: string, after: string): string => t('handover.beforeAfter', { before, after });
  const placed = plan.totals.clients - plan.totals.unplaced;
  return (
    <>
      <Typography variant="subtitle1" component="h3">
        {t('handover.receivers.title')}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" data-testid="handover-receivers-table" aria-label={t('handover.receivers.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('handover.col.receiver')}</TableCell>
              <TableCell>{t('handover.col.outlet')}</TableCell>
              <TableCell align="right">{t('handover.col.clientsReceived')}</TableCell>
              <TableCell align="right">{t('handover.col.aumReceived')}</TableCell>
              <TableCell align="right">{t('handover.col.tasksReceived')}</TableCell>
              <TableCell align="right">{t('handover.col.clientsBeforeAfter')}</TableCell>
              <TableCell align="right">{t('handover.col.aumBeforeAfter')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {plan.receivers.map((r) => (
              <TableRow key={r.managerId} data-testid="handover-receiver-row" data-manager-id={r.managerId} data-received={r.clientsReceived} data-tasks={r.tasksReceived}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {r.name}（{r.code}）
                </TableCell>
                <TableCell>{r.orgUnitName ?? t('handover.noUnit')}</TableCell>
                <TableCell align="right" sx={{ ...num, fontWeight: 600 }}>
                  {n(r.clientsReceived)}
                </TableCell>
                <TableCell align="right" sx={num}>
                  {formatFen(receivedAumFen(plan, r.managerId))}
                </TableCell>
                <TableCell align="right" sx={num}>
                  {n(r.tasksReceived)}
                </TableCell>
                <TableCell align="right" sx={num}>
                  {ba(n(r.clientsBefore), n(r.clientsAfter))}
                </TableCell>
                <TableCell align="right" sx={num}>
                  {ba(formatFen(r.aumFenBefore), formatFen(r.aumFenAfter))}
                </TableCell>
              </TableRow>
            ))}
            <TableRow data-testid="handover-receivers-total" data-received={placed} sx={{ '& td': { fontWeight: 600, borderTop: 2, borderTopColor: 'divider', borderBottom: 0 } }}>
              <TableCell colSpan={2}>{t('handover.total')}</TableCell>
              <TableCell align="right" sx={num}>
                {n(placed)}
              </TableCell>
              <TableCell align="right" sx={num}>
                {formatFen(plan.receivers.reduce((sum, r) => sum + receivedAumFen(plan, r.managerId), 0))}
              </TableCell>
              <TableCell align="right" sx={num}>
                {n(plan.totals.tasks)}
              </TableCell>
              <TableCell colSpan={2} />
            </TableRow>
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}
