import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import SaveIcon from '@mui/icons-material/Save';
import { useState } from 'react';
import { useT } from '../../i18n/I18nProvider.js';
import { DraftProblems, SchemeProblems } from './ProblemList.js';
import { ScoresTable } from './ScoresTable.js';
import { SelectField } from './fields.js';
import { periodChoices, periodStart } from './eval-periods.js';
import type { SchemeEditorState } from './useSchemeEditor.js';

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * 检查并预览 / 保存为新版本: the draft checked as saveScheme would check it and scored on a period's data (nothing
 * stored), then saved as a new version in force from a date — by default the first day of the period previewed,
 * so that period is computed with what was just seen.
 */
export function CheckPanel(props: { editor: SchemeEditorState; latestAsOf: string | null }) {
  const t = useT();
  const { editor } = props;
  const { draft, check } = editor;
  const choices = periodChoices(draft.periodType, props.latestAsOf, today());
  const [period, setPeriod] = useState<string | null>(null);
  const shown = period !== null && choices.includes(period) ? period : (choices[0] ?? '');
  const [validFrom, setValidFrom] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const from = validFrom ?? (shown === '' ? '' : periodStart(shown));
  const passed = check !== null && check.problems.length === 0 && editor.local === null;
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        <SelectField label={t('eval.periodOf', { type: t(`eval.periodType.${draft.periodType}`) })} value={shown} options={choices.map((p) => ({ value: p, label: p }))} onChange={setPeriod} testId="eval-check-period" width={170} />
        <Button variant="outlined" startIcon={<FactCheckIcon />} disabled={editor.busy} onClick={() => editor.checkAndPreview(shown)} data-testid="eval-check">
          {t('eval.check.run')}
        </Button>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('eval.check.hint')}
        </Typography>
      </Stack>
      {editor.local !== null && <DraftProblems problems={editor.local} items={draft.items} />}
      {editor.local === null && check !== null && check.problems.length > 0 && <SchemeProblems problems={check.problems} items={draft.items} />}
      {editor.checkStale && <Alert severity="warning">{t('eval.check.stale')}</Alert>}
      {passed && check.preview !== null && (
        <Stack sx={{ gap: 1 }} data-testid="eval-preview" data-period={check.period} data-count={check.preview.length}>
          <Alert severity="success">{t('eval.check.passed', { period: check.period, count: check.preview.length })}</Alert>
          <ScoresTable scheme={draft} cards={check.preview} testId="eval-preview-table" />
        </Stack>
      )}
      <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap', pt: 1, borderTop: 1, borderColor: 'divider' }}>
        <TextField
          type="date"
          size="small"
          label={t('eval.save.validFrom')}
          value={from}
          onChange={(e) => setValidFrom(e.target.value === '' ? null : e.target.value)}
          sx={{ width: 180 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'eval-save-from' } }}
        />
        <TextField size="small" label={t('eval.save.note')} value={note} onChange={(e) => setNote(e.target.value)} sx={{ flex: '1 1 240px' }} slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'eval-save-note' } }} />
        <Button variant="contained" startIcon={<SaveIcon />} disabled={editor.busy || from === ''} onClick={() => editor.save(from, note)} data-testid="eval-save">
          {t('eval.save.run')}
        </Button>
      </Stack>
    </Stack>
  );
}
