import { Box, Card, CardContent, Typography } from '@mui/material';
import type { WorkspaceSummary } from '../../../../shared/api/ops/system.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import type { MessageKey } from '../../i18n/messages.js';
import { SUMMARY_COUNTS } from './summary.js';

const summaryKey = (key: keyof WorkspaceSummary): MessageKey => `summary.${key}`;

/** 工作区概况: what the workspace holds, as counts (the first thing to check after an import). */
export function WorkspaceCard(props: { summary: WorkspaceSummary }) {
  const t = useT();
  const { locale } = useLocale();
  const { summary } = props;
  const items = [
    ...SUMMARY_COUNTS.map((key) => ({ key, label: t(summaryKey(key)), value: formatCount(summary[key], locale) })),
    { key: 'latestAsOf' as const, label: t('summary.latestAsOf'), value: summary.latestAsOf ?? t('dashboard.noDate') },
  ];
  return (
    <Card data-testid="summary-cards" className="bw-dash-card">
      <CardContent>
        <Typography variant="h2" component="h2" sx={{ mb: 1 }}>
          {t('dashboard.title')}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: 1.5 }}>
          {items.map((i) => (
            <Box key={i.key} data-testid={`summary-${i.key}`}>
              <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                {i.label}
              </Typography>
              <Typography data-testid={`summary-${i.key}-value`} sx={{ fontSize: '1.1rem', fontWeight: 600, color: 'primary.dark', fontVariantNumeric: 'tabular-nums' }}>
                {i.value}
              </Typography>
            </Box>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
}
