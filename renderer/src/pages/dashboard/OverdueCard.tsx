import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { OverdueManager, OverdueSection } from '../../../../shared/dashboard/types.js';
import { RankBars } from '../../components/charts/RankBars.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { DashCard } from './DashCard.js';

const DUE_SOON_DAYS = 7;

function Figure(props: { label: string; value: number; testId: string; alarm?: boolean }) {
  const { locale } = useLocale();
  const red = props.alarm === true && props.value > 0;
  return (
    <Box sx={{ minWidth: 96 }} data-testid={props.testId} data-count={props.value}>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {props.label}
      </Typography>
      <Typography variant="h3" component="p" sx={{ fontVariantNumeric: 'tabular-nums', color: red ? 'error.main' : undefined }}>
        {red ? '⚠ ' : ''}
        {formatCount(props.value, locale)}
      </Typography>
    </Box>
  );
}

function ManagersTable(props: { rows: readonly OverdueManager[]; kind: 'tasks' | 'contacts' }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Table size="small" data-testid={`dash-overdue-table-${props.kind}`}>
      <TableHead>
        <TableRow>
          <TableCell>{t('dash.overdue.col.manager')}</TableCell>
          <TableCell align="right">{props.kind === 'tasks' ? t('dash.overdue.col.tasks') : t('dash.overdue.col.contacts')}</TableCell>
          <TableCell align="right">{props.kind === 'tasks' ? t('dash.overdue.col.items') : t('dash.overdue.col.underPlan')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map((m) => (
          <TableRow key={m.managerId} data-testid={`dash-overdue-row-${props.kind}`} data-manager-id={m.managerId} data-overdue={m.overdue}>
            <TableCell>
              {m.name}
              <Typography component="span" variant="caption" sx={{ color: 'text.secondary', ml: 0.5 }}>
                {m.staffNo}
              </Typography>
            </TableCell>
            <TableCell align="right">{formatCount(m.overdue, locale)}</TableCell>
            <TableCell align="right">{formatCount(m.other, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** 逾期事项: overdue tasks and overdue contacts, and who has the most of each. */
export function OverdueCard(props: { section: OverdueSection; manager: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const [table, setTable] = useState(false);
  const s = props.section;
  const lists = props.manager
    ? []
    : ([
        { kind: 'tasks', title: t('dash.overdue.topTasks'), rows: s.topTasks },
        { kind: 'contacts', title: t('dash.overdue.topContacts'), rows: s.topContacts },
      ] as const);
  const bars = (rows: readonly OverdueManager[]) =>
    rows.map((m, i) => ({ key: String(m.managerId), rank: i + 1, label: m.name, note: m.staffNo, value: m.overdue, valueText: formatCount(m.overdue, locale), own: false, bottom: true }));
  const chart = (
    <Stack sx={{ gap: 1 }}>
      {lists.map((l) => (
        <Box key={l.kind}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {l.title}
          </Typography>
          {l.rows.length === 0 ? (
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {t('dash.overdue.nobody')}
            </Typography>
          ) : (
            <RankBars rows={bars(l.rows)} testId={`dash-overdue-chart-${l.kind}`} ariaLabel={l.title} />
          )}
        </Box>
      ))}
    </Stack>
  );
  const numbers = (
    <Stack sx={{ gap: 1 }}>
      <Table size="small" data-testid="dash-overdue-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('dash.overdue.col.figure')}</TableCell>
            <TableCell align="right">{t('dash.overdue.col.count')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(
            [
              ['openTasks', t('dash.overdue.openTasks'), s.tasks.open],
              ['tasks', t('dash.overdue.tasks'), s.tasks.overdue],
              ['items', t('dash.overdue.items'), s.tasks.overdueItems],
              ['underPlan', t('dash.overdue.underPlan'), s.contacts.underPlan],
              ['contacts', t('dash.overdue.contacts'), s.contacts.overdue],
              ['never', t('dash.overdue.never'), s.contacts.never],
              ['dueSoon', t('dash.overdue.dueSoon', { days: DUE_SOON_DAYS }), s.contacts.dueSoon],
            ] as const
          ).map(([key, label, value]) => (
            <TableRow key={key} data-testid="dash-overdue-figure" data-key={key} data-count={value}>
              <TableCell>{label}</TableCell>
              <TableCell align="right">{formatCount(value, locale)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {lists.map((l) => (l.rows.length === 0 ? null : <ManagersTable key={l.kind} rows={l.rows} kind={l.kind} />))}
    </Stack>
  );
  return (
    <DashCard
      id="overdue"
      title={t('dash.overdue.title')}
      subtitle={t('dash.overdue.at', { today: s.today })}
      showTable={table}
      onToggle={() => setTable((v) => !v)}
      chart={lists.length === 0 ? null : chart}
      table={numbers}
      links={['tasks', 'worklog']}
    >
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <Figure label={t('dash.overdue.tasks')} value={s.tasks.overdue} testId="dash-overdue-tasks" alarm />
        <Figure label={t('dash.overdue.items')} value={s.tasks.overdueItems} testId="dash-overdue-items" alarm />
        <Figure label={t('dash.overdue.contacts')} value={s.contacts.overdue} testId="dash-overdue-contacts" alarm />
        <Figure label={t('dash.overdue.dueSoon', { days: DUE_SOON_DAYS })} value={s.contacts.dueSoon} testId="dash-overdue-due-soon" />
      </Stack>
    </DashCard>
  );
}
