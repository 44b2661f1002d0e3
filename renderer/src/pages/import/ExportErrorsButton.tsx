import { Button } from '@mui/material';
import { useState } from 'react';
import type { OpInput } from '../../../../shared/api/index.js';
import type { ApiError } from '../../../../shared/api/errors.js';
import { useApi } from '../../api/ApiProvider.js';
import { offerDownload } from '../../api/download.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';

/** Downloads the full error list (every row, not just those shown) as an .xlsx workbook. */
export function ExportErrorsButton(props: { input: OpInput<'import.errorsExport'>; testId: string }) {
  const t = useT();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = (): void => {
    setBusy(true);
    setError(null);
    api.call('import.errorsExport', props.input).then(
      (r) => {
        setBusy(false);
        if (r.ok) offerDownload(r.value);
        else setError(r.error);
      },
      (e: unknown) => {
        setBusy(false);
        setError({ code: 'INTERNAL', message: String(e) });
      },
    );
  };
  return (
    <>
      <Button size="small" variant="outlined" disabled={busy} onClick={run} data-testid={props.testId}>
        {t('import.exportErrors')}
      </Button>
      {error !== null && <ErrorAlert title={t('import.exportErrorsFailed')} error={error} />}
    </>
  );
}
