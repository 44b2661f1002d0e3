import { useEffect, useState } from 'react';
import type { IndicatorView, PlanSummary } from '../../../../shared/targets/decomposition.js';
import type { PageState } from '../../api/query-state.js';
import { combineStates } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PreviewView } from './PreviewView.js';
import type { SettingsValue } from './SettingsBar.js';
import { StoredPlanView } from './StoredPlanView.js';
import { VersionHistory } from './VersionHistory.js';

export interface LineageContext {
  year: number;
  indicator: IndicatorView;
  rootId: number;
  roots: ReadonlyArray<{ id: number; name: string }>;
  onRoot: (id: number) => void;
  /** Re-reads the year's plans after an edit (a draft appears, a version is published …). */
  reloadPlans: () => void;
  onState: (s: PageState) => void;
}

const DEFAULT_SETTINGS: SettingsValue = { outletMethod: 'equal', managerMethod: 'equal', profile: { kind: 'equal' } };

/**
 * The decomposition of one (year, indicator, unit): its draft when there is one, else its published version, else a
 * preview of a new one. Any version can be opened from the history.
 */
export function DecompositionTab(props: { year: number; indicator: IndicatorView; onState: (s: PageState) => void }) {
  const plans = useApiQuery('targets.plans', { year: props.year });
  const list = plans.state === 'ready' ? plans.value : plans.latest;
  const [rootId, setRootId] = useState<number | null>(null);
  const [viewPlanId, setViewPlanId] = useState<number | null>(null);
  const [settings, setSettings] = useState<SettingsValue>(DEFAULT_SETTINGS);
  const [childState, setChildState] = useState<PageState>('loading');
  const { onState } = props;
  useEffect(() => onState(combineStates(plans.state, list === null ? 'loading' : childState)), [onState, plans.state, list, childState]);

  if (plans.state === 'error') return <ErrorAlert error={plans.error} onRetry={plans.reload} />;
  if (list === null) return null;
  const root = rootId ?? list.defaultRootId;
  if (root === null) return null;
  const mine: PlanSummary[] = list.plans.filter((p) => p.indicatorId === props.indicator.id);
  const lineage = mine.filter((p) => p.origin === 'decomposition' && p.orgUnitId === root);
  const current = lineage.find((p) => p.status === 'draft') ?? lineage.find((p) => p.status === 'published') ?? null;
  const planId = viewPlanId !== null && lineage.some((p) => p.id === viewPlanId) ? viewPlanId : (current?.id ?? null);
  const ctx: LineageContext = {
    year: props.year,
    indicator: props.indicator,
    rootId: root,
    roots: list.roots,
    onRoot: (id) => {
      setRootId(id);
      setViewPlanId(null);
    },
    reloadPlans: () => {
      setViewPlanId(null);
      plans.reload();
    },
    onState: setChildState,
  };
  return (
    <>
      {planId === null ? (
        <PreviewView ctx={ctx} settings={settings} onSettings={setSettings} dataAsOf={list.dataAsOf} />
      ) : (
        <StoredPlanView key={planId} ctx={ctx} planId={planId} isCurrent={planId === current?.id} onCurrent={() => setViewPlanId(null)} />
      )}
      <VersionHistory plans={mine} shownId={planId} indicator={props.indicator} onView={(p) => (p.orgUnitId !== null && p.orgUnitId !== root ? (setRootId(p.orgUnitId), setViewPlanId(p.id)) : setViewPlanId(p.id))} />
    </>
  );
}
