import { Box, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import type { TaskList, TaskRow } from '../../../../shared/tasks/model.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { dueHasPassed, dueText, kindKey, priorityKey, priorityTone, statusChip } from './task-view.js';

const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const open = (r: Pick<TaskRow, 'status'>): boolean => r.status === 'todo' || r.status === 'doing';

export function TaskStatusChip(props: { row: Pick<TaskRow, 'status' | 'overdue'> }) {
  const t = useT();
  const chip = statusChip(props.row);
  return <Chip size="small" color={chip.tone} variant={chip.tone === 'error' ? 'filled' : 'outlined'} label={t(chip.key)} data-testid="task-status" data-status={props.row.overdue ? 'overdue' : props.row.status} />;
}

export function AssigneeNames(props: { row: TaskRow }) {
  const t = useT();
  if (props.row.assignees.length === 0) return <Chip size="small" color="warning" variant="outlined" label={t('tasks.unassigned')} data-testid="task-unassigned" />;
  const names = props.row.assignees.map((a) => a.name);
  return <span title={names.join('、')}>{names.length > 3 ? `${names.slice(0, 3).join('、')} ${t('tasks.andMore', { count: names.length - 3 })}` : names.join('、')}</span>;
}

/** One page of tasks; an overdue row is tinted red, a click opens it. */
export function TasksTable(props: { list: TaskList; offset: number; pageSize: number; onPage: (offset: number) => void; onOpen: (id: number) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { rows, total } = props.list;
  if (rows.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 3 }} data-testid="tasks-empty">
        <Typography sx={{ color: 'text.secondary' }}>{t('tasks.empty')}</Typography>
      </Paper>
    );
  }
  return (
    <Stack sx={{ gap: 1 }}>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" data-testid="tasks-table" data-total={total}>
          <TableHead>
            <TableRow>
              <TableCell>{t('tasks.col.title')}</TableCell>
              <TableCell>{t('tasks.col.status')}</TableCell>
              <TableCell>{t('tasks.col.priority')}</TableCell>
              <TableCell>{t('tasks.col.due')}</TableCell>
              <TableCell>{t('tasks.col.assignees')}</TableCell>
              <TableCell>{t('tasks.col.outlet')}</TableCell>
              <TableCell align="right">{t('tasks.col.clients')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow
                key={r.id}
                hover
                onClick={() => props.onOpen(r.id)}
                sx={{ cursor: 'pointer', ...(r.overdue ? { bgcolor: (theme) => alpha(theme.palette.error.main, 0.05) } : {}) }}
                data-testid="task-row"
                data-task-id={r.id}
                data-overdue={r.overdue}
                data-clients={r.clients}
              >
                <TableCell sx={{ maxWidth: 420 }}>
                  <Typography variant="body2" sx={{ fontWeight: 500 }}>
                    {r.title}
                  </Typography>
                  <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                    {t(kindKey(r.kind))} · {r.createdBy}
                  </Typography>
                </TableCell>
                <TableCell>
                  <TaskStatusChip row={r} />
                </TableCell>
                <TableCell>
                  <Chip size="small" variant="outlined" color={priorityTone(r.priority)} label={t(priorityKey(r.priority))} />
                </TableCell>
                <TableCell sx={{ ...NUM, color: open(r) && dueHasPassed(r.dueAt) ? 'error.main' : undefined }}>{dueText(r.dueAt)}</TableCell>
                <TableCell sx={{ maxWidth: 220 }}>
                  <AssigneeNames row={r} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.orgUnitName ?? '—'}</TableCell>
                <TableCell align="right" sx={NUM}>
                  {r.clients === 0 ? '—' : `${formatCount(r.clientsDone, locale)} / ${formatCount(r.clients, locale)}`}
                  {r.clientsOverdue > 0 && (
                    <Box component="span" sx={{ color: 'error.main', ml: 1 }} data-testid="task-clients-overdue">
                      {t('tasks.clientsOverdue', { count: formatCount(r.clientsOverdue, locale) })}
                    </Box>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', justifyContent: 'flex-end' }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="tasks-range">
          {t('tasks.range', { from: formatCount(props.offset + 1, locale), to: formatCount(props.offset + rows.length, locale), total: formatCount(total, locale) })}
        </Typography>
        <Button size="small" disabled={props.offset === 0} onClick={() => props.onPage(Math.max(0, props.offset - props.pageSize))}>
          {t('tasks.prev')}
        </Button>
        <Button size="small" disabled={props.offset + rows.length >= total} onClick={() => props.onPage(props.offset + props.pageSize)}>
          {t('tasks.next')}
        </Button>
      </Stack>
    </Stack>
  );
}
