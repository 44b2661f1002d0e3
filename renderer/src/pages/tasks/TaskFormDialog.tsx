import { Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Radio, RadioGroup, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import type { Manager } from '../../../../shared/model/manager.js';
import type { OrgUnit } from '../../../../shared/model/org.js';
import { MANUAL_TASK_KINDS, TASK_PRIORITIES } from '../../../../shared/tasks/model.js';
import type { TaskDetail } from '../../../../shared/tasks/model.js';
import { useApi } from '../../api/ApiProvider.js';
import { thrownToError } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { useAuth } from '../../auth/AuthGate.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { EMPTY_TASK_FORM, createInput, formFromTask, formReady, kindKey, parseClientNos, priorityKey, updateInput } from './task-view.js';
import type { TaskForm } from './task-view.js';

/**
 * Create or edit a task. A supervisor assigns it to managers or to a whole outlet (everyone in post there today); a
 * client manager's task is always their own. A request's due time comes from the service standard.
 */
export function TaskFormDialog(props: { task: TaskDetail | null; managers: readonly Manager[]; units: readonly OrgUnit[]; onClose: () => void; onSaved: (id: number) => void }) {
  const t = useT();
  const api = useApi();
  const assigns = useAuth().user.role !== 'manager';
  const standards = useApiQuery('tasks.standards', {});
  const [initial] = useState<TaskForm>(() => (props.task === null ? EMPTY_TASK_FORM : formFromTask(props.task)));
  const [form, setForm] = useState<TaskForm>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof TaskForm>(key: K, value: TaskForm[K]): void => setForm((f) => ({ ...f, [key]: value }));
  const kind = props.task?.kind ?? form.kind;
  const s = standards.state === 'ready' ? standards.value.standards : null;
  const save = (): void => {
    setBusy(true);
    setError(null);
    const call = props.task === null ? api.call('tasks.create', createInput(form, assigns)) : api.call('tasks.update', updateInput(props.task.id, props.task.kind, form, initial, assigns));
    call.then(
      (r) => {
        setBusy(false);
        if (!r.ok) return setError(r.error);
        props.onSaved(r.value.id);
        props.onClose();
      },
      (e: unknown) => {
        setBusy(false);
        setError(thrownToError(e));
      },
    );
  };
  const chosen = props.managers.filter((m) => form.managerIds.includes(m.id));
  const clients = parseClientNos(form.clientText).length;
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t(props.task === null ? 'tasks.new' : 'tasks.edit')}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }} data-testid="task-form">
          <TextField label={t('tasks.col.title')} value={form.title} onChange={(e) => set('title', e.target.value)} required slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'task-form-title' } }} />
          <Stack direction="row" sx={{ gap: 2 }}>
            {props.task === null && (
              <TextField select label={t('tasks.col.kind')} value={form.kind} onChange={(e) => set('kind', e.target.value as TaskForm['kind'])} sx={{ flex: 1 }} data-testid="task-form-kind">
                {MANUAL_TASK_KINDS.map((k) => (
                  <MenuItem key={k} value={k}>
                    {t(kindKey(k))}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <TextField select label={t('tasks.col.priority')} value={form.priority} onChange={(e) => set('priority', e.target.value as TaskForm['priority'])} sx={{ flex: 1 }} data-testid="task-form-priority">
              {TASK_PRIORITIES.map((p) => (
                <MenuItem key={p} value={p}>
                  {t(priorityKey(p))}
                </MenuItem>
              ))}
            </TextField>
            {kind === 'request' ? (
              <TextField
                label={t('tasks.col.due')}
                value={s === null ? '' : t('tasks.form.requestDue', { hours: form.priority === 'urgent' ? s.urgentRequestHours : s.requestHours })}
                disabled
                sx={{ flex: 1.4 }}
                slotProps={{ htmlInput: { 'data-testid': 'task-form-request-due' } }}
              />
            ) : (
              <TextField type="date" label={t('tasks.col.due')} value={form.dueAt} onChange={(e) => set('dueAt', e.target.value)} sx={{ flex: 1 }} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'task-form-due' } }} />
            )}
          </Stack>
          {assigns && (
            <>
              <RadioGroup row value={form.mode} onChange={(e) => set('mode', e.target.value as TaskForm['mode'])}>
                <FormControlLabel value="managers" control={<Radio />} label={t('tasks.form.toManagers')} data-testid="task-form-mode-managers" />
                <FormControlLabel value="outlet" control={<Radio />} label={t('tasks.form.toOutlet')} data-testid="task-form-mode-outlet" />
              </RadioGroup>
              {form.mode === 'managers' && (
                <Autocomplete<Manager, true>
                  multiple
                  options={[...props.managers]}
                  value={chosen}
                  onChange={(_e, ms) => set('managerIds', ms.map((m) => m.id))}
                  getOptionLabel={(m) => `${m.name}（${m.staffNo}）`}
                  isOptionEqualToValue={(a, b) => a.id === b.id}
                  renderInput={(params) => <TextField {...params} label={t('tasks.col.assignees')} slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'task-form-managers' } }} />}
                />
              )}
              <TextField
                select
                label={t(form.mode === 'outlet' ? 'tasks.form.outlet' : 'tasks.form.outletOptional')}
                value={form.orgUnitId === null ? '' : String(form.orgUnitId)}
                onChange={(e) => set('orgUnitId', e.target.value === '' ? null : Number(e.target.value))}
                helperText={t(form.mode === 'outlet' ? 'tasks.form.outletHint' : 'tasks.form.outletOptionalHint')}
                data-testid="task-form-outlet"
              >
                {form.mode === 'managers' && <MenuItem value="">{t('tasks.form.outletAuto')}</MenuItem>}
                {props.units.map((u) => (
                  <MenuItem key={u.id} value={String(u.id)}>
                    {u.name}
                  </MenuItem>
                ))}
              </TextField>
            </>
          )}
          <TextField
            label={t('tasks.form.clients')}
            helperText={t('tasks.form.clientsHint', { count: clients })}
            value={form.clientText}
            onChange={(e) => set('clientText', e.target.value)}
            multiline
            minRows={2}
            maxRows={6}
            // A list longer than what was loaded is edited on the task's own page of clients, not here.
            disabled={(props.task?.itemsOmitted ?? 0) > 0}
            slotProps={{ htmlInput: { 'data-testid': 'task-form-clients' } }}
          />
          <TextField label={t('tasks.form.description')} value={form.description} onChange={(e) => set('description', e.target.value)} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 4000 } }} />
          {error !== null && <ErrorAlert error={error} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={save} disabled={busy || !formReady(form, assigns)} data-testid="task-form-save">
          {t('tasks.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
