import { Alert, Box, Card, CardContent, Chip, Grid, LinearProgress, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { formatFen, formatWan } from '../../../../shared/model/money.js';
import type { CardTarget, OutletCard } from '../../../../shared/org/outlet-card.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LineChart } from '../../components/LineChart.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { clientTierKey, gradeKey, managerStatusKey, managerTypeKey, orgLevelKey } from '../../i18n/labels.js';
import { hrefFor } from '../../routing/routes.js';

const DASH = '—';

function Figure(props: { label: string; value: string; testId?: string; note?: string }) {
  return (
    <Box data-testid={props.testId}>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {props.label}
      </Typography>
      <Typography variant="h3" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {props.value}
      </Typography>
      {props.note !== undefined && (
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {props.note}
        </Typography>
      )}
    </Box>
  );
}

function Panel(props: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card variant="outlined" data-testid={props.testId} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 1.5 }}>
          {props.title}
        </Typography>
        {props.children}
      </CardContent>
    </Card>
  );
}

/** A target figure in its own unit: money from fen in 万元 (or 元), counts as they are. */
function targetFigure(value: number | null, row: CardTarget): string {
  if (value === null) return DASH;
  if (row.measure === 'count') return String(value);
  return row.unit === '元' ? formatFen(value) : formatWan(value);
}

/** 网点资源卡 of one org unit (an outlet, or any unit summed over its outlets). */
export function OutletCardPage(props: { unitId: number }) {
  const t = useT();
  const card = useApiQuery('org.outletCard', { orgUnitId: props.unitId });
  const c = card.state === 'ready' ? card.value : null;
  return (
    <PageRoot page="managers" state={card.state} title={c === null ? undefined : `${c.unit.name} · ${t('card.title')}`}>
      <Link href={hrefFor('managers')} data-testid="card-back">
        {t('card.back')}
      </Link>
      {card.state === 'error' && <ErrorAlert error={card.error} onRetry={card.reload} />}
      {c !== null && <CardBody c={c} />}
    </PageRoot>
  );
}

function CardBody(props: { c: OutletCard }) {
  const t = useT();
  const { locale } = useLocale();
  const { c } = props;
  const cur = c.current;
  const wan = (fen: number): string => `${formatWan(fen)} ${t('card.wan')}`;
  return (
    <Stack sx={{ gap: 2 }} data-testid="outlet-card" data-unit-code={c.unit.code}>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <Chip label={t(orgLevelKey(c.unit.level))} />
        <Typography sx={{ color: 'text.secondary' }}>
          {c.unit.code}
          {c.parentName === null ? '' : ` · ${c.parentName}`}
          {c.unit.headName === null ? '' : ` · ${t('card.head')}：${c.unit.headName}`}
          {c.unit.phone === null ? '' : ` · ${c.unit.phone}`}
          {c.unit.address === null ? '' : ` · ${c.unit.address}`}
        </Typography>
      </Stack>
      {cur === null && <Alert severity="info">{t('card.noSnapshots')}</Alert>}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title={t('card.deposits', { asOf: c.asOf ?? DASH })} testId="card-deposits">
            {cur !== null && (
              <Stack sx={{ gap: 1.5 }}>
                <Stack direction="row" sx={{ gap: 4, flexWrap: 'wrap' }}>
                  <Figure label={t('card.demand')} value={wan(cur.demandFen)} note={`${t('card.avg')} ${wan(cur.avgDemandFen)}`} />
                  <Figure label={t('card.time')} value={wan(cur.timeFen)} note={`${t('card.avg')} ${wan(cur.avgTimeFen)}`} />
                  <Figure label={t('card.timeShare')} value={cur.timeSharePermille === null ? DASH : `${(cur.timeSharePermille / 10).toFixed(1)}%`} testId="card-time-share" />
                </Stack>
                <LinearProgress variant="determinate" value={cur.timeSharePermille === null ? 0 : cur.timeSharePermille / 10} sx={{ height: 8, borderRadius: 4 }} />
                <Stack direction="row" sx={{ gap: 4 }}>
                  <Figure label={t('card.aum')} value={wan(cur.aumFen)} />
                  <Figure label={t('card.loan')} value={wan(cur.loanFen)} />
                </Stack>
              </Stack>
            )}
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Panel title={t('card.clients')} testId="card-clients">
            <Stack direction="row" sx={{ gap: 4, flexWrap: 'wrap', mb: 1.5 }}>
              <Figure label={t('card.clientCount')} value={formatCount(c.clientCount, locale)} testId="card-client-count" />
              <Figure label={t('card.midHigh')} value={formatCount(c.midHighClients, locale)} testId="card-mid-high" />
              <Figure label={t('card.unassigned')} value={formatCount(c.unassignedCount, locale)} />
            </Stack>
            {c.tiers.length === 0 ? (
              <Typography sx={{ color: 'text.secondary' }}>{t('card.notScored')}</Typography>
            ) : (
              <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
                {c.tiers.map((tier) => (
                  <Chip key={tier.tier} data-testid={`card-tier-${tier.tier}`} label={`${t(clientTierKey(tier.tier))} ${formatCount(tier.clients, locale)}`} variant="outlined" />
                ))}
              </Stack>
            )}
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Panel title={t('card.managers', { full: c.managers.filter((m) => m.type === 'full_time').length, part: c.managers.filter((m) => m.type === 'part_time').length })} testId="card-managers">
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('managers.col.name')}</TableCell>
                  <TableCell>{t('managers.col.grade')}</TableCell>
                  <TableCell>{t('managers.col.type')}</TableCell>
                  <TableCell>{t('managers.col.status')}</TableCell>
                  <TableCell align="right">{t('card.managedClients')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {c.managers.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell>{m.name}</TableCell>
                    <TableCell>{t(gradeKey(m.grade))}</TableCell>
                    <TableCell>{t(managerTypeKey(m.type))}</TableCell>
                    <TableCell>{t(managerStatusKey(m.status))}</TableCell>
                    <TableCell align="right" sx={{ color: m.maxClients !== null && m.clients > m.maxClients ? 'error.main' : undefined }}>
                      {m.clients}
                      {m.maxClients === null ? '' : ` / ${m.maxClients}`}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <Panel title={t('card.targets', { year: c.targets.year, elapsed: (c.targets.timeElapsedPermille / 10).toFixed(1) })} testId="card-targets">
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('card.indicator')}</TableCell>
                  <TableCell align="right">{t('card.target')}</TableCell>
                  <TableCell align="right">{t('card.actual')}</TableCell>
                  <TableCell sx={{ width: 160 }}>{t('card.completion')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {c.targets.rows.map((r) => {
                  const pct = r.completionPermille === null ? null : r.completionPermille / 10;
                  const behind = pct !== null && pct < c.targets.timeElapsedPermille / 10;
                  return (
                    <TableRow key={r.code} data-testid="card-target" data-code={r.code} data-completion={r.completionPermille ?? ''}>
                      <TableCell>
                        {r.name}
                        <Typography component="span" variant="caption" sx={{ color: 'text.secondary', ml: 0.5 }}>
                          （{r.unit}）
                        </Typography>
                      </TableCell>
                      <TableCell align="right">{targetFigure(r.targetValue, r)}</TableCell>
                      <TableCell align="right">
                        {targetFigure(r.actualValue, r)}
                        {r.estimate ? '*' : ''}
                      </TableCell>
                      <TableCell>
                        {pct === null ? (
                          DASH
                        ) : (
                          <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
                            <LinearProgress variant="determinate" value={Math.max(0, Math.min(100, pct))} color={behind ? 'warning' : 'success'} sx={{ flex: 1, height: 6, borderRadius: 3 }} />
                            <Typography variant="caption" sx={{ minWidth: 44, textAlign: 'right' }}>
                              {pct.toFixed(1)}%
                            </Typography>
                          </Stack>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {t('card.targetsNote')}
            </Typography>
          </Panel>
        </Grid>
        <Grid size={12}>
          <Panel title={t('card.history')} testId="card-history">
            {c.history.length === 0 ? (
              <Typography sx={{ color: 'text.secondary' }}>{t('card.noSnapshots')}</Typography>
            ) : (
              <LineChart
                testId="card-history-chart"
                ariaLabel={t('card.history')}
                labels={c.history.map((h) => h.asOf.slice(2, 7))}
                series={[
                  { name: t('card.demand'), color: '#1565c0', values: c.history.map((h) => h.demandFen) },
                  { name: t('card.time'), color: '#6a1b9a', values: c.history.map((h) => h.timeFen) },
                  { name: t('card.aum'), color: '#2e7d32', values: c.history.map((h) => h.aumFen) },
                ]}
                format={(v) => `${formatWan(v)}${locale === 'en' ? '' : '万'}`}
              />
            )}
          </Panel>
        </Grid>
      </Grid>
    </Stack>
  );
}
