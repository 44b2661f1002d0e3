import { Box, Grid, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { WorkspaceSummary } from '../../../../shared/api/ops/system.js';
import type { DashboardOverview } from '../../../../shared/dashboard/types.js';
import type { PageState } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useT } from '../../i18n/I18nProvider.js';
import { DashboardControls } from './DashboardControls.js';
import { DashboardPrintStyles } from './DashboardPrintStyles.js';
import { ImportsCard, StaleBanner } from './ImportsCard.js';
import { OverdueCard } from './OverdueCard.js';
import { RankingCard } from './RankingCard.js';
import { TargetsCard } from './TargetsCard.js';
import { VipCard } from './VipCard.js';
import { WorkspaceCard } from './WorkspaceCard.js';
import { periodText } from './dashboard-view.js';
import { isWorkspaceEmpty } from './summary.js';

/**
 * 工作台: the supervisor's first screen. An empty workspace says what to do next; otherwise one call
 * (`dashboard.overview`) fills the cards for the period and unit picked.
 */
export function DashboardPage() {
  const t = useT();
  const summary = useApiQuery('system.summary', {});
  const [overviewState, setOverviewState] = useState<PageState>('loading');
  const empty = summary.state === 'ready' && isWorkspaceEmpty(summary.value);
  const state: PageState = summary.state !== 'ready' ? summary.state : empty ? 'ready' : overviewState;
  return (
    <PageRoot page="dashboard" state={state}>
      <DashboardPrintStyles />
      {summary.state === 'error' && <ErrorAlert error={summary.error} onRetry={summary.reload} />}
      {summary.state === 'ready' && empty && (
        <EmptyState
          testId="dashboard-empty"
          title={t('dashboard.empty.title')}
          body={t('dashboard.empty.body')}
          actions={[
            { to: 'import', label: t('dashboard.empty.import') },
            { to: 'settings', label: t('common.goDemo') },
          ]}
        />
      )}
      {summary.state === 'ready' && !empty && <Overview onState={setOverviewState} summary={summary.value} />}
    </PageRoot>
  );
}

function Overview(props: { onState: (s: PageState) => void; summary: WorkspaceSummary }) {
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [orgUnitId, setOrgUnitId] = useState<number | undefined>(undefined);
  const [rankIndicatorId, setRankIndicatorId] = useState<number | undefined>(undefined);
  const query = useApiQuery('dashboard.overview', {
    ...(period === undefined ? {} : { period }),
    ...(orgUnitId === undefined ? {} : { orgUnitId }),
    ...(rankIndicatorId === undefined ? {} : { rankIndicatorId }),
  });
  const { onState } = props;
  useEffect(() => onState(query.state), [onState, query.state]);
  // While a new period or unit loads, the last figures stay (the page's data-state says they are not current).
  const value = query.state === 'ready' ? query.value : query.latest;
  return (
    <>
      {query.state === 'error' && <ErrorAlert error={query.error} onRetry={query.reload} />}
      {value !== null && (
        <Cards
          value={value}
          summary={props.summary}
          onPeriod={(p) => {
            setPeriod(p);
            setRankIndicatorId(undefined);
          }}
          onUnit={setOrgUnitId}
          onRankIndicator={setRankIndicatorId}
        />
      )}
    </>
  );
}

function Cards(props: { value: DashboardOverview; summary: WorkspaceSummary; onPeriod: (p: string) => void; onUnit: (id: number) => void; onRankIndicator: (id: number) => void }) {
  const t = useT();
  const v = props.value;
  const manager = v.role === 'manager';
  const unit = v.units.find((u) => u.id === v.orgUnitId) ?? null;
  return (
    <Box data-testid="dash-overview" data-period={v.period} data-unit-id={v.orgUnitId ?? ''} data-role={v.role} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <DashboardControls period={v.period} years={v.years} onPeriod={props.onPeriod} units={v.units} orgUnitId={v.orgUnitId} onUnit={props.onUnit} dataAsOf={v.dataAsOf} />
      <Typography className="bw-print-only" sx={{ display: 'none' }}>
        {[unit?.name, periodText(v.period, t), v.dataAsOf === null ? t('dash.noData') : t('dash.dataAsOf', { date: v.dataAsOf }), t('dash.printedAt', { at: v.overdue.today })]
          .filter((x): x is string => x !== undefined)
          .join(' · ')}
      </Typography>
      <StaleBanner staleness={v.staleness} />
      <Grid container spacing={2}>
        {v.targets !== null && (
          <Grid size={{ xs: 12, lg: 7 }} className="bw-print-7">
            <TargetsCard section={v.targets} unitName={unit?.name ?? null} />
          </Grid>
        )}
        <Grid size={{ xs: 12, lg: v.targets === null ? 12 : 5 }} className={v.targets === null ? undefined : 'bw-print-5'}>
          <RankingCard section={v.ranking} manager={manager} indicators={v.targets?.rows ?? []} onRankIndicator={props.onRankIndicator} />
        </Grid>
        <Grid size={{ xs: 12, md: 6, lg: 4 }} className="bw-print-4">
          <VipCard section={v.midHigh} manager={manager} />
        </Grid>
        <Grid size={{ xs: 12, md: 6, lg: 4 }} className="bw-print-4">
          <OverdueCard section={v.overdue} manager={manager} />
        </Grid>
        <Grid size={{ xs: 12, md: 12, lg: 4 }} className="bw-print-4">
          <ImportsCard imports={v.imports} staleness={v.staleness} />
        </Grid>
        <Grid size={12}>
          <WorkspaceCard summary={props.summary} />
        </Grid>
      </Grid>
    </Box>
  );
}
