import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiError, ApiResult } from '../../../shared/api/errors.js';
import { thrownToError } from '../api/query-state.js';
import { useT } from '../i18n/I18nProvider.js';
import { ErrorAlert } from './ErrorAlert.js';

/**
 * The dialog every hand edit uses: a form, Cancel and Save; Save calls the API, closes on success and shows the
 * refusal in place otherwise (the form keeps what was typed).
 */
export function SaveDialog(props: {
  title: string;
  children: ReactNode;
  save: () => Promise<ApiResult<unknown>>;
  onClose: () => void;
  onSaved: () => void;
  canSave: boolean;
  saveLabel?: string;
  testId: string;
  extraActions?: ReactNode;
}) {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = (): void => {
    setBusy(true);
    setError(null);
    props.save().then(
      (r) => {
        setBusy(false);
        if (!r.ok) return setError(r.error);
        props.onSaved();
        props.onClose();
      },
      (e: unknown) => {
        setBusy(false);
        setError(thrownToError(e));
      },
    );
  };
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="xs">
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          {props.children}
          {error !== null && <ErrorAlert error={error} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        {props.extraActions}
        <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={run} disabled={busy || !props.canSave} data-testid={props.testId}>
          {props.saveLabel ?? t('roster.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
