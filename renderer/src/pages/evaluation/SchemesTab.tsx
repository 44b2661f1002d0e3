import { Alert, AlertTitle, Button, Stack } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useCallback, useEffect, useState } from 'react';
import type { SchemeVersionInfo } from '../../../../shared/api/ops/evaluation.js';
import type { PageState } from '../../api/query-state.js';
import { combineStates } from '../../api/query-state.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { OpenFileButton } from '../../components/OpenFileButton.js';
import { useT } from '../../i18n/I18nProvider.js';
import { SchemeEditor } from './SchemeEditor.js';
import { SchemeVersions } from './SchemeVersions.js';
import type { SchemeDraft } from './scheme-draft.js';
import { draftOf, emptyDraft } from './scheme-draft.js';
import { readSchemeFile } from './scheme-file.js';

interface Editing {
  /** Bumped for each scheme opened, so the editor starts again from its draft. */
  seq: number;
  draft: SchemeDraft;
  base: SchemeVersionInfo | null;
}

/**
 * 考核方案: the versions so far, and the editor for a new scheme, a new version of one, or a scheme file (the
 * JSON the CLI reads). A file's code that exists already becomes that scheme's next version.
 */
export function SchemesTab(props: { latestAsOf: string | null; onState: (s: PageState) => void }) {
  const t = useT();
  const schemes = useApiQuery('evaluation.schemes', {});
  const indicators = useApiQuery('targets.indicators', {});
  const tree = useApiQuery('org.tree', {});
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saved, setSaved] = useState<SchemeVersionInfo | null>(null);
  const [fileProblems, setFileProblems] = useState<{ name: string; problems: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const { onState } = props;
  const state = combineStates(schemes.state, indicators.state, tree.state === 'error' ? 'ready' : tree.state, busy ? 'loading' : 'ready');
  useEffect(() => onState(state), [onState, state]);
  const onBusy = useCallback((b: boolean) => setBusy(b), []);

  if (schemes.state === 'error') return <ErrorAlert error={schemes.error} onRetry={schemes.reload} />;
  if (indicators.state === 'error') return <ErrorAlert error={indicators.error} onRetry={indicators.reload} />;
  const versions = schemes.state === 'ready' ? schemes.value : (schemes.latest ?? []);
  const indicatorList = indicators.state === 'ready' ? indicators.value : [];
  const outlets = (tree.state === 'ready' ? tree.value : []).filter((u) => u.level === 'outlet');
  const open = (draft: SchemeDraft, base: SchemeVersionInfo | null): void => {
    setSaved(null);
    setFileProblems(null);
    setEditing((e) => ({ seq: (e?.seq ?? 0) + 1, draft, base }));
  };
  const load = (name: string, text: string): void => {
    const read = readSchemeFile(text);
    if (!read.ok) return setFileProblems({ name, problems: read.problems });
    const base = versions.find((v) => v.code === read.scheme.code) ?? null;
    open(draftOf(read.scheme, indicatorList), base);
  };
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ gap: 1 }}>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => open(emptyDraft(), null)} data-testid="eval-scheme-new">
          {t('eval.schemes.new')}
        </Button>
        <OpenFileButton label={t('eval.file.import')} testId="eval-scheme-import" onRead={load} onFailed={(name, reason) => setFileProblems({ name, problems: [reason] })} />
      </Stack>
      {fileProblems !== null && (
        <Alert severity="error" onClose={() => setFileProblems(null)} data-testid="eval-file-problems">
          <AlertTitle>{t('eval.file.bad', { name: fileProblems.name })}</AlertTitle>
          {fileProblems.problems.join('；')}
        </Alert>
      )}
      {saved !== null && (
        <Alert severity="success" onClose={() => setSaved(null)} data-testid="eval-saved" data-code={saved.code} data-version={saved.version}>
          {t('eval.save.done', { code: saved.code, version: saved.version, from: saved.validFrom })}
        </Alert>
      )}
      <SchemeVersions versions={versions} editingId={editing?.base?.id ?? null} onEdit={(v) => open(draftOf(v.scheme, indicatorList), v)} />
      {editing !== null && indicators.state === 'ready' && (
        <SchemeEditor
          key={editing.seq}
          initial={editing.draft}
          base={editing.base}
          indicators={indicatorList}
          outlets={outlets}
          latestAsOf={props.latestAsOf}
          onBusy={onBusy}
          onClose={() => setEditing(null)}
          onSaved={(v) => {
            setSaved(v);
            setEditing(null);
            schemes.reload();
          }}
        />
      )}
    </Stack>
  );
}
