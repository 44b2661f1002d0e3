import { Chip, Stack } from '@mui/material';
import { TASK_STATUS_FILTERS } from '../../../../shared/tasks/model.js';
import type { TaskStatusCounts, TaskStatusFilter } from '../../../../shared/tasks/model.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { filterKey } from './task-view.js';

/** The header: how many tasks per status under the other filters; a click filters by it, 逾期 in red when any. */
export function StatusCounts(props: { counts: TaskStatusCounts; active: TaskStatusFilter | ''; onPick: (s: TaskStatusFilter | '') => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { counts } = props;
  const all = counts.todo + counts.doing + counts.done + counts.cancelled;
  const chip = (key: TaskStatusFilter | '', label: string, n: number, tone: 'default' | 'primary' | 'error') => (
    <Chip
      key={key === '' ? 'all' : key}
      label={`${label} ${formatCount(n, locale)}`}
      color={tone}
      variant={props.active === key ? 'filled' : 'outlined'}
      onClick={() => props.onPick(key)}
      data-testid={`tasks-count-${key === '' ? 'all' : key}`}
      data-count={n}
      aria-pressed={props.active === key}
      sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: key === 'overdue' && n > 0 ? 600 : undefined }}
    />
  );
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} data-testid="tasks-counts">
      {chip('', t('tasks.filter.all'), all, props.active === '' ? 'primary' : 'default')}
      {TASK_STATUS_FILTERS.map((s) => chip(s, t(filterKey(s)), counts[s], s === 'overdue' && counts.overdue > 0 ? 'error' : props.active === s ? 'primary' : 'default'))}
    </Stack>
  );
}
