import { Alert, AlertTitle, Box, Button, List, ListItem, Stack, Typography } from '@mui/material';
import type { ApiError } from '../../../../shared/api/errors.js';
import type { ImportBatchInfo } from '../../../../shared/api/ops/import.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import type { MessageKey } from '../../i18n/messages.js';
import { hrefFor } from '../../routing/routes.js';
import { problemsOf } from './errors.js';
import { JobProgress } from './JobProgress.js';
import { formatDuration } from './rate.js';
import { kindLabel } from './labels.js';
import type { ImportWizard } from './useImportWizard.js';

const COUNTS = ['rowsRead', 'inserted', 'updated', 'unchanged', 'rejected'] as const;
const countKey = (key: (typeof COUNTS)[number]): MessageKey => `import.count.${key}`;
const MAX_PROBLEMS = 50;

/** Step 5: the commit itself, then its outcome. */
export function RunStep(props: { wizard: ImportWizard }) {
  const t = useT();
  const { commit, plan, planCurrent } = props.wizard;
  const job = commit.state;
  const total = planCurrent && plan.state.status === 'done' ? plan.state.value.rowsRead : null;
  return (
    <Stack sx={{ gap: 2 }} data-testid="import-step-run-body" data-job={job.status}>
      {job.status === 'running' && (
        <JobProgress
          testId="import-progress"
          progress={job.progress}
          startedAt={commit.startedAt}
          total={total}
          cancelling={job.cancelling}
          onCancel={commit.cancel}
          cancelTestId="import-cancel"
        />
      )}
      {job.status === 'done' && <Summary batch={job.value} />}
      {job.status === 'cancelled' && (
        <Alert severity="info" data-testid="import-cancelled">
          {t('import.run.cancelled')}
        </Alert>
      )}
      {job.status === 'failed' && <RunError error={job.error} />}
    </Stack>
  );
}

function Summary(props: { batch: ImportBatchInfo }) {
  const t = useT();
  const { locale } = useLocale();
  const { batch } = props;
  const seconds = (Date.parse(batch.finishedAt) - Date.parse(batch.startedAt)) / 1000;
  return (
    <Alert
      severity={batch.noop === true ? 'info' : 'success'}
      data-testid="import-summary"
      data-batch-id={batch.id}
      data-inserted={batch.inserted}
      data-rejected={batch.rejected}
      action={
        <Button color="inherit" size="small" href={hrefFor('dashboard')}>
          {t('import.run.openDashboard')}
        </Button>
      }
    >
      <AlertTitle>
        {batch.noop === true
          ? t('import.run.noop', { id: batch.id })
          : t('import.run.done', {
              id: batch.id,
              kind: kindLabel(batch.kind, locale),
              time: Number.isFinite(seconds) ? formatDuration(seconds * 1000) : '—',
            })}
      </AlertTitle>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 3, rowGap: 0.25, m: 0, width: 'max-content' }}>
        {COUNTS.map((key) => (
          <Box key={key} sx={{ display: 'contents' }}>
            <Box component="dt">{t(countKey(key))}</Box>
            <Box component="dd" sx={{ m: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }} data-testid={`import-summary-${key}`}>
              {formatCount(batch[key], locale)}
            </Box>
          </Box>
        ))}
      </Box>
    </Alert>
  );
}

function RunError(props: { error: ApiError }) {
  const t = useT();
  const problems = problemsOf(props.error);
  return (
    <Box data-testid="import-error" data-error-code={props.error.code}>
      <ErrorAlert title={t('import.run.failed')} error={props.error} />
      {problems.length > 0 && (
        <Box sx={{ mt: 1 }}>
          <Typography variant="subtitle2">{t('import.run.problems', { count: problems.length })}</Typography>
          <List dense disablePadding>
            {problems.slice(0, MAX_PROBLEMS).map((p, i) => (
              <ListItem key={i} disableGutters sx={{ color: 'error.main' }} data-testid="import-problem">
                {[
                  p.file,
                  p.row === undefined ? undefined : t('import.run.problemRow', { row: p.row }),
                  p.column,
                  p.value === undefined ? undefined : `“${p.value}”`,
                  p.message,
                ]
                  .filter((x): x is string => x !== undefined && x !== '')
                  .join(' · ')}
              </ListItem>
            ))}
          </List>
        </Box>
      )}
    </Box>
  );
}
