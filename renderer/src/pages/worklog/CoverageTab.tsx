import { Alert, Box, Button, ButtonGroup, LinearProgress, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ContactPlanCoverage, CoverageCounts, UnitPlanCoverage } from '../../../../shared/worklog/types.js';
import type { PageState } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { useAuth } from '../../auth/AuthGate.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { Figure } from './Figure.js';
import { PERIOD_PRESETS, localDate, periodOf, rateText } from './worklog-view.js';
import type { PeriodPreset } from './worklog-view.js';

const PRESET_KEYS = {
  lastMonth: 'worklog.cov.preset.lastMonth',
  thisMonth: 'worklog.cov.preset.thisMonth',
  lastQuarter: 'worklog.cov.preset.lastQuarter',
  thisYear: 'worklog.cov.preset.thisYear',
} as const;

/** 覆盖率: the contact-plan coverage rate for a period, per manager and per unit, as the evaluation reads it. */
export function CoverageTab(props: { onState: (s: PageState) => void }) {
  const t = useT();
  const staff = useAuth().user.role !== 'manager';
  const [period, setPeriod] = useState(() => periodOf('lastMonth', localDate(new Date())));
  const cov = useApiQuery('contactPlans.coverage', period);
  const { onState } = props;
  useEffect(() => onState(cov.state), [onState, cov.state]);
  const r = cov.state === 'ready' ? cov.value : cov.latest;
  const preset = (p: PeriodPreset): void => setPeriod(periodOf(p, localDate(new Date())));
  const dateProps = { size: 'small', type: 'date', slotProps: { inputLabel: { shrink: true } }, sx: { width: 160 } } as const;
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography>{t('worklog.cov.period')}</Typography>
        <TextField {...dateProps} label={t('worklog.filter.from')} value={period.from} onChange={(e) => e.target.value !== '' && setPeriod((p) => ({ ...p, from: e.target.value }))} slotProps={{ ...dateProps.slotProps, htmlInput: { 'data-testid': 'worklog-cov-from' } }} />
        <TextField {...dateProps} label={t('worklog.filter.to')} value={period.to} onChange={(e) => e.target.value !== '' && setPeriod((p) => ({ ...p, to: e.target.value }))} slotProps={{ ...dateProps.slotProps, htmlInput: { 'data-testid': 'worklog-cov-to' } }} />
        <ButtonGroup size="small" variant="outlined">
          {PERIOD_PRESETS.map((p) => (
            <Button key={p} onClick={() => preset(p)} data-testid={`worklog-cov-${p}`}>
              {t(PRESET_KEYS[p])}
            </Button>
          ))}
        </ButtonGroup>
      </Stack>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('worklog.cov.rule')}
      </Typography>
      {cov.state === 'error' && <ErrorAlert error={cov.error} onRetry={cov.reload} />}
      {r !== null && <CoverageBody report={r} showUnits={staff} />}
    </Stack>
  );
}

function CoverageBody(props: { report: ContactPlanCoverage; showUnits: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const { totals, managers, units } = props.report;
  if (totals.underPlan === 0) return <Alert severity="info">{t('worklog.cov.empty')}</Alert>;
  const n = (v: number): string => formatCount(v, locale);
  return (
    <Stack sx={{ gap: 2 }} data-testid="worklog-cov" data-from={props.report.from} data-to={props.report.to}>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
        <Figure label={t('worklog.cov.total')} value={rateText(totals.rateBp)} {...(totals.rateBp === null ? {} : { count: totals.rateBp })} testId="worklog-cov-rate" />
        <Figure label={t('worklog.cov.underPlan')} value={n(totals.underPlan)} count={totals.underPlan} testId="worklog-cov-under-plan" />
        <Figure label={t('worklog.cov.covered')} value={n(totals.covered)} count={totals.covered} testId="worklog-cov-covered" />
      </Box>
      <RateTable
        title={t('worklog.cov.byManager')}
        nameHeader={t('worklog.cov.col.manager')}
        testId="worklog-cov-managers"
        rows={managers.filter((m) => m.underPlan > 0).map((m) => ({ ...m, key: m.managerId, name: `${m.name}（${m.staffNo}）`, indent: 0 }))}
      />
      {props.showUnits && (
        <RateTable
          title={t('worklog.cov.byUnit')}
          nameHeader={t('worklog.cov.col.unit')}
          testId="worklog-cov-units"
          rows={withDepth(units).map(({ unit, depth }) => ({ ...unit, key: unit.orgUnitId, indent: depth }))}
        />
      )}
    </Stack>
  );
}

type RateRow = CoverageCounts & { key: number; name: string; indent: number };

/** Each unit's depth below the top unit listed (the server lists them depth first). */
function withDepth(units: readonly UnitPlanCoverage[]): Array<{ unit: UnitPlanCoverage; depth: number }> {
  const depth = new Map<number, number>();
  return units.map((unit) => {
    const d = unit.parentId === null ? 0 : (depth.get(unit.parentId) ?? -1) + 1;
    depth.set(unit.orgUnitId, d);
    return { unit, depth: d };
  });
}

function RateTable(props: { title: string; nameHeader: string; testId: string; rows: readonly RateRow[] }) {
  const t = useT();
  const { locale } = useLocale();
  const num = { fontVariantNumeric: 'tabular-nums' } as const;
  return (
    <Stack sx={{ gap: 1 }}>
      <Typography variant="h3" component="h2">
        {props.title}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" data-testid={props.testId}>
          <TableHead>
            <TableRow>
              <TableCell>{props.nameHeader}</TableCell>
              <TableCell align="right">{t('worklog.cov.underPlan')}</TableCell>
              <TableCell align="right">{t('worklog.cov.covered')}</TableCell>
              <TableCell sx={{ width: 260 }}>{t('worklog.cov.col.rate')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.rows.map((r) => (
              <TableRow key={r.key} data-testid={`${props.testId}-row`} data-id={r.key} data-rate-bp={r.rateBp ?? ''}>
                <TableCell sx={{ pl: 2 + r.indent * 2 }}>{r.name}</TableCell>
                <TableCell align="right" sx={num}>
                  {formatCount(r.underPlan, locale)}
                </TableCell>
                <TableCell align="right" sx={num}>
                  {formatCount(r.covered, locale)}
                </TableCell>
                <TableCell>
                  <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
                    <LinearProgress variant="determinate" value={(r.rateBp ?? 0) / 100} sx={{ flex: 1, height: 8, borderRadius: 1 }} />
                    <Typography variant="body2" sx={{ ...num, minWidth: 52, textAlign: 'right' }}>
                      {rateText(r.rateBp)}
                    </Typography>
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
