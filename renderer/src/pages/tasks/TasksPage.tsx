import AddIcon from '@mui/icons-material/Add';
import AutoAwesomeIcon from '@mui/icons-material/AutoAwesome';
import RuleIcon from '@mui/icons-material/Rule';
import { Button, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { combineStates } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { useAuth } from '../../auth/AuthGate.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useT } from '../../i18n/I18nProvider.js';
import { GenerateDialog } from './GenerateDialog.js';
import { OverdueFigures } from './OverdueFigures.js';
import { StandardsDialog } from './StandardsDialog.js';
import { StatusCounts } from './StatusCounts.js';
import { TaskDetailDialog } from './TaskDetailDialog.js';
import { TaskFiltersBar } from './TaskFiltersBar.js';
import { TaskFormDialog } from './TaskFormDialog.js';
import { TasksTable } from './TasksTable.js';
import { EMPTY_FILTERS, listInput } from './task-view.js';
import type { TaskFilterForm } from './task-view.js';

const PAGE = 50;

/**
 * 任务: the tasks within the caller's reach with their counts per status (逾期 in red), the overdue figures per
 * manager, and the ways in — a task by hand, lists drawn up from the data, each task's clients to tick off.
 */
export function TasksPage() {
  const t = useT();
  const { role } = useAuth().user;
  const staff = role !== 'manager';
  const [filters, setFilters] = useState<TaskFilterForm>(EMPTY_FILTERS);
  const [offset, setOffset] = useState(0);
  const list = useApiQuery('tasks.list', listInput(filters, offset, PAGE));
  const overdue = useApiQuery('tasks.overdue', {});
  const roster = useApiQuery('managers.list', {});
  const tree = useApiQuery('org.tree', {});
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [generating, setGenerating] = useState(false);
  const [standards, setStandards] = useState(false);
  const managers = (roster.state === 'ready' ? roster.value : roster.latest) ?? [];
  const units = useMemo(() => ((tree.state === 'ready' ? tree.value : tree.latest) ?? []).filter((u) => u.level === 'outlet'), [tree]);
  const l = list.state === 'ready' ? list.value : list.latest;
  const o = overdue.state === 'ready' ? overdue.value : overdue.latest;
  const reload = (): void => {
    list.reload();
    overdue.reload();
  };
  const changeFilters = (next: TaskFilterForm): void => {
    setFilters(next);
    setOffset(0);
  };
  return (
    <PageRoot
      page="tasks"
      state={combineStates(list.state, overdue.state)}
      actions={
        <Stack direction="row" sx={{ gap: 1 }}>
          <Button startIcon={<RuleIcon />} onClick={() => setStandards(true)} data-testid="tasks-standards">
            {t('tasks.standards')}
          </Button>
          {staff && (
            <Button variant="outlined" startIcon={<AutoAwesomeIcon />} onClick={() => setGenerating(true)} data-testid="tasks-generate">
              {t('tasks.generate')}
            </Button>
          )}
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="tasks-new">
            {t('tasks.new')}
          </Button>
        </Stack>
      }
    >
      <Typography sx={{ color: 'text.secondary', maxWidth: '110ch' }}>{t(staff ? 'tasks.intro' : 'tasks.introManager')}</Typography>
      {overdue.state === 'error' && <ErrorAlert error={overdue.error} onRetry={overdue.reload} />}
      {o !== null && <OverdueFigures report={o} staff={staff} />}
      {l !== null && <StatusCounts counts={l.counts} active={filters.status} onPick={(status) => changeFilters({ ...filters, status })} />}
      <TaskFiltersBar form={filters} onChange={changeFilters} managers={managers} units={units} staff={staff} />
      {list.state === 'error' && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {l !== null && <TasksTable list={l} offset={offset} pageSize={PAGE} onPage={setOffset} onOpen={setOpenId} />}
      {openId !== null && <TaskDetailDialog id={openId} managers={managers} units={units} onClose={() => setOpenId(null)} onChanged={reload} />}
      {creating && <TaskFormDialog task={null} managers={managers} units={units} onClose={() => setCreating(false)} onSaved={(id) => { reload(); setOpenId(id); }} />}
      {generating && <GenerateDialog onClose={() => setGenerating(false)} onDone={reload} />}
      {standards && <StandardsDialog canEdit={role === 'admin'} onClose={() => setStandards(false)} />}
    </PageRoot>
  );
}
