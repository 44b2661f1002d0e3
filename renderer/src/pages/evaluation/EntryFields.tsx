import { Paper, Stack, TextField, Typography } from '@mui/material';
import type { SchemeItem } from '../../../../shared/evaluation/scheme.js';
import { useT } from '../../i18n/I18nProvider.js';
import type { EntryField } from './run-view.js';
import { entryValue } from './run-view.js';

/**
 * The supervisor's hand entries for one manager: qualitative points (0 … the item's weight, with the rubric as a
 * reminder) and deduction counts, each with a comment that the printed sheet carries.
 */
export function EntryFields(props: { items: readonly SchemeItem[]; fields: Record<string, EntryField>; onChange: (key: string, field: EntryField) => void; disabled: boolean }) {
  const t = useT();
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="eval-entries">
      <Typography sx={{ fontWeight: 600, mb: 1.5 }}>{t('eval.entry.title')}</Typography>
      <Stack sx={{ gap: 2 }}>
        {props.items.map((item) => {
          const field = props.fields[item.key] ?? { value: '', comment: '' };
          const bad = !entryValue(item, field.value).ok;
          const counted = item.source.kind === 'count';
          const rubric = item.source.kind === 'qualitative' ? item.source.rubric : [];
          return (
            <Stack key={item.key} direction="row" sx={{ gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
              <TextField
                size="small"
                label={counted ? t('eval.entry.count', { name: item.name }) : t('eval.entry.points', { name: item.name, max: item.weight })}
                value={field.value}
                error={bad}
                disabled={props.disabled}
                helperText={bad ? t(counted ? 'eval.entry.badCount' : 'eval.entry.badPoints', { max: item.weight }) : rubric.map((r) => `${r.level} ${r.fromPct}–${r.toPct}%`).join('；')}
                onChange={(e) => props.onChange(item.key, { ...field, value: e.target.value })}
                sx={{ width: 240 }}
                slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': `eval-entry-${item.key}` } }}
              />
              <TextField
                size="small"
                label={t('eval.entry.comment')}
                value={field.comment}
                disabled={props.disabled}
                onChange={(e) => props.onChange(item.key, { ...field, comment: e.target.value })}
                sx={{ flex: '1 1 260px' }}
                slotProps={{ htmlInput: { maxLength: 500, 'data-testid': `eval-entry-${item.key}-comment` } }}
              />
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
