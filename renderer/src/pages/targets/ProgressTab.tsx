import { Alert, Box, Chip, LinearProgress, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { IndicatorView } from '../../../../shared/targets/decomposition.js';
import { formatBp, formatFigure } from '../../../../shared/targets/figures.js';
import { periodsOf } from '../../../../shared/targets/periods.js';
import type { ProgressRow, TargetProgress } from '../../../../shared/targets/progress.js';
import type { PageState } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { usePeriodName } from './period-names.js';

function Bar(props: { bp: number | null; color: 'primary' | 'secondary' | 'success' | 'warning'; testId: string }) {
  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 1, minWidth: 150 }} data-testid={props.testId} data-bp={props.bp ?? ''}>
      <LinearProgress variant="determinate" color={props.color} value={props.bp === null ? 0 : Math.max(0, Math.min(100, props.bp / 100))} sx={{ flex: 1, height: 8, borderRadius: 4 }} />
      <Typography variant="body2" sx={{ width: 56, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
        {formatBp(props.bp)}
      </Typography>
    </Stack>
  );
}

/**
 * 完成进度: for a period, each row's target, actual, completion and — beside it — how much of the period has passed
 * to the data's date, so a supervisor sees at a glance who is behind.
 */
export function ProgressTab(props: { year: number; indicator: IndicatorView; onState: (s: PageState) => void }) {
  const t = useT();
  const periodName = usePeriodName();
  const [period, setPeriod] = useState(String(props.year));
  const query = useApiQuery('targets.progress', { year: props.year, indicatorId: props.indicator.id, period });
  const value = query.state === 'ready' ? query.value : query.latest;
  const { onState } = props;
  useEffect(() => onState(query.state), [onState, query.state]);
  const options = periodsOf(props.year);
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField select size="small" label={t('targets.progress.period')} value={period} onChange={(e) => setPeriod(e.target.value)} sx={{ width: 150 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'targets-progress-period' } as object } }}>
          {options.map((p) => (
            <MenuItem key={p} value={p} data-testid={`targets-progress-period-${p}`}>
              {p.length === 4 ? t('targets.progress.year') : periodName(p)}
            </MenuItem>
          ))}
        </TextField>
        {value !== null && <Summary value={value} />}
      </Stack>
      {query.state === 'error' && <ErrorAlert error={query.error} onRetry={query.reload} />}
      {value !== null && value.estimate && value.dataAsOf !== null && <Alert severity="info">{t('targets.progress.estimate')}</Alert>}
      {value !== null && value.dataAsOf === null && <Alert severity="info">{t('targets.progress.noData')}</Alert>}
      {value !== null && <ProgressTable value={value} />}
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('targets.progress.rule')}
      </Typography>
    </Stack>
  );
}

function Summary(props: { value: TargetProgress }) {
  const t = useT();
  const { value } = props;
  const plan = value.plan;
  const planText =
    plan === null ? t('targets.progress.noPlan') : t('targets.progress.plan', { plan: `${t(`targets.origin.${plan.origin}`)} v${plan.version}${plan.orgUnitName !== null ? ` · ${plan.orgUnitName}` : ''}` });
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <Chip color="primary" label={t('targets.progress.elapsed', { pct: formatBp(value.elapsedBp) })} data-testid="targets-progress-elapsed" data-bp={value.elapsedBp} />
      {value.dataAsOf !== null && <Chip variant="outlined" label={t('targets.progress.asOf', { date: value.dataAsOf, baseline: value.baseline ?? '—' })} />}
      <Chip variant="outlined" label={planText} data-testid="targets-progress-plan" data-plan-id={plan?.id ?? ''} />
    </Stack>
  );
}

function ProgressTable(props: { value: TargetProgress }) {
  const t = useT();
  const { value } = props;
  const { indicator } = value;
  const fmt = (v: number | null): string => (v === null ? '—' : formatFigure(v, indicator.measure, indicator.unit));
  const ahead = (r: ProgressRow): boolean | null => (r.completionBp === null ? null : r.completionBp >= value.elapsedBp);
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" data-testid="targets-progress">
        <TableHead>
          <TableRow>
            <TableCell>{t('targets.col.name')}</TableCell>
            <TableCell align="right">
              {t('targets.progress.col.target')}（{indicator.unit}）
            </TableCell>
            <TableCell align="right">
              {t('targets.progress.col.actual')}（{indicator.unit}）
            </TableCell>
            <TableCell>{t('targets.progress.col.completion')}</TableCell>
            <TableCell>{t('targets.progress.col.elapsed')}</TableCell>
            <TableCell>{t('targets.progress.col.pace')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.rows.map((r) => {
            const a = ahead(r);
            return (
              <TableRow key={r.key} hover data-testid="targets-progress-row" data-key={r.key} data-target={r.target ?? ''} data-actual={r.actual ?? ''} data-completion={r.completionBp ?? ''}>
                <TableCell sx={{ pl: r.kind === 'manager' ? 4 : r.kind === 'outlet' ? 2 : 1, fontWeight: r.kind === 'manager' ? 400 : 700, whiteSpace: 'nowrap' }}>{r.name}</TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {fmt(r.target)}
                </TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {fmt(r.actual)}
                </TableCell>
                <TableCell>
                  <Bar bp={r.completionBp} color={a === false ? 'warning' : 'success'} testId="targets-progress-completion" />
                </TableCell>
                <TableCell>
                  <Bar bp={value.elapsedBp} color="secondary" testId="targets-progress-time" />
                </TableCell>
                <TableCell>
                  <Box>{a === null ? '—' : <Chip size="small" variant="outlined" color={a ? 'success' : 'warning'} label={a ? t('targets.progress.ahead') : t('targets.progress.behind')} />}</Box>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
