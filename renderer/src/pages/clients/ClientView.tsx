import { Alert, Box, Card, CardContent, Chip, Grid, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { ClientDetail } from '../../../../shared/book/client-detail.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import { formatFen, formatWan } from '../../../../shared/model/money.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { useAuth } from '../../auth/AuthGate.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LineChart } from '../../components/LineChart.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { hrefFor } from '../../routing/routes.js';
import { ScoreCard } from '../client/ScoreCard.js';
import { LogContactButton } from '../worklog/LogContactButton.js';
import { TeamCard } from './TeamCard.js';

const DASH = '—';

function Section(props: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card variant="outlined" data-testid={props.testId}>
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
          {props.title}
        </Typography>
        {props.children}
      </CardContent>
    </Card>
  );
}

function Field(props: { label: string; value: ReactNode }) {
  return (
    <Stack direction="row" sx={{ gap: 1, py: 0.25 }}>
      <Typography sx={{ color: 'text.secondary', minWidth: 88 }}>{props.label}</Typography>
      <Typography component="div">{props.value ?? DASH}</Typography>
    </Stack>
  );
}

/** 客户视图: who the client is, how the book rates them and why, their balances, products, managers and contacts. */
export function ClientView(props: { id: number }) {
  const t = useT();
  const detail = useApiQuery('clients.get', { id: props.id });
  const c = detail.state === 'ready' ? detail.value : null;
  return (
    <PageRoot page="clients" state={detail.state} title={c === null ? undefined : `${c.name}（${c.clientNo}）`}>
      <Link href={hrefFor('clients')} data-testid="client-back">
        {t('client.back')}
      </Link>
      {detail.state === 'error' && <ErrorAlert error={detail.error} onRetry={detail.reload} />}
      {c !== null && <ClientBody c={c} onTeamChanged={detail.reload} />}
    </PageRoot>
  );
}

function ClientBody(props: { c: ClientDetail; onTeamChanged: () => void }) {
  const t = useT();
  // Teams and shares are the supervisors' to set; a client manager only reads the history below.
  const canEditTeam = useAuth().user.role !== 'manager';
  const { locale } = useLocale();
  const { c } = props;
  const s = c.score;
  return (
    <Box data-testid="client-view" data-client-no={c.clientNo}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title={t('client.identity')} testId="client-identity">
            <Field label={t('client.idType')} value={c.idType} />
            <Field label={t('client.idNo')} value={<span style={{ fontFamily: 'monospace' }}>{c.idNo ?? DASH}</span>} />
            <Field label={t('client.phone')} value={<span style={{ fontFamily: 'monospace' }}>{c.phone ?? DASH}</span>} />
            <Field label={t('client.birthDate')} value={c.birthDate} />
            <Field label={t('client.openDate')} value={c.openDate} />
            <Field label={t('client.outlet')} value={c.orgUnit === null ? null : <Link href={hrefFor('managers', c.orgUnit.id)}>{c.orgUnit.name}</Link>} />
            {c.identityMasked && (
              <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                {t('client.masked')}
              </Typography>
            )}
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title={t('client.rating')} testId="client-rating">
            {s === null ? (
              <Alert severity="warning">{t('client.notScored')}</Alert>
            ) : (
              <Stack sx={{ gap: 1 }}>
                <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
                  <Chip color="primary" label={`${t('client.tier')}：${pickText(s.tier.label, locale)}`} data-testid="client-tier" />
                  <Chip label={`${t('client.stage')}：${pickText(s.stage.label, locale)}`} data-testid="client-stage" />
                  <Chip variant="outlined" label={pickText(s.segment.label, locale)} data-testid="client-segment" />
                </Stack>
                <Typography variant="body2">{pickText(s.tier.rule, locale)}</Typography>
                <Typography variant="body2" data-testid="client-stage-rule">
                  {pickText(s.stage.rule, locale)}
                </Typography>
                <Alert severity="info" icon={false} data-testid="client-strategy">
                  <strong>{t('client.strategy')}：</strong>
                  {s.segment.strategy}
                </Alert>
                <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                  {t('client.scoredAsOf', { asOf: s.asOf })}
                </Typography>
              </Stack>
            )}
          </Section>
        </Grid>
        {s !== null && (
          <>
            <Grid size={{ xs: 12, lg: 6 }}>
              <ScoreCard title={t('client.contribution')} score={s.contribution} testId="score-contribution" />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <ScoreCard title={t('client.loyalty')} score={s.loyalty} testId="score-loyalty" />
            </Grid>
          </>
        )}
        <Grid size={12}>
          <Section title={t('client.balances')} testId="client-balances">
            {c.balances.length === 0 ? (
              <Typography sx={{ color: 'text.secondary' }}>{t('client.noBalances')}</Typography>
            ) : (
              <LineChart
                testId="client-balance-chart"
                ariaLabel={t('client.balances')}
                labels={c.balances.map((b) => b.asOf.slice(2, 7))}
                series={[
                  { name: t('client.aum'), color: '#1565c0', values: c.balances.map((b) => b.aumFen) },
                  { name: t('client.avgAum'), color: '#2e7d32', values: c.balances.map((b) => b.avgAumFen) },
                  { name: t('client.loan'), color: '#c62828', values: c.balances.map((b) => b.loanFen) },
                ]}
                format={(v) => `${formatWan(v)}${locale === 'en' ? '' : '万'}`}
              />
            )}
          </Section>
        </Grid>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Section title={t('client.holdings')} testId="client-holdings">
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('client.col.account')}</TableCell>
                  <TableCell>{t('client.col.product')}</TableCell>
                  <TableCell align="right">{t('client.col.amount')}</TableCell>
                  <TableCell>{t('client.col.maturity')}</TableCell>
                  <TableCell>{t('client.col.status')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {c.holdings.map((h) => (
                  <TableRow key={h.accountNo}>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{h.accountNo}</TableCell>
                    <TableCell>{h.productName ?? h.productType}</TableCell>
                    <TableCell align="right">{formatFen(h.amountFen)}</TableCell>
                    <TableCell>{h.maturityDate ?? DASH}</TableCell>
                    <TableCell>{h.status === 'open' ? t('client.open') : t('client.closed')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          {canEditTeam && (
            <Box sx={{ mb: 2 }}>
              <TeamCard clientId={c.id} orgUnitId={c.orgUnit?.id ?? null} onChanged={props.onTeamChanged} />
            </Box>
          )}
          <Section title={t('client.managers')} testId="client-managers">
            {c.managers.length === 0 && <Typography sx={{ color: 'text.secondary' }}>{t('clients.unassigned')}</Typography>}
            {c.managers.map((m) => (
              <Field key={`${m.managerId}-${m.validFrom}`} label={`${m.validFrom} ~ ${m.validTo ?? t('client.now')}`} value={`${m.name}（${m.staffNo}）${m.role === 'secondary' ? ` ${t('client.secondary')}` : ''}`} />
            ))}
          </Section>
          <Box sx={{ height: 16 }} />
          <Section title={t('client.contacts')} testId="client-contacts">
            <LogContactButton clientNo={c.clientNo} onLogged={props.onTeamChanged} />
            {c.contacts.length === 0 && <Typography sx={{ color: 'text.secondary' }}>{t('client.noContacts')}</Typography>}
            {c.contacts.slice(0, 8).map((k) => (
              <Field key={k.id} label={k.contactAt.slice(0, 10)} value={`${k.managerName} · ${k.purpose ?? ''}${k.outcome === null ? '' : ` → ${k.outcome}`}`} />
            ))}
          </Section>
        </Grid>
      </Grid>
    </Box>
  );
}
