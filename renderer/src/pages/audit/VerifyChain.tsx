import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import type { AuditVerifyReport } from '../../../../shared/api/ops/audit.js';
import { useApi } from '../../api/ApiProvider.js';
import { thrownToError } from '../../api/query-state.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { verifyText } from './audit-view.js';

export type VerifyState = { status: 'idle' | 'running' } | { status: 'done'; report: AuditVerifyReport } | { status: 'error'; error: ApiError };

/** 校验审计链: the button and its answer sit apart (button among the actions, answer full width below). */
export function useVerifyChain(): { state: VerifyState; run: () => void; dismiss: () => void } {
  const api = useApi();
  const [state, setState] = useState<VerifyState>({ status: 'idle' });
  const run = (): void => {
    setState({ status: 'running' });
    api.call('audit.verify', {}).then(
      (r) => setState(r.ok ? { status: 'done', report: r.value } : { status: 'error', error: r.error }),
      (e: unknown) => setState({ status: 'error', error: thrownToError(e) }),
    );
  };
  return { state, run, dismiss: () => setState({ status: 'idle' }) };
}

export function VerifyChainButton(props: { state: VerifyState; onRun: () => void }) {
  const t = useT();
  const running = props.state.status === 'running';
  return (
    <Button variant="outlined" size="small" disabled={running} onClick={props.onRun} data-testid="audit-verify-run" data-status={props.state.status}>
      {running ? t('audit.verifying') : t('audit.verify')}
    </Button>
  );
}

/** The whole chain is recomputed on the main process; the answer names the first broken entry, if any. */
export function VerifyChainResult(props: { state: VerifyState; onDismiss: () => void }) {
  const t = useT();
  const { state } = props;
  if (state.status === 'error') return <ErrorAlert title={t('audit.verifyFailed')} error={state.error} />;
  if (state.status !== 'done') return null;
  return (
    <Alert severity={state.report.ok ? 'success' : 'error'} data-testid="audit-verify-result" data-ok={state.report.ok} onClose={props.onDismiss}>
      {verifyText(state.report, t)}
    </Alert>
  );
}
