import { Alert, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { IndicatorCompletion, Pace, TargetsSection } from '../../../../shared/dashboard/types.js';
import { BulletChart } from '../../components/charts/BulletChart.js';
import type { BulletRow } from '../../components/charts/BulletChart.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { DashCard } from './DashCard.js';
import { amountText, formatBp, periodText } from './dashboard-view.js';

const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

const STATUS: Record<Pace, MessageKey> = { ahead: 'dash.targets.ahead', behind: 'dash.targets.behind', none: 'dash.targets.noTarget' };

/** Where a row's marker goes: the time elapsed for a flow, 100 % for a level (日均), none without a target. */
export function markerBp(row: IndicatorCompletion, elapsedBp: number): number | null {
  if (row.target === null) return null;
  return row.indicator.flow ? elapsedBp : 10_000;
}

/** 任务指标完成进度: completion per indicator against the time elapsed, the figures one click away. */
export function TargetsCard(props: { section: TargetsSection; unitName: string | null }) {
  const t = useT();
  const [table, setTable] = useState(false);
  const s = props.section;
  const statusText = (r: IndicatorCompletion): string => (r.target !== null && r.actual === null ? t('dash.targets.noActual') : t(STATUS[r.pace]));
  const shown = s.rows.filter((r) => r.target !== null || r.actual !== null);
  const bullets: BulletRow[] = s.rows
    .filter((r) => r.target !== null)
    .map((r) => ({ key: r.indicator.code, label: r.indicator.name, valueBp: r.completionBp, markerBp: markerBp(r, s.elapsedBp), status: r.pace, valueText: formatBp(r.completionBp), statusText: statusText(r) }));
  const period = periodText(s.period, t);
  const subtitle = (
    <>
      {s.whose === 'manager' ? t('dash.targets.manager', { period }) : t('dash.targets.unit', { unit: props.unitName ?? '', period })}
      {' · '}
      <span data-testid="dash-targets-elapsed" data-bp={s.elapsedBp}>
        {s.dataAsOf === null ? t('dash.targets.elapsedNoData') : t('dash.targets.elapsed', { pct: formatBp(s.elapsedBp), date: s.dataAsOf })}
      </span>
    </>
  );
  const numbers = (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="dash-targets-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('dash.targets.col.indicator')}</TableCell>
            <TableCell align="right">{t('dash.targets.col.target')}</TableCell>
            <TableCell align="right">{t('dash.targets.col.actual')}</TableCell>
            <TableCell align="right">{t('dash.targets.col.completion')}</TableCell>
            <TableCell align="right">{t('dash.targets.col.pace')}</TableCell>
            <TableCell>{t('dash.targets.col.status')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((r) => (
            <TableRow key={r.indicator.code} data-testid="dash-targets-row" data-code={r.indicator.code} data-target={r.target ?? ''} data-actual={r.actual ?? ''} data-completion={r.completionBp ?? ''} data-pace={r.pace}>
              <TableCell>
                {r.indicator.name}
                <Typography component="span" variant="caption" sx={{ color: 'text.secondary', ml: 0.5 }}>
                  {r.indicator.unit}
                </Typography>
              </TableCell>
              <TableCell align="right" sx={NUM}>
                {amountText(r.target, r)}
              </TableCell>
              <TableCell align="right" sx={NUM}>
                {amountText(r.actual, r)}
              </TableCell>
              <TableCell align="right" sx={NUM} data-testid="dash-targets-completion">
                {formatBp(r.completionBp)}
              </TableCell>
              <TableCell align="right" sx={NUM}>
                {amountText(r.paceTarget, r)}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{statusText(r)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
  const empty = bullets.length === 0;
  return (
    <DashCard
      id="targets"
      title={t('dash.targets.title')}
      subtitle={subtitle}
      showTable={table}
      onToggle={() => setTable((v) => !v)}
      chart={empty ? null : <BulletChart rows={bullets} testId="dash-targets-chart" ariaLabel={t('dash.targets.title')} onRowClick={() => setTable(true)} />}
      table={shown.length === 0 ? <Typography sx={{ color: 'text.secondary' }}>{t(s.whose === 'manager' ? 'dash.targets.noTargetsManager' : 'dash.targets.noTargets')}</Typography> : numbers}
      links={s.whose === 'manager' ? ['evaluation'] : ['targets', 'evaluation']}
      footer={
        !empty && !table ? (
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {t('dash.targets.legend')}
          </Typography>
        ) : undefined
      }
    >
      {s.estimate && s.dataAsOf !== null && (
        <Alert severity="info" sx={{ py: 0 }}>
          {t('dash.targets.estimate')}
        </Alert>
      )}
    </DashCard>
  );
}
