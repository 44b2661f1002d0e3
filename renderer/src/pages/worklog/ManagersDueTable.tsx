import { Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import type { ManagerDue } from '../../../../shared/worklog/types.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';

/** A supervisor's team at a glance: each manager's planned, overdue and due-soon clients; a row opens that list. */
export function ManagersDueTable(props: { managers: readonly ManagerDue[]; withinDays: number; onPick: (managerId: number) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (v: number): string => formatCount(v, locale);
  const num = { fontVariantNumeric: 'tabular-nums' } as const;
  const rows = [...props.managers].filter((m) => m.underPlan > 0).sort((a, b) => b.overdue - a.overdue || a.staffNo.localeCompare(b.staffNo));
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid="worklog-due-managers">
        <TableHead>
          <TableRow>
            <TableCell>{t('worklog.col.manager')}</TableCell>
            <TableCell align="right">{t('worklog.due.underPlan')}</TableCell>
            <TableCell align="right">{t('worklog.due.overdue')}</TableCell>
            <TableCell align="right">{t('worklog.due.never')}</TableCell>
            <TableCell align="right">{t('worklog.due.soon', { days: props.withinDays })}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((m) => (
            <TableRow key={m.managerId} hover onClick={() => props.onPick(m.managerId)} sx={{ cursor: 'pointer' }} data-testid="worklog-due-manager-row" data-manager-id={m.managerId} data-overdue={m.overdue}>
              <TableCell>{`${m.name}（${m.staffNo}）`}</TableCell>
              <TableCell align="right" sx={num}>
                {n(m.underPlan)}
              </TableCell>
              <TableCell align="right" sx={{ ...num, color: m.overdue > 0 ? 'error.main' : undefined }}>
                {n(m.overdue)}
              </TableCell>
              <TableCell align="right" sx={num}>
                {n(m.never)}
              </TableCell>
              <TableCell align="right" sx={num}>
                {n(m.dueSoon)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
