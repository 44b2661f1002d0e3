import { Alert, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { PageState } from '../../api/query-state.js';
import { combineStates } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { CardDialog } from './CardDialog.js';
import { DiffPanel } from './DiffPanel.js';
import { RunActionsBar } from './RunActionsBar.js';
import { ScoresTable } from './ScoresTable.js';
import { StatusChip } from './StatusChip.js';
import { TrailList } from './TrailList.js';
import { pendingCount } from './run-view.js';
import { useRunActions } from './useRunActions.js';

/**
 * One run: its managers' scores, the workflow buttons its status allows, the lock diff, the sign-off trail; a click
 * on a manager opens their card with the hand calculation and, in a draft, the supervisor's entries.
 */
export function RunView(props: { runId: number; onState: (s: PageState) => void; onChanged: (runId: number) => void }) {
  const t = useT();
  const detail = useApiQuery('evaluation.run', { runId: props.runId });
  const d = detail.state === 'ready' ? detail.value : detail.latest;
  const indicators = useApiQuery('targets.indicators', {});
  const actions = useRunActions(d?.run ?? null, detail.reload, props.onChanged);
  const [open, setOpen] = useState<number | null>(null);
  const { onState } = props;
  const state = combineStates(detail.state, indicators.state === 'loading' ? 'loading' : 'ready', actions.busy ? 'loading' : 'ready');
  useEffect(() => onState(state), [onState, state]);

  if (detail.state === 'error') return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (d === null) return null;
  const { run } = d;
  const pending = pendingCount(d.cards);
  return (
    <Stack sx={{ gap: 2 }} data-testid="eval-run" data-run-id={run.id} data-status={run.status} data-pending={pending}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap', mb: 1.5 }}>
          <Typography variant="h2" sx={{ fontSize: '1.15rem', fontWeight: 600 }}>
            {t('eval.run.title', { id: run.id, name: run.schemeName, code: run.schemeCode, version: run.schemeVersion, period: run.period })}
          </Typography>
          <StatusChip status={run.status} />
          <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="eval-run-complete" data-complete={run.complete} data-managers={run.managers}>
            {t('eval.run.complete', { complete: run.complete, managers: run.managers })}
          </Typography>
        </Stack>
        <RunActionsBar run={run} actions={actions} />
        {actions.error !== null && (
          <Stack sx={{ mt: 1.5 }}>
            <ErrorAlert error={actions.error} />
          </Stack>
        )}
      </Paper>
      {run.status === 'draft' && pending > 0 && (
        <Alert severity="info" data-testid="eval-pending">
          {t('eval.run.pending', { count: pending })}
        </Alert>
      )}
      {run.status === 'locked' && (
        <Alert severity="success" variant="outlined">
          {t('eval.run.lockedNote', { by: run.lockedBy ?? '', at: (run.lockedAt ?? '').slice(0, 16).replace('T', ' ') })}
        </Alert>
      )}
      {actions.diff !== null && <DiffPanel diff={actions.diff} detail={d} onClose={actions.closeDiff} />}
      <ScoresTable scheme={d.scheme} cards={d.cards} acknowledged={d.acknowledged} onOpen={setOpen} testId="eval-scores" />
      <TrailList trail={d.trail} cards={d.cards} />
      {open !== null && <CardDialog detail={d} managerId={open} indicators={indicators.state === 'ready' ? indicators.value : []} actions={actions} onMove={setOpen} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
