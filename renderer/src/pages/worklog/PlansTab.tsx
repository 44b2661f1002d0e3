import { Alert, Box, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { DueReport } from '../../../../shared/worklog/types.js';
import { combineStates } from '../../api/query-state.js';
import type { PageState } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { useAuth } from '../../auth/AuthGate.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { ContactDialog } from './ContactDialog.js';
import { DueClientsTable } from './DueClientsTable.js';
import { Figure } from './Figure.js';
import { ManagersDueTable } from './ManagersDueTable.js';
import { PlansTable } from './PlansTable.js';
import { EMPTY_SHOWN } from './worklog-view.js';

/**
 * 联系计划: the due list (my clients, or a supervisor's team, on a day) with its counts, and the plans themselves.
 * Logging a contact from a row reloads the list, so the overdue count drops as the work is done.
 */
export function PlansTab(props: { onState: (s: PageState) => void }) {
  const t = useT();
  const staff = useAuth().user.role !== 'manager';
  const [asOf, setAsOf] = useState<string | null>(null);
  const [managerId, setManagerId] = useState('');
  const [logging, setLogging] = useState<string | null>(null);
  // A whole team's list would run to thousands of rows: without a manager chosen, the most urgent few and the team table.
  const team = staff && managerId === '';
  const due = useApiQuery('contactPlans.due', { ...(asOf === null ? {} : { asOf }), ...(managerId === '' ? {} : { managerId: Number(managerId) }), limit: team ? 30 : 300 });
  const plans = useApiQuery('contactPlans.list', {});
  const roster = useApiQuery('managers.list', {});
  const { onState } = props;
  const state = combineStates(due.state, plans.state);
  useEffect(() => onState(state), [onState, state]);
  const report = due.state === 'ready' ? due.value : due.latest;
  const planList = plans.state === 'ready' ? plans.value : plans.latest;
  const reloadAll = (): void => {
    due.reload();
    plans.reload();
  };
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          type="date"
          size="small"
          label={t('worklog.due.asOf')}
          value={asOf ?? report?.asOf ?? ''}
          onChange={(e) => e.target.value !== '' && setAsOf(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'worklog-due-as-of' } }}
          sx={{ width: 170 }}
        />
        {staff && (
          <TextField select size="small" label={t('worklog.filter.manager')} value={managerId} onChange={(e) => setManagerId(e.target.value)} sx={{ width: 200 }} slotProps={EMPTY_SHOWN} data-testid="worklog-due-manager">
            <MenuItem value="">{t('worklog.due.allManagers')}</MenuItem>
            {(roster.state === 'ready' ? roster.value : []).map((m) => (
              <MenuItem key={m.id} value={String(m.id)}>{`${m.name}（${m.staffNo}）`}</MenuItem>
            ))}
          </TextField>
        )}
      </Stack>
      {due.state === 'error' && <ErrorAlert error={due.error} onRetry={due.reload} />}
      {report !== null && <DueSection report={report} team={team} onLog={setLogging} onPick={(id) => setManagerId(String(id))} />}
      {plans.state === 'error' && <ErrorAlert error={plans.error} onRetry={plans.reload} />}
      {planList !== null && <PlansTable list={planList} canEdit={staff} onChanged={reloadAll} />}
      {logging !== null && <ContactDialog clientNo={logging} onClose={() => setLogging(null)} onSaved={reloadAll} />}
    </Stack>
  );
}

function DueSection(props: { report: DueReport; team: boolean; onLog: (clientNo: string) => void; onPick: (managerId: number) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (v: number): string => formatCount(v, locale);
  const { totals, clients, withinDays } = props.report;
  return (
    <Stack sx={{ gap: 1.5 }} data-testid="worklog-due" data-as-of={props.report.asOf}>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
        <Figure label={t('worklog.due.underPlan')} value={n(totals.underPlan)} count={totals.underPlan} testId="worklog-under-plan-count" />
        <Figure label={t('worklog.due.overdue')} value={n(totals.overdue)} count={totals.overdue} testId="worklog-overdue-count" tone={totals.overdue > 0 ? 'error' : undefined} />
        <Figure label={t('worklog.due.never')} value={n(totals.never)} count={totals.never} testId="worklog-never-count" tone={totals.never > 0 ? 'error' : undefined} />
        <Figure label={t('worklog.due.soon', { days: withinDays })} value={n(totals.dueSoon)} count={totals.dueSoon} testId="worklog-due-soon-count" tone={totals.dueSoon > 0 ? 'warning' : undefined} />
      </Box>
      {props.team && props.report.managers.length > 1 && (
        <>
          <Typography variant="h3" component="h2">
            {t('worklog.due.managersTitle')}
          </Typography>
          <ManagersDueTable managers={props.report.managers} withinDays={withinDays} onPick={props.onPick} />
        </>
      )}
      <Typography variant="h3" component="h2">
        {t('worklog.due.listTitle')}
      </Typography>
      {totals.underPlan === 0 && <Alert severity="info">{t('worklog.due.noPlan')}</Alert>}
      {totals.underPlan > 0 && clients.length === 0 && <Alert severity="success">{t('worklog.due.none')}</Alert>}
      {clients.length > 0 && <DueClientsTable clients={clients} showManager={props.team} onLog={props.onLog} />}
      {props.report.truncated && (
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {t('worklog.due.truncated', { shown: n(clients.length), total: n(totals.overdue + totals.dueSoon) })}
        </Typography>
      )}
    </Stack>
  );
}
