import { Alert, Box, Button, LinearProgress } from '@mui/material';
import { useState } from 'react';
import type { HandoverPlan, HandoverRequestInput } from '../../../../shared/assignment/handover.js';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ApplyStep } from './ApplyStep.js';
import { PlanPreview } from './PlanPreview.js';
import { WizardNav } from './WizardNav.js';
import { isEmptyPlan } from './handover-view.js';
import type { HandoverWizard } from './useHandoverWizard.js';

/**
 * Steps 3 and 4 around one `handover.plan` read: the preview shows it, the confirmation summarises it. The
 * marker `data-state` says whether the plan on screen belongs to the request (tests and screen readers wait on it).
 */
export function PlanStage(props: { wizard: HandoverWizard; request: HandoverRequestInput; step: 'preview' | 'apply' }) {
  const t = useT();
  const api = useApi();
  const { wizard, request, step } = props;
  const plan = useApiQuery('handover.plan', request);
  const [confirming, setConfirming] = useState(false);
  const p: HandoverPlan | null = plan.state === 'ready' ? plan.value : null;
  const back = (): void => wizard.dispatch({ type: 'go', step: step === 'apply' ? 'preview' : 'receivers' });
  const draftSheet =
    p === null || isEmptyPlan(p) ? null : (
      <DownloadButton label={t('handover.draftSheet')} failedTitle={t('handover.sheetFailed')} testId="handover-draft-sheet" fetch={() => api.call('handover.sheet', { draft: request })} />
    );
  return (
    <Box
      data-testid="handover-plan"
      data-state={plan.state}
      data-clients={p?.totals.clients ?? ''}
      data-unplaced={p?.totals.unplaced ?? ''}
      data-feasible={p === null ? '' : String(p.feasible)}
      sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}
    >
      <Box sx={{ height: 4 }}>{plan.state === 'loading' && <LinearProgress />}</Box>
      {plan.state === 'error' && <ErrorAlert error={plan.error} onRetry={plan.reload} />}
      {p !== null && isEmptyPlan(p) && (
        <Alert severity="info" data-testid="handover-empty">
          {t('handover.empty', { name: `${p.leaving.name}（${p.leaving.code}）`, from: p.from })}
        </Alert>
      )}
      {p !== null && !isEmptyPlan(p) && step === 'preview' && <PlanPreview plan={p} />}
      {p !== null && !isEmptyPlan(p) && step === 'apply' && <ApplyStep plan={p} confirming={confirming} onClose={() => setConfirming(false)} apply={wizard.apply} />}
      <WizardNav
        onBack={back}
        blocker={null}
        canNext={p !== null && !isEmptyPlan(p)}
        {...(step === 'preview' ? { onNext: () => wizard.dispatch({ type: 'go', step: 'apply' }) } : {})}
        action={
          <>
            {draftSheet}
            {step === 'apply' && p !== null && !isEmptyPlan(p) && (
              <Button variant="contained" color="warning" onClick={() => setConfirming(true)} data-testid="handover-apply-open">
                {t('handover.apply.open')}
              </Button>
            )}
          </>
        }
      />
    </Box>
  );
}
