import { Card, CardContent, Grid, Typography } from '@mui/material';
import EventIcon from '@mui/icons-material/Event';
import type { WorkspaceSummary } from '../../../../shared/api/ops/system.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import type { MessageKey } from '../../i18n/messages.js';
import { SUMMARY_COUNTS, isWorkspaceEmpty } from './summary.js';

const summaryKey = (key: keyof WorkspaceSummary): MessageKey => `summary.${key}`;

export function DashboardPage() {
  const t = useT();
  const summary = useApiQuery('system.summary', {});
  return (
    <PageRoot page="dashboard" state={summary.state}>
      {summary.state === 'error' && <ErrorAlert error={summary.error} onRetry={summary.reload} />}
      {summary.state === 'ready' &&
        (isWorkspaceEmpty(summary.value) ? (
          <EmptyState
            testId="dashboard-empty"
            title={t('dashboard.empty.title')}
            body={t('dashboard.empty.body')}
            actions={[
              { to: 'import', label: t('dashboard.empty.import') },
              { to: 'settings', label: t('common.goDemo') },
            ]}
          />
        ) : (
          <SummaryCards summary={summary.value} />
        ))}
    </PageRoot>
  );
}

function SummaryCards(props: { summary: WorkspaceSummary }) {
  const t = useT();
  const { locale } = useLocale();
  const { summary } = props;
  return (
    <>
      <Typography variant="h2" component="h2">
        {t('dashboard.title')}
      </Typography>
      <Grid container spacing={2} data-testid="summary-cards">
        {SUMMARY_COUNTS.map((key) => (
          <Grid key={key} size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
            <SummaryCard testId={`summary-${key}`} label={t(summaryKey(key))} value={formatCount(summary[key], locale)} />
          </Grid>
        ))}
        <Grid size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
          <SummaryCard
            testId="summary-latestAsOf"
            label={t('summary.latestAsOf')}
            value={summary.latestAsOf ?? t('dashboard.noDate')}
            icon
          />
        </Grid>
      </Grid>
    </>
  );
}

function SummaryCard(props: { testId: string; label: string; value: string; icon?: boolean }) {
  return (
    <Card data-testid={props.testId} sx={{ height: '100%' }}>
      <CardContent>
        <Typography sx={{ color: 'text.secondary', fontSize: '0.875rem', display: 'flex', alignItems: 'center', gap: 0.5 }}>
          {props.icon === true && <EventIcon fontSize="inherit" aria-hidden />}
          {props.label}
        </Typography>
        <Typography
          data-testid={`${props.testId}-value`}
          sx={{ fontSize: '1.75rem', fontWeight: 600, color: 'primary.dark', fontVariantNumeric: 'tabular-nums', mt: 0.5 }}
        >
          {props.value}
        </Typography>
      </CardContent>
    </Card>
  );
}
