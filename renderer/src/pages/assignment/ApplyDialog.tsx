import { Alert, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { ApiResult } from '../../../../shared/api/errors.js';
import type { AssignmentPreview } from '../../../../shared/assignment/rules.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';

/**
 * 应用: confirms how many clients move and from when, asks for an optional reason for the record. `apply` reports
 * its own result (the change id), so the dialog only closes on success and shows a refusal in place.
 */
export function ApplyDialog(props: { preview: AssignmentPreview; apply: (reason: string) => Promise<ApiResult<unknown>>; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { preview } = props;
  const [reason, setReason] = useState('');
  return (
    <SaveDialog
      title={t('rules.apply.title')}
      testId="rules-apply-confirm"
      saveLabel={t('rules.apply.confirm')}
      canSave
      onClose={props.onClose}
      onSaved={() => undefined}
      save={() => props.apply(reason)}
    >
      <Typography data-testid="rules-apply-body" data-moves={preview.moves.length}>
        {t('rules.apply.body', { count: formatCount(preview.moves.length, locale), asOf: preview.asOf })}
      </Typography>
      {!preview.feasible && <Alert severity="warning">{t('rules.apply.bestEffort')}</Alert>}
      <TextField label={t('rules.apply.reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'rules-apply-reason' } }} />
    </SaveDialog>
  );
}
