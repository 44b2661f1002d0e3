import { Box, Card, CardContent, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { OverdueReport } from '../../../../shared/tasks/model.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';

function Figure(props: { label: string; value: number; testId: string; alarm?: boolean }) {
  const { locale } = useLocale();
  const red = props.alarm === true && props.value > 0;
  return (
    <Card variant="outlined" sx={{ borderColor: red ? 'error.main' : undefined }} data-testid={props.testId} data-count={props.value}>
      <CardContent sx={{ py: 1, '&:last-child': { pb: 1 } }}>
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {props.label}
        </Typography>
        <Typography variant="h3" component="p" sx={{ fontVariantNumeric: 'tabular-nums', color: red ? 'error.main' : undefined }}>
          {formatCount(props.value, locale)}
        </Typography>
      </CardContent>
    </Card>
  );
}

/**
 * Open and overdue work at a glance; for supervisors also per manager, the most overdue first, so the one to call is
 * at the top. An overdue client is one whose own deadline (e.g. its maturity date) has passed without a contact.
 */
export function OverdueFigures(props: { report: OverdueReport; staff: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const { total, byManager } = props.report;
  const n = (v: number): string => formatCount(v, locale);
  const late = byManager.filter((m) => m.overdueItems + m.overdueTasks > 0);
  const table = props.staff && late.length > 0;
  return (
    <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: table ? 'repeat(2, minmax(150px, 1fr))' : 'repeat(4, minmax(150px, 220px))', gap: 1.5, flex: table ? '1 1 330px' : undefined }}>
        <Figure label={t('tasks.fig.openTasks')} value={total.openTasks} testId="tasks-open-tasks" />
        <Figure label={t('tasks.fig.overdueTasks')} value={total.overdueTasks} testId="tasks-overdue-tasks" alarm />
        <Figure label={t('tasks.fig.openItems')} value={total.openItems} testId="tasks-open-items" />
        <Figure label={t('tasks.fig.overdueItems')} value={total.overdueItems} testId="tasks-overdue-items" alarm />
      </Box>
      {table && (
        <TableContainer component={Card} variant="outlined" sx={{ flex: '2 1 420px', maxHeight: 182 }}>
          <Table size="small" stickyHeader data-testid="tasks-overdue-managers">
            <TableHead>
              <TableRow>
                <TableCell>{t('tasks.fig.lateManagers')}</TableCell>
                <TableCell align="right">{t('tasks.fig.overdueTasks')}</TableCell>
                <TableCell align="right">{t('tasks.fig.overdueItems')}</TableCell>
                <TableCell align="right">{t('tasks.fig.openItems')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {late.map((m) => (
                <TableRow key={m.managerId} data-testid="tasks-overdue-manager" data-manager-id={m.managerId} data-items={m.overdueItems}>
                  <TableCell>{m.name}</TableCell>
                  <TableCell align="right" sx={{ color: 'error.main', fontVariantNumeric: 'tabular-nums' }}>{n(m.overdueTasks)}</TableCell>
                  <TableCell align="right" sx={{ color: 'error.main', fontVariantNumeric: 'tabular-nums' }}>{n(m.overdueItems)}</TableCell>
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>{n(m.openItems)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
