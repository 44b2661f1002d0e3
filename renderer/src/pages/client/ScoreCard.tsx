import { Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ComponentUnit, ScoreBreakdown } from '../../../../shared/book/types.js';
import { pickText } from '../../../../shared/i18n/locale.js';
import type { Locale } from '../../../../shared/i18n/locale.js';
import { formatFen } from '../../../../shared/model/money.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';

const DASH = '—';

/** A component's raw input in its own unit, for the explanation table. */
export function formatComponentValue(value: number | null, unit: ComponentUnit, locale: Locale): string {
  if (value === null) return DASH;
  switch (unit) {
    case 'fen':
      return `${formatFen(value)}${locale === 'en' ? ' yuan' : ' 元'}`;
    case 'months':
      return locale === 'en' ? `${value} months` : `${value} 个月`;
    case 'count':
      return String(value);
    case 'permille':
      return `${(value / 10).toFixed(1)}%`;
    case 'per_month':
      return locale === 'en' ? `${value.toFixed(2)} / month` : `${value.toFixed(2)} 笔/月`;
  }
}

/**
 * One score explained (贡献度 or 忠诚度): each component's input, its points on the configured curve, its weight and
 * share, and what it adds to the total. Absent components (no data) are listed and carry no weight.
 */
export function ScoreCard(props: { title: string; score: ScoreBreakdown; testId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { title, score, testId } = props;
  return (
    <Card variant="outlined" data-testid={testId} data-total={score.total.toFixed(1)}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between' }}>
          <Typography variant="h3" component="h2">
            {title}
          </Typography>
          <Typography variant="h2" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }}>
            {score.total.toFixed(1)}
          </Typography>
        </Stack>
        <Table size="small" sx={{ mt: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('client.score.component')}</TableCell>
              <TableCell align="right">{t('client.score.value')}</TableCell>
              <TableCell align="right">{t('client.score.points')}</TableCell>
              <TableCell align="right">{t('client.score.weight')}</TableCell>
              <TableCell align="right">{t('client.score.share')}</TableCell>
              <TableCell align="right">{t('client.score.adds')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {score.components.map((c) => (
              <TableRow key={c.key} data-testid="score-component" data-key={c.key} data-points={c.points === null ? '' : c.points.toFixed(1)} sx={{ opacity: c.present ? 1 : 0.55 }}>
                <TableCell>
                  {pickText(c.label, locale)}
                  {!c.present && <Chip size="small" label={t('client.score.absent')} sx={{ ml: 1 }} />}
                </TableCell>
                <TableCell align="right">{formatComponentValue(c.value, c.unit, locale)}</TableCell>
                <TableCell align="right">{c.points === null ? DASH : c.points.toFixed(1)}</TableCell>
                <TableCell align="right">{c.weight}</TableCell>
                <TableCell align="right">{c.present ? `${c.share.toFixed(1)}%` : DASH}</TableCell>
                <TableCell align="right">{c.present ? c.contribution.toFixed(1) : DASH}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell colSpan={5} sx={{ fontWeight: 600 }}>
                {t('client.score.total')}
              </TableCell>
              <TableCell align="right" sx={{ fontWeight: 600 }}>
                {score.total.toFixed(1)}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
