import EditIcon from '@mui/icons-material/Edit';
import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiError, ApiResult } from '../../../../shared/api/errors.js';
import type { Manager } from '../../../../shared/model/manager.js';
import type { OrgUnit } from '../../../../shared/model/org.js';
import type { TaskDetail, TaskStatus } from '../../../../shared/tasks/model.js';
import { useApi } from '../../api/ApiProvider.js';
import { thrownToError } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { TaskFormDialog } from './TaskFormDialog.js';
import { TaskItemsTable } from './TaskItemsTable.js';
import { AssigneeNames, TaskStatusChip } from './TasksTable.js';
import { dueHasPassed, dueText, generatorKey, kindKey, priorityKey, priorityTone } from './task-view.js';

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Stack sx={{ minWidth: 130 }}>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {props.label}
      </Typography>
      <Typography component="div" variant="body2">
        {props.children}
      </Typography>
    </Stack>
  );
}

/** One task: what it is, who has it, its clients to tick off one by one, and its status with the outcome note. */
export function TaskDetailDialog(props: { id: number; managers: readonly Manager[]; units: readonly OrgUnit[]; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const api = useApi();
  const query = useApiQuery('tasks.get', { id: props.id });
  const task = query.state === 'ready' ? query.value : query.latest;
  const [outcome, setOutcome] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const run = (call: () => Promise<ApiResult<TaskDetail>>): void => {
    setBusy(true);
    setError(null);
    call().then(
      (r) => {
        setBusy(false);
        if (!r.ok) return setError(r.error);
        query.reload();
        props.onChanged();
      },
      (e: unknown) => {
        setBusy(false);
        setError(thrownToError(e));
      },
    );
  };
  const note = outcome ?? task?.outcome ?? '';
  const move = (status: TaskStatus): void => run(() => api.call('tasks.setStatus', { id: props.id, status, outcome: note.trim() === '' ? null : note.trim() }));
  const open = task !== null && (task.status === 'todo' || task.status === 'doing');
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="lg">
      <DialogTitle sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <span>{task?.title ?? t('tasks.detail')}</span>
        {task !== null && <TaskStatusChip row={task} />}
        {task !== null && <Chip size="small" variant="outlined" color={priorityTone(task.priority)} label={t(priorityKey(task.priority))} />}
      </DialogTitle>
      <DialogContent data-testid="task-detail" data-state={query.state} data-task-id={props.id} data-status={task?.status ?? ''}>
        <Box sx={{ height: 4, mb: 1 }}>{(query.state === 'loading' || busy) && <LinearProgress />}</Box>
        {query.state === 'error' && <ErrorAlert error={query.error} onRetry={query.reload} />}
        {task !== null && (
          <Stack sx={{ gap: 2 }}>
            <Stack direction="row" sx={{ gap: 3, flexWrap: 'wrap' }}>
              <Fact label={t('tasks.col.kind')}>{task.generator === null ? t(kindKey(task.kind)) : t(generatorKey(task.generator))}</Fact>
              <Fact label={t('tasks.col.due')}>
                <Box component="span" sx={{ color: open && dueHasPassed(task.dueAt) ? 'error.main' : undefined }}>
                  {dueText(task.dueAt)}
                </Box>
              </Fact>
              <Fact label={t('tasks.col.assignees')}>
                <AssigneeNames row={task} />
              </Fact>
              <Fact label={t('tasks.col.outlet')}>{task.orgUnitName ?? '—'}</Fact>
              <Fact label={t('tasks.col.createdBy')}>
                {task.createdBy} · {dueText(task.createdAt)}
              </Fact>
              {task.generation !== null && <Fact label={t('tasks.col.generatedOn')}>{task.generation.asOf}</Fact>}
            </Stack>
            {task.description !== null && <Typography sx={{ whiteSpace: 'pre-wrap' }}>{task.description}</Typography>}
            {task.items.length > 0 && <TaskItemsTable task={task} busy={busy} onTick={(clientId, done) => run(() => api.call('tasks.tickClient', { taskId: task.id, clientId, done }))} />}
            <TextField
              label={t('tasks.outcome')}
              value={note}
              onChange={(e) => setOutcome(e.target.value)}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { 'data-testid': 'task-outcome', maxLength: 4000 } }}
            />
            {error !== null && <ErrorAlert error={error} />}
          </Stack>
        )}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {task?.canEdit === true && (
          <Button startIcon={<EditIcon />} onClick={() => setEditing(true)} disabled={busy} data-testid="task-edit">
            {t('tasks.edit')}
          </Button>
        )}
        <Box sx={{ flex: 1 }} />
        {task !== null && open && task.canEdit && (
          <Button color="warning" onClick={() => move('cancelled')} disabled={busy} data-testid="task-cancel">
            {t('tasks.action.cancel')}
          </Button>
        )}
        {task !== null && !open && (
          <Button onClick={() => move('todo')} disabled={busy} data-testid="task-reopen">
            {t('tasks.action.reopen')}
          </Button>
        )}
        {task?.status === 'todo' && (
          <Button onClick={() => move('doing')} disabled={busy} data-testid="task-start">
            {t('tasks.action.start')}
          </Button>
        )}
        {open && (
          <Button variant="contained" color="success" onClick={() => move('done')} disabled={busy} data-testid="task-complete">
            {t('tasks.action.complete')}
          </Button>
        )}
        {open && task.status === 'doing' && task.outcome !== note && (
          <Button onClick={() => move('doing')} disabled={busy} data-testid="task-save-outcome">
            {t('tasks.action.saveOutcome')}
          </Button>
        )}
        <Button onClick={props.onClose} data-testid="task-close">
          {t('tasks.close')}
        </Button>
      </DialogActions>
      {editing && task !== null && (
        <TaskFormDialog
          task={task}
          managers={props.managers}
          units={props.units}
          onClose={() => setEditing(false)}
          onSaved={() => {
            query.reload();
            props.onChanged();
          }}
        />
      )}
    </Dialog>
  );
}
