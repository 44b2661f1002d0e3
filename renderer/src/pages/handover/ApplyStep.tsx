import { Alert, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { ApiResult } from '../../../../shared/api/errors.js';
import type { HandoverPlan } from '../../../../shared/assignment/handover.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { PlanSummary } from './PlanSummary.js';

/** Step 4: the handover in one sentence, what stays behind, and the confirmation that applies it. */
export function ApplyStep(props: { plan: HandoverPlan; confirming: boolean; onClose: () => void; apply: (reason: string) => Promise<ApiResult<unknown>> }) {
  const t = useT();
  const { locale } = useLocale();
  const { plan } = props;
  const n = (v: number): string => formatCount(v, locale);
  const receivers = plan.receivers.map((r) => t('handover.apply.receiverItem', { name: `${r.name}（${r.code}）`, count: n(r.clientsReceived) })).join(t('handover.listSeparator'));
  return (
    <>
      <Typography data-testid="handover-apply-summary">
        {t('handover.apply.summary', { from: plan.from, leaver: `${plan.leaving.name}（${plan.leaving.code}）`, clients: n(plan.totals.clients), tasks: n(plan.totals.tasks), receivers })}
      </Typography>
      {plan.totals.unplaced > 0 && (
        <Alert severity="warning" data-testid="handover-apply-unplaced">
          {t('handover.apply.unplaced', { count: n(plan.totals.unplaced) })}
        </Alert>
      )}
      <PlanSummary plan={plan} />
      {props.confirming && <ConfirmDialog plan={plan} apply={props.apply} onClose={props.onClose} />}
    </>
  );
}

/** The reason goes with the change record (and the printed sheet); the dialog closes only when the apply succeeds. */
function ConfirmDialog(props: { plan: HandoverPlan; apply: (reason: string) => Promise<ApiResult<unknown>>; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [reason, setReason] = useState('');
  const { plan } = props;
  return (
    <SaveDialog
      title={t('handover.apply.title')}
      testId="handover-apply-confirm"
      saveLabel={t('handover.apply.confirm')}
      canSave
      onClose={props.onClose}
      onSaved={() => undefined}
      save={() => props.apply(reason)}
    >
      <Typography>{t('handover.apply.body', { clients: formatCount(plan.totals.clients, locale), tasks: formatCount(plan.totals.tasks, locale), from: plan.from })}</Typography>
      <TextField label={t('handover.apply.reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'handover-apply-reason' } }} />
    </SaveDialog>
  );
}
