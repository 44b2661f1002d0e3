import { Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { HandoverPlan, HandoverTask } from '../../../../shared/assignment/handover.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { formatCount } from '../../i18n/messages.js';
import { dueDate, planNames } from './handover-view.js';

const statusKey = (s: HandoverTask['status']): MessageKey => `handover.task.status.${s}`;
const priorityKey = (p: HandoverTask['priority']): MessageKey => `handover.task.priority.${p}`;

/** 未完成任务: each open task of the leaver and who takes it (whoever takes most of its open clients). */
export function PlanTasksTable(props: { plan: HandoverPlan }) {
  const t = useT();
  const { locale } = useLocale();
  const { plan } = props;
  const names = planNames(plan);
  return (
    <>
      <Typography variant="subtitle1" component="h3">
        {t('handover.tasks.title', { count: formatCount(plan.tasks.length, locale) })}
      </Typography>
      {plan.tasks.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="handover-tasks-none">
          {t('handover.tasks.none')}
        </Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" data-testid="handover-tasks" aria-label={t('handover.tasks.title', { count: plan.tasks.length })}>
            <TableHead>
              <TableRow>
                <TableCell>{t('handover.col.task')}</TableCell>
                <TableCell>{t('handover.col.due')}</TableCell>
                <TableCell>{t('handover.col.taskStatus')}</TableCell>
                <TableCell>{t('handover.col.priority')}</TableCell>
                <TableCell align="right">{t('handover.col.openClients')}</TableCell>
                <TableCell>{t('handover.col.to')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {plan.tasks.map((task) => (
                <TableRow key={task.taskId} data-testid="handover-task-row" data-task-id={task.taskId}>
                  <TableCell>{task.title}</TableCell>
                  <TableCell>{dueDate(task.dueAt)}</TableCell>
                  <TableCell>{t(statusKey(task.status))}</TableCell>
                  <TableCell sx={{ color: task.priority === 'urgent' || task.priority === 'high' ? 'error.main' : undefined }}>{t(priorityKey(task.priority))}</TableCell>
                  <TableCell align="right">{formatCount(task.openClients, locale)}</TableCell>
                  <TableCell>{names.get(task.toManagerId) ?? `#${task.toManagerId}`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}
