import { Alert, Box, Button, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { OrgUnit } from '../../../../shared/model/org.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ApplyDialog } from './ApplyDialog.js';
import { PreviewPanel } from './PreviewPanel.js';
import { defaultRules, formOf, rulesOfForm, sameRules } from './rules-draft.js';
import type { RulesFormState } from './rules-draft.js';
import type { RulesFileRead } from './rules-file.js';
import { AppliedNotice, FileNoticeAlert } from './RulesNotices.js';
import type { FileNotice } from './RulesNotices.js';
import { RulesFileButtons } from './RulesFileButtons.js';
import { RulesForm } from './RulesForm.js';
import { useRulesRun } from './useRulesRun.js';

/**
 * 按规则分配: the rules form, 预览 (nothing changes) and 应用 (one undoable change). The form starts on the latest
 * data date; a preview is tied to the rules it was made for, and Apply is offered only while the form still says them.
 */
export function RulesPanel(props: {
  defaultAsOf: string;
  units: readonly OrgUnit[];
  /** Changes undone since (from the change list), so the result of Apply does not still offer its undo. */
  undoneChangeIds: ReadonlySet<number>;
  onApplied: (changeId: number | null) => void;
}) {
  const t = useT();
  const [form, setForm] = useState<RulesFormState>(() => formOf(defaultRules(props.defaultAsOf)));
  const [notice, setNotice] = useState<FileNotice | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { run, preview, apply } = useRulesRun();
  const rules = rulesOfForm(form);
  const ready = run.state === 'ready' ? run : null;
  const stale = ready !== null && (rules === null || !sameRules(rules, ready.rules));
  const canApply = ready !== null && !stale && ready.applied === null && ready.preview.moves.length > 0;

  const applyAndReport = async (reason: string): ReturnType<typeof apply> => {
    const r = await apply(reason);
    if (r.ok) props.onApplied(r.value.changeId);
    return r;
  };

  const onLoaded = (fileName: string, read: RulesFileRead): void => {
    setNotice({ fileName, read });
    if (read.ok) setForm(formOf(read.rules));
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="rules-panel">
      <Box>
        <Typography variant="h2" sx={{ fontSize: '1.15rem', fontWeight: 600 }}>
          {t('rules.title')}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('rules.intro')}
        </Typography>
      </Box>
      <RulesForm form={form} onForm={setForm} units={props.units} />
      {notice !== null && <FileNoticeAlert notice={notice} onClose={() => setNotice(null)} />}
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <Button variant="contained" disabled={rules === null || run.state === 'loading'} onClick={() => rules !== null && preview(rules)} data-testid="rules-preview-run">
          {t('rules.preview')}
        </Button>
        <Button variant="contained" color="warning" disabled={!canApply} onClick={() => setConfirming(true)} data-testid="rules-apply">
          {t('rules.apply')}
        </Button>
        <Box sx={{ flex: 1 }} />
        <RulesFileButtons rules={rules} onLoaded={onLoaded} />
      </Stack>
      <Typography variant="caption" sx={{ color: 'text.secondary', mt: -1.5, textAlign: 'right' }}>
        {t('rules.cliHint')}
      </Typography>
      <Box data-testid="rules-preview" data-state={run.state} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {run.state === 'loading' && <LinearProgress />}
        {run.state === 'error' && <ErrorAlert error={run.error} />}
        {stale && <Alert severity="warning" data-testid="rules-stale">{t('rules.stale')}</Alert>}
        {ready !== null && ready.applied !== null && <AppliedNotice applied={ready.applied} undone={ready.applied.changeId !== null && props.undoneChangeIds.has(ready.applied.changeId)} />}
        {ready !== null && <PreviewPanel preview={ready.preview} units={props.units} />}
      </Box>
      {confirming && ready !== null && (
        <ApplyDialog preview={ready.preview} apply={applyAndReport} onClose={() => setConfirming(false)} />
      )}
    </Paper>
  );
}

