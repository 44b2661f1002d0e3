import { Stack, Typography } from '@mui/material';
import type { ReportTable } from '../../../../shared/reports/report.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { ReportGrid } from './ReportGrid.js';

/** A report on screen: its header (unit and period, basis, who and when), the table and the detail list. */
export function ReportView(props: { table: ReportTable }) {
  const t = useT();
  const lang = useLocale().locale === 'en' ? 'en' : 'zh';
  const { table } = props;
  const detail = table.detail ?? null;
  return (
    <Stack sx={{ gap: 1.5 }} data-testid="reports-table" data-report={table.id}>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant="h2" sx={{ fontSize: 18 }}>
          {table.title[lang]} · {table.scopeLabel}
        </Typography>
        <Typography sx={{ color: 'text.secondary' }}>{t('reports.rows', { count: table.rows.length })}</Typography>
      </Stack>
      <Typography sx={{ color: 'text.secondary' }} data-testid="reports-basis">
        {t('reports.basis')}：{table.basis[lang]}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('reports.generated', { by: table.generatedBy ?? '', at: new Date(table.generatedAt).toLocaleString() })}
      </Typography>
      {table.rows.length === 0 ? <Typography>{t('reports.empty')}</Typography> : <ReportGrid columns={table.columns} rows={table.rows} totals={table.totals} testId="reports-grid" />}
      {detail !== null && (
        <>
          <Typography variant="h3" sx={{ fontSize: 16, mt: 1 }}>
            {detail.title[lang]}
          </Typography>
          {detail.rows.length > 0 && <ReportGrid columns={detail.columns} rows={detail.rows} totals={null} testId="reports-detail" />}
          {detail.truncated !== null && <Typography variant="body2">{t('reports.detailTruncated', { total: detail.truncated.total, limit: detail.truncated.limit })}</Typography>}
        </>
      )}
    </Stack>
  );
}
