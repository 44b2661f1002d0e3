import { Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import CalculateIcon from '@mui/icons-material/Calculate';
import { useState } from 'react';
import type { EvaluationRunInfo, SchemeVersionInfo } from '../../../../shared/api/ops/evaluation.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { useAction } from '../../api/useAction.js';
import { periodChoices } from './eval-periods.js';

/** The newest version of each scheme code (the list comes newest version first within a code). */
export function latestVersions(versions: readonly SchemeVersionInfo[]): SchemeVersionInfo[] {
  const byCode = new Map<string, SchemeVersionInfo>();
  for (const v of versions) {
    const seen = byCode.get(v.code);
    if (seen === undefined || v.version > seen.version) byCode.set(v.code, v);
  }
  return [...byCode.values()];
}

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * 计算: a scheme and a period of its type (the latest one the data covers by default). The server picks the version
 * in force on the period's first day; computing again keeps the entries made so far.
 */
export function ComputeBar(props: {
  versions: readonly SchemeVersionInfo[];
  latestAsOf: string | null;
  action: ReturnType<typeof useAction>;
  onComputed: (run: EvaluationRunInfo) => void;
}) {
  const t = useT();
  const api = useApi();
  const schemes = latestVersions(props.versions);
  const [code, setCode] = useState<string | null>(null);
  const scheme = schemes.find((s) => s.code === code) ?? schemes[0] ?? null;
  const choices = scheme === null ? [] : periodChoices(scheme.periodType, props.latestAsOf, today());
  const [period, setPeriod] = useState<string | null>(null);
  const shown = period !== null && choices.includes(period) ? period : (choices[0] ?? '');
  const { action } = props;
  const compute = (): void => {
    if (scheme === null) return;
    void action.run(() => api.call('evaluation.compute', { schemeCode: scheme.code, period: shown }), props.onComputed);
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ fontWeight: 600, mr: 1 }}>{t('eval.compute.title')}</Typography>
        <TextField
          select
          size="small"
          label={t('eval.compute.scheme')}
          value={scheme?.code ?? ''}
          onChange={(e) => setCode(e.target.value)}
          sx={{ minWidth: 240 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'eval-compute-scheme' } as object } }}
        >
          {schemes.map((s) => (
            <MenuItem key={s.code} value={s.code} data-testid={`eval-compute-scheme-${s.code}`}>
              {s.name}（{s.code}）
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={scheme === null ? t('eval.period') : t('eval.periodOf', { type: t(`eval.periodType.${scheme.periodType}`) })}
          value={shown}
          onChange={(e) => setPeriod(e.target.value)}
          sx={{ width: 170 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'eval-compute-period' } as object } }}
        >
          {choices.map((p) => (
            <MenuItem key={p} value={p} data-testid={`eval-compute-period-${p}`}>
              {p}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" startIcon={<CalculateIcon />} disabled={scheme === null || action.busy} onClick={compute} data-testid="eval-compute">
          {t('eval.compute.run')}
        </Button>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('eval.compute.hint')}
        </Typography>
      </Stack>
      {action.error !== null && (
        <Stack sx={{ mt: 1.5 }}>
          <ErrorAlert title={t('eval.compute.failed')} error={action.error} />
        </Stack>
      )}
    </Paper>
  );
}
