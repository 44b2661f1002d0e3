import { Alert, Box, Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { useState } from 'react';
import type { CoverageReport } from '../../../../shared/assignment/coverage.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { useAuth } from '../../auth/AuthGate.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import { CoverageFindings } from './CoverageFindings.js';
import { CoverageTable } from './CoverageTable.js';
import { PolicyDialog } from './PolicyDialog.js';
import { pctText } from './coverage-view.js';

function Figure(props: { label: string; value: string; testId: string; tone?: 'error' | 'warning' }) {
  return (
    <Card variant="outlined" sx={{ flex: '1 1 150px', minWidth: 150 }} data-testid={props.testId}>
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {props.label}
        </Typography>
        <Typography variant="h3" component="p" sx={{ fontVariantNumeric: 'tabular-nums', color: props.tone === undefined ? undefined : `${props.tone}.main` }}>
          {props.value}
        </Typography>
      </CardContent>
    </Card>
  );
}

/**
 * 管户覆盖: per outlet, VIP clients looked after by 专职 managers, VIP clients nobody looks after and managers over
 * their caps, checked against the branch policy (thresholds editable by the administrator).
 */
export function CoveragePage() {
  const t = useT();
  const { role } = useAuth().user;
  const [asOf, setAsOf] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const report = useApiQuery('coverage.report', asOf === null ? {} : { asOf });
  const r = report.state === 'ready' ? report.value : report.latest;
  return (
    <PageRoot
      page="coverage"
      state={report.state}
      actions={
        <TextField
          type="date"
          size="small"
          label={t('coverage.asOf')}
          value={asOf ?? r?.asOf ?? ''}
          onChange={(e) => e.target.value !== '' && setAsOf(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'coverage-as-of' } }}
          sx={{ width: 170 }}
        />
      }
    >
      <Typography sx={{ color: 'text.secondary' }}>{t('coverage.intro')}</Typography>
      {report.state === 'error' && <ErrorAlert error={report.error} onRetry={report.reload} />}
      {r !== null && <PolicyBar report={r} canEdit={role === 'admin'} onEdit={() => setEditing(true)} />}
      {r !== null && <Body report={r} />}
      {editing && r !== null && <PolicyDialog policy={r.policy} onClose={() => setEditing(false)} onSaved={report.reload} />}
    </PageRoot>
  );
}

function PolicyBar(props: { report: CoverageReport; canEdit: boolean; onEdit: () => void }) {
  const t = useT();
  const { policy, scoredAsOf } = props.report;
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }} data-testid="coverage-policy" data-min-vip={policy.minVipForFullTime}>
      <Chip color="primary" variant="outlined" label={t('coverage.policy.rule', { count: policy.minVipForFullTime })} />
      {policy.minCoveragePct !== undefined && <Chip color="primary" variant="outlined" label={t('coverage.policy.share', { pct: policy.minCoveragePct })} />}
      {props.canEdit && (
        <Button size="small" startIcon={<EditIcon />} onClick={props.onEdit} data-testid="coverage-policy-edit">
          {t('coverage.policy.edit')}
        </Button>
      )}
      {scoredAsOf !== null && (
        <Typography variant="body2" sx={{ color: 'text.secondary', ml: 'auto' }}>
          {t('coverage.scoredAsOf', { date: scoredAsOf })}
        </Typography>
      )}
    </Stack>
  );
}

function Body(props: { report: CoverageReport }) {
  const t = useT();
  const { locale } = useLocale();
  const { outlets, totals, scoredAsOf } = props.report;
  if (outlets.length === 0) return <Alert severity="info">{t('coverage.empty')}</Alert>;
  const orphans = totals.vipUnassigned + totals.vipFormerManager;
  return (
    <Stack sx={{ gap: 2 }}>
      {scoredAsOf === null && <Alert severity="info">{t('coverage.notScored')}</Alert>}
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
        <Figure label={t('coverage.total.outlets')} value={formatCount(totals.outlets, locale)} testId="coverage-total-outlets" />
        <Figure label={t('coverage.total.vip')} value={formatCount(totals.vipClients, locale)} testId="coverage-total-vip" />
        <Figure label={t('coverage.total.share')} value={pctText(totals.vipFullTimeBp)} testId="coverage-total-share" />
        <Figure label={t('coverage.total.orphans')} value={formatCount(orphans, locale)} testId="coverage-total-orphans" {...(orphans > 0 ? { tone: 'warning' as const } : {})} />
        <Figure label={t('coverage.total.over')} value={formatCount(totals.managersOverCapacity, locale)} testId="coverage-total-over" {...(totals.managersOverCapacity > 0 ? { tone: 'warning' as const } : {})} />
        <Figure label={t('coverage.total.needs')} value={formatCount(totals.outletsNeedingFullTime, locale)} testId="coverage-total-needs" {...(totals.outletsNeedingFullTime > 0 ? { tone: 'error' as const } : {})} />
      </Box>
      <CoverageFindings outlets={outlets} />
      <CoverageTable outlets={outlets} totals={totals} />
    </Stack>
  );
}
