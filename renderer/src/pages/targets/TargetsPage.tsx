import { MenuItem, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { PageState } from '../../api/query-state.js';
import { combineStates } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useT } from '../../i18n/I18nProvider.js';
import { DecompositionTab } from './DecompositionTab.js';
import { ProgressTab } from './ProgressTab.js';

type TabKey = 'decompose' | 'progress';

/**
 * 任务指标: head office's yearly figure decomposed to outlets, managers, quarters and months (draft → publish, with
 * versions), and progress against it. Year and indicator are chosen here; each tab reports its own state so the
 * page's `data-state` marker covers whatever it shows.
 */
export function TargetsPage() {
  const t = useT();
  const [tab, setTab] = useState<TabKey>('decompose');
  const [year, setYear] = useState<number | null>(null);
  const [indicatorId, setIndicatorId] = useState<number | null>(null);
  const [tabState, setTabState] = useState<PageState>('loading');
  const indicators = useApiQuery('targets.indicators', {});
  const list = indicators.state === 'ready' ? indicators.value : (indicators.latest ?? []);
  const summary = useApiQuery('system.summary', {});
  // The year defaults to the data's: the year of the latest snapshot (else this year).
  const latest = summary.state === 'ready' ? summary.value.latestAsOf : null;
  const defaultYear = latest !== null ? Number(latest.slice(0, 4)) : new Date().getFullYear();
  const shownYear = year ?? defaultYear;
  const indicator = list.find((i) => i.id === indicatorId) ?? list[0] ?? null;
  useEffect(() => setTabState('loading'), [tab, shownYear, indicator?.id]);

  const ready = indicators.state === 'ready' && (year !== null || summary.state !== 'loading');
  const state = combineStates(indicators.state, ready ? tabState : 'loading');
  const years = Array.from({ length: 5 }, (_, i) => defaultYear - 2 + i);
  return (
    <PageRoot
      page="targets"
      state={state}
      actions={
        <Stack direction="row" sx={{ gap: 1.5 }}>
          <TextField select size="small" label={t('targets.year')} value={shownYear} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 110 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'targets-year' } as object } }}>
            {years.map((y) => (
              <MenuItem key={y} value={y}>
                {y}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label={t('targets.indicator')}
            value={indicator?.id ?? ''}
            onChange={(e) => setIndicatorId(Number(e.target.value))}
            sx={{ width: 190 }}
            slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'targets-indicator' } as object } }}
          >
            {list.map((i) => (
              <MenuItem key={i.id} value={i.id} data-testid={`targets-indicator-${i.code}`}>
                {i.name}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      }
    >
      <Typography sx={{ color: 'text.secondary' }}>{t('targets.intro')}</Typography>
      {indicators.state === 'error' && <ErrorAlert error={indicators.error} onRetry={indicators.reload} />}
      {indicators.state === 'ready' && indicator === null && <Typography>{t('targets.noIndicators')}</Typography>}
      <Tabs value={tab} onChange={(_e, v: TabKey) => setTab(v)} sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tab value="decompose" label={t('targets.tab.decompose')} data-testid="targets-tab-decompose" />
        <Tab value="progress" label={t('targets.tab.progress')} data-testid="targets-tab-progress" />
      </Tabs>
      {ready && indicator !== null && tab === 'decompose' && <DecompositionTab key={`${shownYear}-${indicator.id}`} year={shownYear} indicator={indicator} onState={setTabState} />}
      {ready && indicator !== null && tab === 'progress' && <ProgressTab key={`${shownYear}-${indicator.id}`} year={shownYear} indicator={indicator} onState={setTabState} />}
    </PageRoot>
  );
}
