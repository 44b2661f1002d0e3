import { Alert, AlertTitle, Button } from '@mui/material';
import type { ApiError } from '../../../shared/api/errors.js';
import { useT } from '../i18n/I18nProvider.js';

/** An API error as the user sees it: the server's (already localised) message, the code for support. */
export function ErrorAlert(props: { error: ApiError; title?: string; onRetry?: () => void }) {
  const t = useT();
  const { error, title, onRetry } = props;
  return (
    <Alert
      severity="error"
      data-testid="error-alert"
      data-error-code={error.code}
      action={
        onRetry === undefined ? undefined : (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    >
      {title !== undefined && <AlertTitle>{title}</AlertTitle>}
      {error.message === '' ? error.code : error.message}
    </Alert>
  );
}
