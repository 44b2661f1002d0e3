import { Button } from '@mui/material';
import { useState } from 'react';
import type { ApiError, ApiResult } from '../../../shared/api/errors.js';
import type { ExportedFile } from '../../../shared/api/ops/import.js';
import { offerDownload } from '../api/download.js';
import { thrownToError } from '../api/query-state.js';
import { ErrorAlert } from './ErrorAlert.js';

/** A button that asks the API for a file and offers it as a download; a refusal is shown under it. */
export function DownloadButton(props: { label: string; failedTitle: string; testId: string; fetch: () => Promise<ApiResult<ExportedFile>> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = (): void => {
    setBusy(true);
    setError(null);
    props.fetch().then(
      (r) => {
        setBusy(false);
        if (r.ok) offerDownload(r.value);
        else setError(r.error);
      },
      (e: unknown) => {
        setBusy(false);
        setError(thrownToError(e));
      },
    );
  };
  return (
    <>
      <Button size="small" variant="outlined" disabled={busy} onClick={run} data-testid={props.testId}>
        {props.label}
      </Button>
      {error !== null && <ErrorAlert title={props.failedTitle} error={error} />}
    </>
  );
}
