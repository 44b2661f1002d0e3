import { Alert, Box, FormControl, FormControlLabel, FormLabel, List, ListItem, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import type { ImportPlan } from '../../../../shared/api/ops/import.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import type { MessageKey } from '../../i18n/messages.js';
import { groupByColumn } from './errors.js';
import { ExportErrorsButton } from './ExportErrorsButton.js';
import { JobProgress } from './JobProgress.js';
import { planInput } from './wizard-inputs.js';
import type { OpInput } from '../../../../shared/api/index.js';
import type { ImportWizard } from './useImportWizard.js';
import type { OnError } from './wizard-state.js';

const COUNTS = ['inserted', 'updated', 'unchanged', 'rejected'] as const;
const countKey = (key: (typeof COUNTS)[number]): MessageKey => `import.count.${key}`;

/** Step 4: what a commit would do, computed over the whole file; and what to do with bad rows. */
export function PlanStep(props: { wizard: ImportWizard }) {
  const t = useT();
  const { plan, planCurrent, retryPlan, state, dispatch } = props.wizard;
  const job = plan.state;
  const ready = planCurrent && job.status === 'done';
  return (
    <Stack sx={{ gap: 2 }} data-testid="import-step-plan-body" data-state={ready ? 'ready' : job.status === 'failed' ? 'error' : 'loading'}>
      {job.status === 'running' && (
        <JobProgress
          testId="plan-progress"
          progress={job.progress}
          startedAt={plan.startedAt}
          total={null}
          cancelling={job.cancelling}
          onCancel={plan.cancel}
          cancelTestId="plan-cancel"
        />
      )}
      {job.status === 'failed' && <ErrorAlert title={t('import.plan.failed')} error={job.error} onRetry={retryPlan} />}
      {ready && <PlanSummary plan={job.value} exportInput={planInput(state)} />}
      {ready && (
        <FormControl>
          <FormLabel id="import-on-error-label">{t('import.onError.label')}</FormLabel>
          <RadioGroup
            row
            aria-labelledby="import-on-error-label"
            value={state.onError}
            onChange={(e) => dispatch({ type: 'onErrorChosen', onError: e.target.value as OnError })}
            data-testid="import-on-error"
          >
            <FormControlLabel value="reject" control={<Radio />} label={t('import.onError.reject')} data-testid="import-on-error-reject" />
            <FormControlLabel value="skip" control={<Radio />} label={t('import.onError.skip')} data-testid="import-on-error-skip" />
          </RadioGroup>
          {job.value.rejected > 0 && (
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {t(state.onError === 'reject' ? 'import.onError.rejectHint' : 'import.onError.skipHint', { count: job.value.rejected })}
            </Typography>
          )}
        </FormControl>
      )}
    </Stack>
  );
}

function PlanSummary(props: { plan: ImportPlan; exportInput: OpInput<'import.errorsExport'> | null }) {
  const t = useT();
  const { locale } = useLocale();
  const { plan } = props;
  const n = (v: number): string => formatCount(v, locale);
  const groups = groupByColumn(plan.errors);
  const { control } = plan;
  return (
    <Stack sx={{ gap: 2 }} data-testid="import-plan" data-rejected={plan.rejected} data-inserted={plan.inserted}>
      <Typography>{t('import.plan.rowsRead', { rows: n(plan.rowsRead) })}</Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(120px, 180px))', gap: 2 }}>
        {COUNTS.map((key) => (
          <Box key={key} sx={{ p: 1.5, border: 1, borderColor: key === 'rejected' && plan[key] > 0 ? 'error.main' : 'divider', borderRadius: 1 }}>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {t(countKey(key))}
            </Typography>
            <Typography
              variant="h5"
              component="p"
              sx={{ fontVariantNumeric: 'tabular-nums', color: key === 'rejected' && plan[key] > 0 ? 'error.main' : undefined }}
              data-testid={`plan-count-${key}`}
            >
              {n(plan[key])}
            </Typography>
          </Box>
        ))}
      </Box>
      <Alert severity={control.expectedRows === null ? 'info' : control.ok ? 'success' : 'error'} data-testid="plan-control" data-ok={control.ok}>
        {control.expectedRows === null
          ? t('import.plan.controlNone')
          : t(control.ok ? 'import.plan.controlOk' : 'import.plan.controlBad', { expected: n(control.expectedRows), rows: n(plan.rowsRead) })}
      </Alert>
      {plan.sameFile !== null && (
        <Alert severity="warning" data-testid="plan-same-file">
          {t('import.sameFile', { id: plan.sameFile.id, file: plan.sameFile.fileName })}
        </Alert>
      )}
      {/* A same-file plan also names its own batch as superseded; only a different batch is news. */}
      {plan.supersedes !== null && plan.supersedes.id !== plan.sameFile?.id && (
        <Alert severity="info" data-testid="plan-supersedes">
          {t('import.plan.supersedes', { id: plan.supersedes.id, file: plan.supersedes.fileName, version: plan.supersedes.version })}
        </Alert>
      )}
      {plan.errors.length > 0 && (
        <Box data-testid="plan-errors">
          <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
            <Typography variant="subtitle2">{t('import.plan.errorsTitle', { count: n(plan.errorCount) })}</Typography>
            {props.exportInput !== null && <ExportErrorsButton input={props.exportInput} testId="plan-export-errors" />}
          </Stack>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {groups.map((g) => t('import.plan.errorGroup', { column: g.column, count: n(g.count), records: g.records.join(', ') })).join('；')}
          </Typography>
          <List dense disablePadding>
            {plan.errors.slice(0, 20).map((e, i) => (
              <ListItem key={i} disableGutters sx={{ color: 'error.main' }} data-testid="plan-error" data-record={e.record}>
                {t('import.errorLine', { record: e.record, column: e.column, reason: pickText(e.reason, locale) })}
              </ListItem>
            ))}
          </List>
        </Box>
      )}
    </Stack>
  );
}
