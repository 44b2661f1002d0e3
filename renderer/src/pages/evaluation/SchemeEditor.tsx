import { Button, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { SchemeVersionInfo } from '../../../../shared/api/ops/evaluation.js';
import type { OrgUnit } from '../../../../shared/model/org.js';
import type { IndicatorView } from '../../../../shared/targets/decomposition.js';
import { offerDownload } from '../../api/download.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/I18nProvider.js';
import { CheckPanel } from './CheckPanel.js';
import { ItemDialog } from './ItemDialog.js';
import { ItemsTable } from './ItemsTable.js';
import { RulesFields } from './RulesFields.js';
import { SchemeBasics } from './SchemeBasics.js';
import type { SchemeDraft } from './scheme-draft.js';
import { newItem } from './scheme-draft.js';
import { schemeFile } from './scheme-file.js';
import { useSchemeEditor } from './useSchemeEditor.js';

function Section(props: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid={props.testId}>
      <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 600, mb: 1.5 }}>
        {props.title}
      </Typography>
      {props.children}
    </Paper>
  );
}

/** Which item the dialog edits: an existing one by index, or a new one not yet in the list. */
type Editing = { index: number } | { index: null; kind: Parameters<typeof newItem>[0] };

/**
 * 方案编辑: basics, items (with the live weight total), coefficients and rules, then 检查并预览 and 保存为新版本.
 * Editing an existing scheme saves a new version of its code; earlier versions stay for the periods they cover.
 */
export function SchemeEditor(props: {
  initial: SchemeDraft;
  /** The version being edited, or null for a new scheme (its code can still be chosen). */
  base: SchemeVersionInfo | null;
  indicators: readonly IndicatorView[];
  outlets: readonly OrgUnit[];
  latestAsOf: string | null;
  onSaved: (saved: SchemeVersionInfo) => void;
  onClose: () => void;
  onBusy: (busy: boolean) => void;
}) {
  const t = useT();
  const editor = useSchemeEditor(props.initial, props.indicators, props.onSaved);
  const { draft, setItems } = editor;
  const [editing, setEditing] = useState<Editing | null>(null);
  const { onBusy } = props;
  useEffect(() => onBusy(editor.busy), [onBusy, editor.busy]);
  // Saving closes the editor before its busy flag drops: the page must not stay marked as loading.
  useEffect(() => () => onBusy(false), [onBusy]);

  const dialogItem = editing === null ? null : editing.index === null ? newItem(editing.kind, draft.items.map((i) => i.key)) : (draft.items[editing.index] ?? null);
  const move = (i: number, by: -1 | 1): void =>
    setItems((items) => {
      const next = [...items];
      const [it] = next.splice(i, 1);
      if (it !== undefined) next.splice(i + by, 0, it);
      return next;
    });
  const exportFile = (): void => {
    const scheme = editor.schemeForFile();
    if (scheme !== null) offerDownload(schemeFile(scheme));
  };
  return (
    <Stack sx={{ gap: 2 }} data-testid="eval-editor" data-code={draft.code}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
        <Typography variant="h2" sx={{ fontSize: '1.15rem', fontWeight: 600 }}>
          {props.base === null ? t('eval.editor.new') : t('eval.editor.edit', { code: props.base.code, version: props.base.version })}
        </Typography>
        <Button size="small" variant="outlined" sx={{ ml: 'auto' }} onClick={exportFile} data-testid="eval-scheme-export">
          {t('eval.file.export')}
        </Button>
        <Button size="small" onClick={props.onClose} data-testid="eval-editor-close">
          {t('eval.editor.close')}
        </Button>
      </Stack>
      <Section title={t('eval.editor.basics')}>
        <SchemeBasics draft={draft} update={editor.update} codeLocked={props.base !== null} />
      </Section>
      <Section title={t('eval.editor.items')} testId="eval-editor-items">
        <ItemsTable
          items={draft.items}
          indicators={props.indicators}
          onAdd={(kind) => setEditing({ index: null, kind })}
          onEdit={(index) => setEditing({ index })}
          onRemove={(index) => setItems((items) => items.filter((_, n) => n !== index))}
          onMove={move}
        />
      </Section>
      <Section title={t('eval.editor.rules')}>
        <RulesFields draft={draft} outlets={props.outlets} update={editor.update} />
      </Section>
      <Section title={t('eval.editor.checkSave')} testId="eval-editor-check">
        <CheckPanel editor={editor} latestAsOf={props.latestAsOf} />
        {editor.error !== null && (
          <Stack sx={{ mt: 1.5 }}>
            <ErrorAlert error={editor.error} />
          </Stack>
        )}
      </Section>
      {editing !== null && dialogItem !== null && (
        <ItemDialog
          item={dialogItem}
          isNew={editing.index === null}
          others={draft.items.filter((_, n) => n !== editing.index).map((i) => ({ key: i.key, name: i.name }))}
          indicators={props.indicators}
          onClose={() => setEditing(null)}
          onApply={(item) => {
            setItems((items) => (editing.index === null ? [...items, item] : items.map((x, n) => (n === editing.index ? item : x))));
            setEditing(null);
          }}
        />
      )}
    </Stack>
  );
}
