import { Alert, Button, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import type { BookConfig } from '../../../../shared/book/config.js';
import { parseYuanToFen } from '../../../../shared/model/money.js';
import { useApi } from '../../api/ApiProvider.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { clientTierKey } from '../../i18n/labels.js';

const WAN = 1_000_000;
const TIERS = ['gold', 'platinum', 'diamond', 'private'] as const;
const CONTRIBUTION = ['aum', 'avgAum', 'loan', 'income'] as const;
const LOYALTY = ['tenure', 'products', 'stability', 'activity'] as const;

/** 万元 text ↔ fen, exactly (no binary floats): "50" → 50,000,000 fen. */
const wanText = (fen: number): string => String(fen / WAN);
const fenOfWan = (text: string): number | null => {
  const yuanFen = parseYuanToFen(text.trim());
  return yuanFen === null ? null : yuanFen * 10_000;
};

/**
 * 客户分层与评分参数 (administrators): the tier basis and thresholds in 万元, and the weights of both scores. The
 * curves and stage rules keep their documented values (docs/book.md). Saving asks for a recompute.
 */
export function BookSettingsCard() {
  const t = useT();
  const api = useApi();
  const book = useApiQuery('book.config', {});
  const [draft, setDraft] = useState<BookConfig | null>(null);
  const [thresholds, setThresholds] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const loaded = book.state === 'ready' ? book.value.config : null;
  useEffect(() => {
    if (loaded === null) return;
    setDraft(loaded);
    setThresholds(Object.fromEntries(TIERS.map((k) => [k, wanText(loaded.tiers.thresholdsFen[k])])));
  }, [loaded]);
  if (draft === null) return null;

  const weight = (group: 'contribution' | 'loyalty', key: string, value: string): void => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) return;
    setDraft({ ...draft, [group]: { ...draft[group], weights: { ...draft[group].weights, [key]: n } } });
  };
  const save = (): void => {
    const fen = Object.fromEntries(TIERS.map((k) => [k, fenOfWan(thresholds[k] ?? '')]));
    if (Object.values(fen).some((v) => v === null)) return setError({ code: 'INVALID_INPUT', message: t('bookSettings.badAmount') });
    const config: BookConfig = { ...draft, tiers: { ...draft.tiers, thresholdsFen: fen as BookConfig['tiers']['thresholdsFen'] } };
    void api.call('book.setConfig', { config }).then((r) => {
      setError(r.ok ? null : r.error);
      setSaved(r.ok);
      if (r.ok) book.reload();
    });
  };
  return (
    <Card variant="outlined" data-testid="book-settings">
      <CardContent>
        <Typography variant="h3" component="h2" sx={{ mb: 1.5 }}>
          {t('bookSettings.title')}
        </Typography>
        <Stack sx={{ gap: 2 }}>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
            <TextField select size="small" label={t('bookSettings.basis')} value={draft.tiers.basis} onChange={(e) => setDraft({ ...draft, tiers: { ...draft.tiers, basis: e.target.value as 'aum' | 'avg_aum' } })} sx={{ width: 200 }}>
              <MenuItem value="aum">{t('bookSettings.basis.aum')}</MenuItem>
              <MenuItem value="avg_aum">{t('bookSettings.basis.avg')}</MenuItem>
            </TextField>
            {TIERS.map((k) => (
              <TextField
                key={k}
                size="small"
                label={`${t(clientTierKey(k))}（${t('bookSettings.fromWan')}）`}
                value={thresholds[k] ?? ''}
                onChange={(e) => setThresholds({ ...thresholds, [k]: e.target.value })}
                slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': `threshold-${k}` } }}
                sx={{ width: 150 }}
              />
            ))}
          </Stack>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            <Typography sx={{ minWidth: 96 }}>{t('client.contribution')}</Typography>
            {CONTRIBUTION.map((k) => (
              <TextField key={k} size="small" label={t(`bookSettings.w.${k}`)} value={draft.contribution.weights[k]} onChange={(e) => weight('contribution', k, e.target.value)} sx={{ width: 120 }} />
            ))}
          </Stack>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            <Typography sx={{ minWidth: 96 }}>{t('client.loyalty')}</Typography>
            {LOYALTY.map((k) => (
              <TextField key={k} size="small" label={t(`bookSettings.w.${k}`)} value={draft.loyalty.weights[k]} onChange={(e) => weight('loyalty', k, e.target.value)} sx={{ width: 120 }} />
            ))}
          </Stack>
          {error !== null && <ErrorAlert error={error} />}
          {saved && <Alert severity="success">{t('bookSettings.saved')}</Alert>}
          <Stack direction="row" sx={{ gap: 1 }}>
            <Button variant="contained" onClick={save} data-testid="book-settings-save">
              {t('roster.save')}
            </Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}
