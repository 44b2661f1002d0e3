import { Alert, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { PackageBuildResult } from '../../../../shared/api/ops/package.js';
import { useApi } from '../../api/ApiProvider.js';
import { offerDownload } from '../../api/download.js';
import type { PageState } from '../../api/query-state.js';
import { useAction } from '../../api/useAction.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { LoadedKey } from './KeyPanel.js';

/** 生成上报包: one of the caller's runs (newest first), signed when a key is loaded, offered as a download. */
export function BuildPanel(props: { keyFile: LoadedKey | null; onState: (s: PageState) => void }) {
  const t = useT();
  const api = useApi();
  const runs = useApiQuery('evaluation.runs', { limit: 200 });
  const action = useAction();
  const [runId, setRunId] = useState<number | null>(null);
  const [built, setBuilt] = useState<PackageBuildResult | null>(null);
  const list = runs.state === 'ready' ? runs.value : [];
  const chosen = list.find((r) => r.id === runId) ?? list[0] ?? null;
  const { onState } = props;
  useEffect(() => onState(action.busy ? 'loading' : runs.state), [onState, action.busy, runs.state]);
  const build = (): void => {
    if (chosen === null) return;
    setBuilt(null);
    const keySecret = props.keyFile?.text;
    void action.run(
      () => api.call('package.build', { runId: chosen.id, ...(keySecret === undefined ? {} : { keySecret }) }),
      (file) => {
        setBuilt(file);
        offerDownload(file);
      },
    );
  };
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="pkg-build-panel">
      <Typography variant="h2">{t('pkg.build.title')}</Typography>
      {runs.state === 'error' && <ErrorAlert error={runs.error} onRetry={runs.reload} />}
      {runs.state === 'ready' && list.length === 0 && <Alert severity="info">{t('pkg.build.noRuns')}</Alert>}
      {list.length > 0 && (
        <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            select
            size="small"
            label={t('pkg.build.run')}
            value={chosen?.id ?? ''}
            onChange={(e) => setRunId(Number(e.target.value))}
            sx={{ minWidth: 420 }}
            slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'pkg-run' } as object } }}
          >
            {list.map((r) => (
              <MenuItem key={r.id} value={r.id} data-testid={`pkg-run-${r.id}`}>
                {t('pkg.build.runOption', { id: r.id, scheme: `${r.schemeName}（${r.schemeCode} v${r.schemeVersion}）`, period: r.period, status: t(`eval.status.${r.status}`), managers: r.managers })}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="contained" disabled={action.busy || chosen === null} onClick={build} data-testid="pkg-build">
            {action.busy ? t('pkg.build.busy') : t('pkg.build.button')}
          </Button>
        </Stack>
      )}
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('pkg.build.privacy')}
      </Typography>
      {action.error !== null && <ErrorAlert title={t('pkg.build.failed')} error={action.error} />}
      {built !== null && (
        <Alert severity="success" data-testid="pkg-built" data-sha={built.manifestSha256} data-file={built.fileName} data-signed={built.signed}>
          <div>{t('pkg.build.done', { file: built.fileName, signed: t(built.signed ? 'pkg.build.signed' : 'pkg.build.unsigned') })}</div>
          <div style={{ fontFamily: 'monospace', fontSize: 12 }}>{t('pkg.build.sha', { sha: built.manifestSha256 })}</div>
        </Alert>
      )}
    </Paper>
  );
}
