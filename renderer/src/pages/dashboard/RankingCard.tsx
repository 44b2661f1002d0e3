import { Box, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import type { IndicatorCompletion, RankGroup, Ranking, RankingSection } from '../../../../shared/dashboard/types.js';
import { RankBars } from '../../components/charts/RankBars.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { DashCard } from './DashCard.js';
import { gapsAfter, periodText, rankValueText } from './dashboard-view.js';

const GROUP: Record<RankGroup, MessageKey> = { top: 'dash.rank.group.top', bottom: 'dash.rank.group.bottom', own: 'dash.rank.group.own' };
const STATUS: Record<'draft' | 'review' | 'locked', MessageKey> = { draft: 'eval.status.draft', review: 'eval.status.review', locked: 'eval.status.locked' };

function RankTable(props: { kind: 'managers' | 'outlets'; ranking: Ranking; measure: 'points' | 'bp' }) {
  const t = useT();
  return (
    <Table size="small" data-testid={`dash-rank-table-${props.kind}`}>
      <TableHead>
        <TableRow>
          <TableCell align="right">{t('dash.rank.col.rank')}</TableCell>
          <TableCell>{t('dash.rank.col.name')}</TableCell>
          {props.kind === 'managers' && <TableCell>{t('dash.rank.col.unit')}</TableCell>}
          <TableCell align="right">{props.measure === 'points' ? t('dash.rank.col.points') : t('dash.rank.col.completion')}</TableCell>
          <TableCell>{t('dash.rank.col.group')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.ranking.rows.map((r) => (
          <TableRow key={r.id} data-testid={`dash-rank-row-${props.kind}`} data-id={r.id} data-rank={r.rank} data-value={r.value}>
            <TableCell align="right">{r.rank}</TableCell>
            <TableCell>
              {r.name}
              <Typography component="span" variant="caption" sx={{ color: 'text.secondary', ml: 0.5 }}>
                {r.code}
              </Typography>
            </TableCell>
            {props.kind === 'managers' && <TableCell>{r.unitName ?? '—'}</TableCell>}
            <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {rankValueText(r.value, props.measure)}
            </TableCell>
            <TableCell>{r.groups.map((g) => t(GROUP[g])).join('、')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Chart(props: { kind: 'managers' | 'outlets'; ranking: Ranking; measure: 'points' | 'bp'; label: string }) {
  const rows = props.ranking.rows.map((r) => ({
    key: String(r.id),
    rank: r.rank,
    label: r.name,
    note: r.unitName,
    value: r.value,
    valueText: rankValueText(r.value, props.measure),
    own: r.groups.includes('own'),
    bottom: r.groups.includes('bottom') && !r.groups.includes('top'),
  }));
  return (
    <RankBars
      rows={rows}
      testId={`dash-rank-chart-${props.kind}`}
      ariaLabel={props.label}
      gaps={gapsAfter(props.ranking)}
      reference={props.measure === 'bp' ? { value: 10_000, label: '100%' } : undefined}
    />
  );
}

/**
 * 排名: managers and outlets from the latest evaluation run of the period (which one, and its status, is said), or
 * by completion of an indicator the supervisor picks; a client manager sees their own place only.
 */
export function RankingCard(props: { section: RankingSection; manager: boolean; indicators: readonly IndicatorCompletion[]; onRankIndicator: (id: number) => void }) {
  const t = useT();
  const [table, setTable] = useState(false);
  const s = props.section;
  const source =
    s.source === 'evaluation' && s.run !== null
      ? t('dash.rank.fromRun', { scheme: s.run.schemeName, version: s.run.schemeVersion, period: periodText(s.run.period, t), status: t(STATUS[s.run.status]) })
      : s.source === 'targets' && s.indicator !== null
        ? t('dash.rank.fromTargets', { indicator: s.indicator.name })
        : t(props.manager ? 'dash.rank.noneManager' : 'dash.rank.none');
  const own = props.manager ? s.managers?.rows.find((r) => r.groups.includes('own')) : undefined;
  const parts: Array<{ kind: 'managers' | 'outlets'; ranking: Ranking; title: string }> = [];
  if (!props.manager && s.managers !== null) parts.push({ kind: 'managers', ranking: s.managers, title: t('dash.rank.managers', { n: s.managers.of }) });
  if (!props.manager && s.outlets !== null) parts.push({ kind: 'outlets', ranking: s.outlets, title: t('dash.rank.outlets', { n: s.outlets.of }) });
  const ranked = parts.filter((p) => p.ranking.rows.length > 0);
  const withTargets = props.indicators.filter((r) => r.target !== null && r.indicator.hasSource);
  const body = (view: 'chart' | 'table') => (
    <Stack sx={{ gap: 1.5 }}>
      {ranked.map((p) => (
        <Box key={p.kind}>
          <Typography variant="h3" component="h3" sx={{ mb: 0.5 }}>
            {p.title}
          </Typography>
          {view === 'chart' ? <Chart kind={p.kind} ranking={p.ranking} measure={s.measure} label={p.title} /> : <RankTable kind={p.kind} ranking={p.ranking} measure={s.measure} />}
        </Box>
      ))}
      {!props.manager && s.source === 'targets' && s.managers === null && <Typography variant="body2" sx={{ color: 'text.secondary' }}>{t('dash.rank.managersNone')}</Typography>}
      {view === 'chart' && ranked.length > 0 && (
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {t('dash.rank.legend')}
          {s.source === 'evaluation' && ` ${t('dash.rank.outletAvg')}`}
        </Typography>
      )}
    </Stack>
  );
  return (
    <DashCard
      id="ranking"
      title={t('dash.rank.title')}
      subtitle={<span data-testid="dash-rank-source" data-source={s.source} data-run-id={s.run?.id ?? ''}>{source}</span>}
      showTable={table}
      onToggle={() => setTable((v) => !v)}
      chart={ranked.length === 0 ? null : body('chart')}
      table={ranked.length === 0 && own === undefined ? <Typography sx={{ color: 'text.secondary' }}>{source}</Typography> : body('table')}
      links={['evaluation', 'targets']}
    >
      {own !== undefined && s.managers !== null && (
        <Typography variant="h3" component="p" data-testid="dash-rank-own" data-rank={own.rank} data-of={s.managers.of}>
          {t('dash.rank.own', { rank: own.rank, n: s.managers.of, points: rankValueText(own.value, s.measure) })}
        </Typography>
      )}
      {!props.manager && s.source === 'targets' && s.indicator !== null && withTargets.length > 1 && (
        <TextField
          select
          size="small"
          label={t('dash.rank.indicator')}
          value={s.indicator.id}
          onChange={(e) => props.onRankIndicator(Number(e.target.value))}
          className="bw-no-print"
          sx={{ maxWidth: 240 }}
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'dash-rank-indicator' } as object } }}
        >
          {withTargets.map((r) => (
            <MenuItem key={r.indicator.id} value={r.indicator.id} data-testid={`dash-rank-indicator-${r.indicator.code}`}>
              {r.indicator.name}
            </MenuItem>
          ))}
        </TextField>
      )}
    </DashCard>
  );
}
