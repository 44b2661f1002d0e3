import { Alert, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import { useApi } from '../../api/ApiProvider.js';
import { combineStates } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ChangesTable } from './ChangesTable.js';
import { RulesPanel } from './RulesPanel.js';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * 管户分配: rule-based assignment (规则分配: rules, preview, apply) above the record of assignment changes (who moved
 * whom, when, why), each undoable as a whole. Single clients are assigned from the client list (select, 分配给…);
 * rule runs and handovers land in the same record.
 */
export function AssignmentPage() {
  const t = useT();
  const api = useApi();
  const changes = useApiQuery('assignment.changes', { limit: 100 });
  // The rules default to the latest data date: the day the balances (and so the scores and tiers) describe.
  const summary = useApiQuery('system.summary', {});
  const units = useApiQuery('org.tree', {});
  const [error, setError] = useState<ApiError | null>(null);
  const [appliedId, setAppliedId] = useState<number | null>(null);
  const undo = (id: number): void => {
    void api.call('assignment.undo', { changeId: id }).then((r) => {
      setError(r.ok ? null : r.error);
      changes.reload();
    });
  };
  const rows = changes.state === 'ready' ? changes.value : (changes.latest ?? []);
  const setupReady = summary.state === 'ready' && units.state === 'ready';
  const undone = useMemo(() => new Set(rows.filter((c) => c.undoneBy !== null).map((c) => c.id)), [rows]);
  return (
    <PageRoot page="assignment" state={combineStates(changes.state, summary.state, units.state)}>
      {summary.state === 'error' && <ErrorAlert error={summary.error} onRetry={summary.reload} />}
      {units.state === 'error' && <ErrorAlert error={units.error} onRetry={units.reload} />}
      {setupReady && (
        <RulesPanel
          defaultAsOf={summary.value.latestAsOf ?? today()}
          units={units.value}
          undoneChangeIds={undone}
          onApplied={(changeId) => {
            setAppliedId(changeId);
            changes.reload();
          }}
        />
      )}
      <Typography variant="h2" sx={{ fontSize: '1.15rem', fontWeight: 600, mt: 1 }}>
        {t('assign.changes.title')}
      </Typography>
      <Typography sx={{ color: 'text.secondary', mt: -1.5 }}>{t('assign.changes.intro')}</Typography>
      {changes.state === 'error' && <ErrorAlert error={changes.error} onRetry={changes.reload} />}
      {error !== null && <ErrorAlert error={error} />}
      {changes.state === 'ready' && rows.length === 0 && <Alert severity="info">{t('assign.changes.empty')}</Alert>}
      {rows.length > 0 && <ChangesTable rows={rows} highlightId={appliedId} onUndo={undo} />}
    </PageRoot>
  );
}
