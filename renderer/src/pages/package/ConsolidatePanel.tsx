import { Alert, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import type { ConsolidationImportResult } from '../../../../shared/api/ops/package.js';
import { useApi } from '../../api/ApiProvider.js';
import { combineStates } from '../../api/query-state.js';
import type { PageState } from '../../api/query-state.js';
import { useAction } from '../../api/useAction.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ConsolidatedView } from './ConsolidatedView.js';
import type { LoadedKey } from './KeyPanel.js';
import { PickFilesButton } from './PickFilesButton.js';
import { fileBase64 } from './file-bytes.js';

type Outcome = { file: string; result: ConsolidationImportResult } | { file: string; error: ApiError };

/**
 * 汇总: packages of lower units imported one by one (each verified by the server first; a refused one says why),
 * then the consolidated ranking and institution results of a period.
 */
export function ConsolidatePanel(props: { keyFile: LoadedKey | null; onState: (s: PageState) => void }) {
  const t = useT();
  const api = useApi();
  const packages = useApiQuery('consolidation.packages', {});
  const action = useAction();
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [period, setPeriod] = useState<string | null>(null);
  const [viewState, setViewState] = useState<PageState>('ready');
  const periods = [...new Set((packages.latest ?? []).map((p) => p.period))].sort().reverse();
  const shown = period !== null && periods.includes(period) ? period : (periods[0] ?? null);
  const { onState } = props;
  const state = combineStates(action.busy ? 'loading' : 'ready', packages.state, shown === null ? 'ready' : viewState);
  useEffect(() => onState(state), [onState, state]);

  const importAll = (files: File[]): void => {
    setOutcomes([]);
    const keySecret = props.keyFile?.text;
    void action.run(async () => {
      const done: Outcome[] = [];
      for (const file of files) {
        const r = await api.call('consolidation.import', { fileName: file.name, base64: await fileBase64(file), ...(keySecret === undefined ? {} : { keySecret }) });
        done.push(r.ok ? { file: file.name, result: r.value } : { file: file.name, error: r.error });
        setOutcomes([...done]);
        if (r.ok) setPeriod(r.value.package.period);
      }
      packages.reload();
      return { ok: true as const, value: done };
    });
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography variant="h2">{t('pkg.consolidate.title')}</Typography>
      <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <PickFilesButton label={t('pkg.consolidate.choose')} testId="pkg-import-file" multiple disabled={action.busy} onPick={importAll} />
        {periods.length > 0 && (
          <TextField
            select
            size="small"
            label={t('pkg.consolidate.period')}
            value={shown ?? ''}
            onChange={(e) => setPeriod(e.target.value)}
            sx={{ minWidth: 160 }}
            slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'pkg-period' } as object } }}
          >
            {periods.map((p) => (
              <MenuItem key={p} value={p} data-testid={`pkg-period-${p}`}>
                {p}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Stack>
      {outcomes.map((o, i) =>
        'result' in o ? (
          <Alert key={i} severity={o.result.status === 'imported' ? 'success' : 'info'} data-testid="pkg-import-outcome" data-file={o.file} data-status={o.result.status}>
            {o.file}：{t(`pkg.consolidate.${o.result.status}`)} · {o.result.package.unitName}（{o.result.package.unitCode}）{o.result.package.period}
            {o.result.replaced !== null && ` · ${t('pkg.consolidate.replaces', { id: o.result.replaced.id })}`}
          </Alert>
        ) : (
          <Alert key={i} severity="error" data-testid="pkg-import-outcome" data-file={o.file} data-status="refused">
            {o.file}：{t('pkg.consolidate.refused')} — {o.error.message}
            {(o.error.details?.problems ?? []).map((p, k) => (
              <div key={k} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="pkg-import-problem" data-file={p.file ?? ''}>
                {p.file ?? ''} {p.message}
              </div>
            ))}
          </Alert>
        ),
      )}
      {packages.state === 'error' && <ErrorAlert error={packages.error} onRetry={packages.reload} />}
      {packages.state === 'ready' && periods.length === 0 && <Alert severity="info">{t('pkg.consolidate.empty')}</Alert>}
      {shown !== null && <ConsolidatedView period={shown} generation={(packages.latest ?? []).length} onState={setViewState} />}
    </Paper>
  );
}
