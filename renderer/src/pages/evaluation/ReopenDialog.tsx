import { Alert, TextField } from '@mui/material';
import { useState } from 'react';
import type { ApiResult } from '../../../../shared/api/errors.js';
import { SaveDialog } from '../../components/SaveDialog.js';
import { useT } from '../../i18n/I18nProvider.js';

/** The server keeps reasons of 4 to 500 characters; the button waits for one. */
const MIN_REASON = 4;

/** 重新打开: a locked run goes back to draft only with a written reason, kept in the trail and the audit log. */
export function ReopenDialog(props: { onClose: () => void; reopen: (reason: string) => Promise<ApiResult<unknown>> }) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <SaveDialog
      title={t('eval.reopen.title')}
      testId="eval-reopen-save"
      saveLabel={t('eval.reopen.save')}
      canSave={reason.trim().length >= MIN_REASON}
      onClose={props.onClose}
      onSaved={() => undefined}
      save={() => props.reopen(reason.trim())}
    >
      <Alert severity="warning">{t('eval.reopen.warning')}</Alert>
      <TextField
        label={t('eval.reopen.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        multiline
        minRows={2}
        helperText={t('eval.reopen.hint', { min: MIN_REASON })}
        slotProps={{ htmlInput: { 'data-testid': 'eval-reopen-reason', maxLength: 500 } }}
      />
    </SaveDialog>
  );
}
