import { Button } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import PublishIcon from '@mui/icons-material/Publish';
import { useEffect } from 'react';
import { useApi } from '../../api/ApiProvider.js';
import { combineStates } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { DecompositionBody } from './DecompositionBody.js';
import type { LineageContext } from './DecompositionTab.js';
import { cellOf, locksOf, paramsInput } from './grid-view.js';
import { useAction } from '../../api/useAction.js';

/**
 * A stored decomposition. A draft is edited on the server (every lock or figure re-balances there and is stored);
 * a published or superseded version is read-only and can only start a new draft.
 */
export function StoredPlanView(props: { ctx: LineageContext; planId: number; isCurrent: boolean; onCurrent: () => void }) {
  const t = useT();
  const api = useApi();
  const { ctx, planId } = props;
  const query = useApiQuery('targets.plan', { planId });
  const value = query.state === 'ready' ? query.value : query.latest;
  const action = useAction();
  const { onState } = ctx;
  useEffect(() => onState(combineStates(query.state, action.busy ? 'loading' : 'ready')), [onState, query.state, action.busy]);
  if (query.state === 'error') return <ErrorAlert error={query.error} onRetry={query.reload} />;
  if (value === null) return null;
  const draft = value.plan.status === 'draft';
  const locks = locksOf(value.rows);

  const newVersion = () => void action.run(() => api.call('targets.saveDecomposition', { ...paramsInput(value.params), locks }), ctx.reloadPlans);
  const publish = () => void action.run(() => api.call('targets.publish', { planId }), () => (ctx.reloadPlans(), query.reload()));
  const discard = () => void action.run(() => api.call('targets.discard', { planId }), ctx.reloadPlans);
  return (
    <DecompositionBody
      ctx={ctx}
      value={value}
      plan={value.plan}
      editable={draft}
      busy={action.busy}
      error={action.error}
      onSettings={(s) => void action.run(() => api.call('targets.saveDecomposition', { ...paramsInput(value.params), ...s, locks }), () => query.reload())}
      onLock={(row, period, locked) => action.run(() => api.call('targets.setCell', { planId, ...cellOf(row, period), locked }), () => query.reload())}
      onEdit={(row, period, v) => action.run(() => api.call('targets.setCell', { planId, ...cellOf(row, period), value: v }), () => query.reload())}
      actions={
        draft ? (
          <>
            <Button variant="contained" startIcon={<PublishIcon />} onClick={publish} disabled={action.busy} data-testid="targets-publish">
              {t('targets.action.publish')}
            </Button>
            <Button color="error" startIcon={<DeleteIcon />} onClick={discard} disabled={action.busy} data-testid="targets-discard">
              {t('targets.action.discard')}
            </Button>
          </>
        ) : (
          <>
            {value.plan.status === 'published' && props.isCurrent && (
              <Button variant="contained" startIcon={<EditIcon />} onClick={newVersion} disabled={action.busy} data-testid="targets-new-version">
                {t('targets.action.newVersion')}
              </Button>
            )}
            {!props.isCurrent && <Button onClick={props.onCurrent}>{t('targets.action.current')}</Button>}
          </>
        )
      }
    />
  );
}
