import { Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { ReportId } from '../../../../shared/reports/report.js';
import { combineStates } from '../../api/query-state.js';
import type { PageState } from '../../api/query-state.js';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { DownloadButton } from '../../components/DownloadButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { periodChoices } from '../evaluation/eval-periods.js';
import { flattenOrgTree } from '../managers/org-tree.js';
import { ReportView } from './ReportView.js';
import type { ReportRequest } from './report-request.js';
import { PERIOD_TYPES, todayIso } from './report-request.js';
import type { PeriodType } from './report-request.js';
import { ReportResult } from './ReportResult.js';

/**
 * 报表: the six standard reports for any period and org unit (docs/reports.md). The choices apply when 查看 is
 * clicked, so the table, the PDF and the workbook always show the same request.
 */
export function ReportsPage() {
  const t = useT();
  const lang = useLocale().locale === 'en' ? 'en' : 'zh';
  const api = useApi();
  const catalog = useApiQuery('reports.catalog', {});
  const summary = useApiQuery('system.summary', {});
  const tree = useApiQuery('org.tree', {});
  const [id, setId] = useState<ReportId>('managerRanking');
  const [periodType, setPeriodType] = useState<PeriodType>('month');
  const [period, setPeriod] = useState<string | null>(null);
  const [unit, setUnit] = useState<number | 'all'>('all');
  const [applied, setApplied] = useState<{ request: ReportRequest; n: number } | null>(null);
  const [resultState, setResultState] = useState<PageState>('ready');

  const latestAsOf = summary.state === 'ready' ? summary.value.latestAsOf : null;
  const periods = periodChoices(periodType, latestAsOf, todayIso());
  const shownPeriod = period !== null && periods.includes(period) ? period : (periods[0] ?? '');
  const units = tree.state === 'ready' ? flattenOrgTree(tree.value) : [];
  const entries = catalog.state === 'ready' ? catalog.value : [];
  const request: ReportRequest = { id, period: shownPeriod, ...(unit === 'all' ? {} : { orgUnitId: unit }) };
  const state = combineStates(catalog.state, summary.state, tree.state, applied === null ? 'ready' : resultState);

  return (
    <PageRoot page="reports" state={state}>
      <Typography sx={{ color: 'text.secondary' }}>{t('reports.intro')}</Typography>
      {catalog.state === 'error' && <ErrorAlert error={catalog.error} onRetry={catalog.reload} />}
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField select size="small" label={t('reports.report')} value={id} onChange={(e) => setId(e.target.value as ReportId)} sx={{ width: 200 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'reports-id' } as object } }}>
          {entries.map((e) => (
            <MenuItem key={e.id} value={e.id} data-testid={`reports-id-${e.id}`}>
              {e.title[lang]}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t('reports.periodType')} value={periodType} onChange={(e) => setPeriodType(e.target.value as PeriodType)} sx={{ width: 120 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'reports-period-type' } as object } }}>
          {PERIOD_TYPES.map((p) => (
            <MenuItem key={p} value={p} data-testid={`reports-period-type-${p}`}>
              {t(`reports.periodType.${p}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={t('reports.period')} value={shownPeriod} onChange={(e) => setPeriod(e.target.value)} sx={{ width: 130 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'reports-period' } as object } }}>
          {periods.map((p) => (
            <MenuItem key={p} value={p} data-testid={`reports-period-${p}`}>
              {p}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('reports.unit')}
          value={unit}
          onChange={(e) => setUnit(e.target.value === 'all' ? 'all' : Number(e.target.value))}
          sx={{ width: 230 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'reports-unit' } as object } }}
        >
          <MenuItem value="all" data-testid="reports-unit-all">
            {t('reports.unit.all')}
          </MenuItem>
          {units.map(({ unit: u, depth }) => (
            <MenuItem key={u.id} value={u.id} data-testid={`reports-unit-${u.code}`} sx={{ pl: 2 + depth * 2 }}>
              {u.name}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" onClick={() => {
            // Each click reads afresh (a new key), and the page is loading until the answer is in.
            setResultState('loading');
            setApplied({ request, n: (applied?.n ?? 0) + 1 });
          }} disabled={shownPeriod === ''} data-testid="reports-view">
          {t('reports.view')}
        </Button>
        {applied !== null && (
          <>
            <DownloadButton label={t('reports.pdf')} failedTitle={t('reports.pdfFailed')} testId="reports-pdf" fetch={() => api.call('reports.pdf', applied.request)} />
            <DownloadButton label={t('reports.xlsx')} failedTitle={t('reports.xlsxFailed')} testId="reports-xlsx" fetch={() => api.call('reports.xlsx', applied.request)} />
          </>
        )}
      </Stack>
      {entries.find((e) => e.id === id) !== undefined && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="reports-description">
          {entries.find((e) => e.id === id)?.description[lang]}
        </Typography>
      )}
      {applied === null ? <Typography>{t('reports.pick')}</Typography> : <ReportResult key={applied.n} request={applied.request} onState={setResultState} render={(table) => <ReportView table={table} />} />}
    </PageRoot>
  );
}
