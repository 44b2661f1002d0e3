import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { PageState } from '../../api/query-state.js';
import { combineStates } from '../../api/query-state.js';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { CardBody } from './CardBody.js';
import { RunsTable } from './RunsTable.js';
import { StatusChip } from './StatusChip.js';
import { commentsOf } from './run-view.js';
import { useChildState } from './useChildState.js';
import { useRunActions } from './useRunActions.js';

/** One run as its client manager sees it: their own card, and 确认 while the run awaits acknowledgement. */
function OwnRun(props: { runId: number; onState: (s: PageState) => void; onChanged: () => void }) {
  const t = useT();
  const api = useApi();
  const detail = useApiQuery('evaluation.run', { runId: props.runId });
  const indicators = useApiQuery('targets.indicators', {});
  const d = detail.state === 'ready' ? detail.value : detail.latest;
  const actions = useRunActions(d?.run ?? null, detail.reload, props.onChanged);
  const [note, setNote] = useState('');
  const { onState } = props;
  const state = combineStates(detail.state, indicators.state === 'loading' ? 'loading' : 'ready', actions.busy ? 'loading' : 'ready');
  useEffect(() => onState(state), [onState, state]);

  if (detail.state === 'error') return <ErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (d === null) return null;
  const card = d.cards[0];
  if (card === undefined) return <Alert severity="info">{t('eval.mine.notIncluded')}</Alert>;
  const acknowledged = d.acknowledged.includes(card.managerId);
  return (
    <Stack sx={{ gap: 2 }} data-testid="eval-own-run" data-run-id={d.run.id} data-status={d.run.status} data-acknowledged={acknowledged}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h2" sx={{ fontSize: '1.15rem', fontWeight: 600 }}>
            {t('eval.card.title', { name: card.manager.name, staffNo: card.manager.staffNo, period: d.run.period })}
          </Typography>
          <StatusChip status={d.run.status} />
          <DownloadButton label={t('eval.download.sheet')} failedTitle={t('eval.download.failed')} testId="eval-own-sheet" fetch={() => api.call('evaluation.sheets', { runId: d.run.id, managerId: card.managerId })} />
        </Stack>
        {d.run.status === 'draft' && <Alert severity="info" sx={{ mt: 1.5 }}>{t('eval.mine.draft')}</Alert>}
        {acknowledged && (
          <Alert severity="success" sx={{ mt: 1.5 }} data-testid="eval-own-acknowledged">
            {t('eval.mine.acknowledged')}
          </Alert>
        )}
        {d.run.status === 'review' && !acknowledged && (
          <Stack direction="row" sx={{ gap: 1.5, mt: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField size="small" label={t('eval.mine.note')} value={note} onChange={(e) => setNote(e.target.value)} sx={{ flex: '1 1 280px' }} slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'eval-ack-note' } }} />
            <Button variant="contained" disabled={actions.busy} onClick={() => actions.acknowledge(note)} data-testid="eval-acknowledge">
              {t('eval.mine.acknowledge')}
            </Button>
          </Stack>
        )}
        {actions.error !== null && (
          <Stack sx={{ mt: 1.5 }}>
            <ErrorAlert error={actions.error} />
          </Stack>
        )}
      </Paper>
      <CardBody card={card} scheme={d.scheme} indicators={indicators.state === 'ready' ? indicators.value : []} comments={commentsOf(d.entries, card.managerId)} />
    </Stack>
  );
}

/** 我的考核: the runs that include the manager, newest first, and the chosen one's card. */
export function ManagerEvaluation(props: { onState: (s: PageState) => void }) {
  const runs = useApiQuery('evaluation.runs', { limit: 100 });
  const [chosen, setChosen] = useState<number | null>(null);
  const list = runs.state === 'ready' ? runs.value : (runs.latest ?? []);
  const runId = chosen ?? list[0]?.id ?? null;
  const [runState, setRunState] = useChildState(runId);
  const { onState } = props;
  const state = combineStates(runs.state, runId === null ? 'ready' : runState);
  useEffect(() => onState(state), [onState, state]);
  if (runs.state === 'error') return <ErrorAlert error={runs.error} onRetry={runs.reload} />;
  return (
    <Stack sx={{ gap: 2 }}>
      <RunsTable runs={list} selectedId={runId} onSelect={setChosen} compact />
      {runId !== null && <OwnRun key={runId} runId={runId} onState={setRunState} onChanged={runs.reload} />}
    </Stack>
  );
}
