import { Button, Stack, Tooltip } from '@mui/material';
import { useState } from 'react';
import type { EvaluationRunInfo } from '../../../../shared/api/ops/evaluation.js';
import { useApi } from '../../api/ApiProvider.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ReopenDialog } from './ReopenDialog.js';
import type { RunActions } from './useRunActions.js';

/**
 * What a supervisor may do with the run in its status: a draft is recomputed and sent for acknowledgement once
 * every total is known; a run under acknowledgement is locked; a locked run is checked against the data now and,
 * with a written reason, reopened. The sheets and the summary workbook download in any status.
 */
export function RunActionsBar(props: { run: EvaluationRunInfo; actions: RunActions }) {
  const t = useT();
  const api = useApi();
  const { run, actions } = props;
  const [reopening, setReopening] = useState(false);
  const incomplete = run.complete < run.managers;
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      {run.status === 'draft' && (
        <>
          <Button size="small" variant="outlined" disabled={actions.busy} onClick={actions.recompute} data-testid="eval-recompute">
            {t('eval.action.recompute')}
          </Button>
          <Tooltip title={incomplete ? t('eval.action.reviewIncomplete') : ''}>
            <span>
              <Button size="small" variant="contained" disabled={actions.busy || incomplete} onClick={actions.review} data-testid="eval-review">
                {t('eval.action.review')}
              </Button>
            </span>
          </Tooltip>
        </>
      )}
      {run.status === 'review' && (
        <Button size="small" variant="contained" disabled={actions.busy} onClick={actions.lock} data-testid="eval-lock">
          {t('eval.action.lock')}
        </Button>
      )}
      {run.status === 'locked' && (
        <>
          <Button size="small" variant="outlined" disabled={actions.busy} onClick={actions.checkDiff} data-testid="eval-diff">
            {t('eval.action.diff')}
          </Button>
          <Button size="small" variant="outlined" color="warning" disabled={actions.busy} onClick={() => setReopening(true)} data-testid="eval-reopen">
            {t('eval.action.reopen')}
          </Button>
        </>
      )}
      <DownloadButton label={t('eval.download.sheets')} failedTitle={t('eval.download.failed')} testId="eval-sheets" fetch={() => api.call('evaluation.sheets', { runId: run.id })} />
      <DownloadButton label={t('eval.download.workbook')} failedTitle={t('eval.download.failed')} testId="eval-workbook" fetch={() => api.call('evaluation.workbook', { runId: run.id })} />
      {reopening && <ReopenDialog onClose={() => setReopening(false)} reopen={actions.reopen} />}
    </Stack>
  );
}
