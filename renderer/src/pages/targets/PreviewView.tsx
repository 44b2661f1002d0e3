import { Button } from '@mui/material';
import SaveIcon from '@mui/icons-material/Save';
import { useEffect, useState } from 'react';
import type { CellLock, GridRow } from '../../../../shared/targets/decomposition.js';
import { useApi } from '../../api/ApiProvider.js';
import { combineStates } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { DecompositionBody } from './DecompositionBody.js';
import type { LineageContext } from './DecompositionTab.js';
import { cellOf, withLock } from './grid-view.js';
import type { SettingsValue } from './SettingsBar.js';
import { useAction } from '../../api/useAction.js';

/** A decomposition not stored yet: settings and locks live in the page until "Save draft". */
export function PreviewView(props: { ctx: LineageContext; settings: SettingsValue; onSettings: (s: SettingsValue) => void; dataAsOf: string | null }) {
  const t = useT();
  const api = useApi();
  const { ctx, settings } = props;
  const [locks, setLocks] = useState<CellLock[]>([]);
  const action = useAction();
  const input = { year: ctx.year, indicatorId: ctx.indicator.id, orgUnitId: ctx.rootId, ...settings, locks };
  const preview = useApiQuery('targets.decompose', input);
  const value = preview.state === 'ready' ? preview.value : preview.latest;
  const { onState } = ctx;
  useEffect(() => onState(combineStates(preview.state, action.busy ? 'loading' : 'ready')), [onState, preview.state, action.busy]);

  // A lock is kept only when the grid can still be solved with it; the refusal shows in the cell's dialog.
  const tryLocks = (next: CellLock[]) => action.run(() => api.call('targets.decompose', { ...input, locks: next }), () => setLocks(next));
  const setCell = (row: GridRow, period: string, v: number | null) => tryLocks(withLock(locks, cellOf(row, period), v));
  const save = () => void action.run(() => api.call('targets.saveDecomposition', input), () => ctx.reloadPlans());

  return (
    <>
      {preview.state === 'error' && <ErrorAlert error={preview.error} onRetry={preview.reload} />}
      {value !== null && (
        <DecompositionBody
          ctx={ctx}
          value={value}
          plan={null}
          editable
          busy={action.busy}
          error={action.error}
          onSettings={(s) =>
            // Locks stay when the new settings can keep them; otherwise they are released with the change.
            void api.call('targets.decompose', { ...input, ...s }).then((r) => {
              if (!r.ok) setLocks([]);
              props.onSettings(s);
            })
          }
          onLock={(row, period, locked) => setCell(row, period, locked ? (row.values[period] ?? 0) : null)}
          onEdit={(row, period, v) => setCell(row, period, v)}
          actions={
            <Button variant="contained" startIcon={<SaveIcon />} onClick={save} disabled={action.busy} data-testid="targets-save">
              {t('targets.action.save')}
            </Button>
          }
        />
      )}
    </>
  );
}
