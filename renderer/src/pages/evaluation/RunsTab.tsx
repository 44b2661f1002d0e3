import { Alert, Button, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import type { PageState } from '../../api/query-state.js';
import { combineStates } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { useAction } from '../../api/useAction.js';
import { ComputeBar } from './ComputeBar.js';
import { RunView } from './RunView.js';
import { RunsTable } from './RunsTable.js';
import { useChildState } from './useChildState.js';

/**
 * 考核 for supervisors: compute a scheme on a period, the runs so far, and the chosen run (the newest by default)
 * with its scores, entries and workflow.
 */
export function RunsTab(props: { latestAsOf: string | null; onState: (s: PageState) => void; onEditSchemes: () => void }) {
  const t = useT();
  const schemes = useApiQuery('evaluation.schemes', {});
  const runs = useApiQuery('evaluation.runs', { limit: 100 });
  const [chosen, setChosen] = useState<number | null>(null);
  const compute = useAction();
  const runList = runs.state === 'ready' ? runs.value : (runs.latest ?? []);
  const runId = chosen ?? runList[0]?.id ?? null;
  const [viewState, setViewState] = useChildState(runId);
  const { onState } = props;
  const state = combineStates(schemes.state, runs.state, runId === null ? 'ready' : viewState, compute.busy ? 'loading' : 'ready');
  useEffect(() => onState(state), [onState, state]);

  if (schemes.state === 'error') return <ErrorAlert error={schemes.error} onRetry={schemes.reload} />;
  if (runs.state === 'error') return <ErrorAlert error={runs.error} onRetry={runs.reload} />;
  const versions = schemes.state === 'ready' ? schemes.value : (schemes.latest ?? []);
  const changed = (id: number): void => {
    setChosen(id);
    runs.reload();
  };
  return (
    <Stack sx={{ gap: 2 }}>
      {schemes.state === 'ready' && versions.length === 0 ? (
        <Alert
          severity="info"
          action={
            <Button color="inherit" size="small" onClick={props.onEditSchemes} data-testid="eval-go-schemes">
              {t('eval.runs.toSchemes')}
            </Button>
          }
        >
          {t('eval.runs.noSchemes')}
        </Alert>
      ) : (
        <ComputeBar versions={versions} latestAsOf={props.latestAsOf} action={compute} onComputed={(r) => changed(r.id)} />
      )}
      {/* With no scheme yet, the alert above says what to do; an empty run list would only repeat it. */}
      {(versions.length > 0 || runList.length > 0) && <RunsTable runs={runList} selectedId={runId} onSelect={setChosen} />}
      {runId !== null && <RunView key={runId} runId={runId} onState={setViewState} onChanged={changed} />}
    </Stack>
  );
}
