import { Checkbox, Chip, Link, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { TaskDetail } from '../../../../shared/tasks/model.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { hrefFor } from '../../routing/routes.js';
import { dueText, itemWhy, tierKey } from './task-view.js';

/** The task's clients: each ticked off on its own (by hand here, or by a contact logged in the work log). */
export function TaskItemsTable(props: { task: TaskDetail; busy: boolean; onTick: (clientId: number, done: boolean) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { task } = props;
  const open = task.status === 'todo' || task.status === 'doing';
  return (
    <>
      <Typography variant="subtitle2" data-testid="task-items-summary" data-done={task.clientsDone} data-total={task.clients}>
        {t('tasks.items', { done: formatCount(task.clientsDone, locale), total: formatCount(task.clients, locale), overdue: formatCount(task.clientsOverdue, locale) })}
      </Typography>
      <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 420 }}>
        <Table size="small" stickyHeader data-testid="task-items">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox" />
              <TableCell>{t('tasks.item.client')}</TableCell>
              <TableCell>{t('tasks.item.tier')}</TableCell>
              <TableCell>{t('tasks.item.why')}</TableCell>
              <TableCell>{t('tasks.col.due')}</TableCell>
              <TableCell>{t('tasks.col.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {task.items.map((i) => (
              <TableRow
                key={i.clientId}
                data-testid="task-item"
                data-client-id={i.clientId}
                data-done={i.doneAt !== null}
                data-overdue={i.overdue}
                sx={i.overdue ? { bgcolor: (theme) => alpha(theme.palette.error.main, 0.05) } : undefined}
              >
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={i.doneAt !== null}
                    disabled={!open || props.busy}
                    onChange={(e) => props.onTick(i.clientId, e.target.checked)}
                    slotProps={{ input: { 'aria-label': t('tasks.item.tick', { name: i.name }), 'data-testid': `task-item-tick-${i.clientId}` } as Record<string, string> }}
                  />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Link href={hrefFor('clients', i.clientId)} underline="hover">
                    {i.clientNo}
                  </Link>{' '}
                  {i.name}
                </TableCell>
                <TableCell>{i.tier === null ? '—' : t(tierKey(i.tier))}</TableCell>
                <TableCell>{itemWhy(i.detail, t)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap', color: i.overdue ? 'error.main' : undefined }}>{dueText(i.dueAt ?? task.dueAt)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {i.doneAt !== null ? (
                    <Chip size="small" color="success" variant="outlined" label={i.contactId === null ? t('tasks.item.done', { at: dueText(i.doneAt) }) : t('tasks.item.contacted', { at: dueText(i.doneAt) })} />
                  ) : i.overdue ? (
                    <Chip size="small" color="error" label={t('tasks.status.overdue')} />
                  ) : (
                    <Chip size="small" variant="outlined" label={t('tasks.item.open')} />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {task.itemsOmitted > 0 && (
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {t('tasks.itemsOmitted', { count: formatCount(task.itemsOmitted, locale) })}
        </Typography>
      )}
    </>
  );
}
