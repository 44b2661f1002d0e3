import { Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { combineStates } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { useAuth } from '../../auth/AuthGate.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ManagerEvaluation } from './ManagerEvaluation.js';
import { RunsTab } from './RunsTab.js';
import { SchemesTab } from './SchemesTab.js';
import { useChildState } from './useChildState.js';

type TabKey = 'runs' | 'schemes';

/**
 * 考核: supervisors write scorecard schemes (方案) and run them on a period (计算 → 录入定性评分 → 提交确认 →
 * 锁定); a client manager sees their own sheets and acknowledges them. Each tab reports its own state so the page's
 * `data-state` marker covers whatever it shows, edits included.
 */
export function EvaluationPage() {
  const { role } = useAuth().user;
  const t = useT();
  const [tab, setTab] = useState<TabKey>('runs');
  const [tabState, setTabState] = useChildState(tab);
  // The data's latest date sets the default periods (the latest one the balances cover to its end).
  const summary = useApiQuery('system.summary', {});
  const latestAsOf = summary.state === 'ready' ? summary.value.latestAsOf : null;
  const state = combineStates(summary.state, summary.state === 'ready' ? tabState : 'loading');
  const manager = role === 'manager';
  return (
    <PageRoot page="evaluation" state={state}>
      <Typography sx={{ color: 'text.secondary' }}>{t(manager ? 'eval.intro.manager' : 'eval.intro')}</Typography>
      {summary.state === 'error' && <ErrorAlert error={summary.error} onRetry={summary.reload} />}
      {!manager && (
        <Tabs value={tab} onChange={(_e, v: TabKey) => setTab(v)} sx={{ borderBottom: 1, borderColor: 'divider' }}>
          <Tab value="runs" label={t('eval.tab.runs')} data-testid="eval-tab-runs" />
          <Tab value="schemes" label={t('eval.tab.schemes')} data-testid="eval-tab-schemes" />
        </Tabs>
      )}
      {summary.state === 'ready' && manager && <ManagerEvaluation onState={setTabState} />}
      {summary.state === 'ready' && !manager && tab === 'runs' && <RunsTab latestAsOf={latestAsOf} onState={setTabState} onEditSchemes={() => setTab('schemes')} />}
      {summary.state === 'ready' && !manager && tab === 'schemes' && <SchemesTab latestAsOf={latestAsOf} onState={setTabState} />}
    </PageRoot>
  );
}
