import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Manager } from '../../../../shared/model/manager.js';
import type { OrgUnit } from '../../../../shared/model/org.js';
import { TASK_KINDS, TASK_PRIORITIES, TASK_STATUS_FILTERS } from '../../../../shared/tasks/model.js';
import { useT } from '../../i18n/I18nProvider.js';
import { EMPTY_FILTERS, filterKey, kindKey, priorityKey } from './task-view.js';
import type { TaskFilterForm } from './task-view.js';

/** Selects apply at once; the title search on Enter, so typing does not re-read the list per keystroke. */
export function TaskFiltersBar(props: { form: TaskFilterForm; onChange: (f: TaskFilterForm) => void; managers: readonly Manager[]; units: readonly OrgUnit[]; staff: boolean }) {
  const t = useT();
  const { form, onChange } = props;
  const [search, setSearch] = useState(form.search);
  const set = <K extends keyof TaskFilterForm>(key: K, value: TaskFilterForm[K]): void => onChange({ ...form, [key]: value });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    set('search', search);
  };
  const select = { select: true, size: 'small' } as const;
  const date = { size: 'small', type: 'date', slotProps: { inputLabel: { shrink: true } }, sx: { width: 155 } } as const;
  return (
    <Stack component="form" direction="row" onSubmit={submit} sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }} data-testid="tasks-filters">
      <TextField {...select} label={t('tasks.col.status')} value={form.status} onChange={(e) => set('status', e.target.value as TaskFilterForm['status'])} sx={{ width: 120 }} data-testid="tasks-filter-status">
        <MenuItem value="">{t('tasks.filter.all')}</MenuItem>
        {TASK_STATUS_FILTERS.map((s) => (
          <MenuItem key={s} value={s}>
            {t(filterKey(s))}
          </MenuItem>
        ))}
      </TextField>
      {props.staff && (
        <TextField {...select} label={t('tasks.col.assignees')} value={form.assignee} onChange={(e) => set('assignee', e.target.value)} sx={{ width: 170 }} data-testid="tasks-filter-assignee">
          <MenuItem value="">{t('tasks.filter.anyone')}</MenuItem>
          <MenuItem value="none">{t('tasks.unassigned')}</MenuItem>
          {props.managers.map((m) => (
            <MenuItem key={m.id} value={String(m.id)}>
              {m.name}（{m.staffNo}）
            </MenuItem>
          ))}
        </TextField>
      )}
      {props.staff && (
        <TextField {...select} label={t('tasks.col.outlet')} value={form.orgUnitId} onChange={(e) => set('orgUnitId', e.target.value)} sx={{ width: 170 }} data-testid="tasks-filter-outlet">
          <MenuItem value="">{t('tasks.filter.anywhere')}</MenuItem>
          {props.units.map((u) => (
            <MenuItem key={u.id} value={String(u.id)}>
              {u.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField {...select} label={t('tasks.col.kind')} value={form.kind} onChange={(e) => set('kind', e.target.value as TaskFilterForm['kind'])} sx={{ width: 120 }} data-testid="tasks-filter-kind">
        <MenuItem value="">{t('tasks.filter.all')}</MenuItem>
        {TASK_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {t(kindKey(k))}
          </MenuItem>
        ))}
      </TextField>
      <TextField {...select} label={t('tasks.col.priority')} value={form.priority} onChange={(e) => set('priority', e.target.value as TaskFilterForm['priority'])} sx={{ width: 110 }} data-testid="tasks-filter-priority">
        <MenuItem value="">{t('tasks.filter.all')}</MenuItem>
        {TASK_PRIORITIES.map((p) => (
          <MenuItem key={p} value={p}>
            {t(priorityKey(p))}
          </MenuItem>
        ))}
      </TextField>
      <TextField {...date} label={t('tasks.filter.dueFrom')} value={form.dueFrom} onChange={(e) => set('dueFrom', e.target.value)} data-testid="tasks-filter-due-from" />
      <TextField {...date} label={t('tasks.filter.dueTo')} value={form.dueTo} onChange={(e) => set('dueTo', e.target.value)} data-testid="tasks-filter-due-to" />
      <TextField size="small" label={t('tasks.filter.search')} value={search} onChange={(e) => setSearch(e.target.value)} sx={{ width: 180 }} data-testid="tasks-filter-search" />
      <Button
        size="small"
        onClick={() => {
          setSearch('');
          onChange(EMPTY_FILTERS);
        }}
        data-testid="tasks-filter-clear"
      >
        {t('tasks.filter.clear')}
      </Button>
    </Stack>
  );
}
