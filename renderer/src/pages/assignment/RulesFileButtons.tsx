import { Button } from '@mui/material';
import { useRef } from 'react';
import { offerDownload } from '../../api/download.js';
import { useT } from '../../i18n/I18nProvider.js';
import { readRulesFile, rulesFile } from './rules-file.js';
import type { RulesFileRead } from './rules-file.js';
import type { RulesDraft } from './rules-draft.js';

/**
 * 保存 / 载入规则文件: the rules as JSON, the same file `branch-workbench assign --rules FILE` takes, so a run tried
 * here can be scheduled on the command line and the other way round.
 */
export function RulesFileButtons(props: { rules: RulesDraft | null; onLoaded: (fileName: string, read: RulesFileRead) => void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const { rules, onLoaded } = props;
  const load = (file: File): void => {
    file.text().then(
      (text) => onLoaded(file.name, readRulesFile(text)),
      (e: unknown) => onLoaded(file.name, { ok: false, problems: [e instanceof Error ? e.message : String(e)] }),
    );
  };
  return (
    <>
      <Button size="small" variant="outlined" disabled={rules === null} onClick={() => rules !== null && offerDownload(rulesFile(rules))} data-testid="rules-save">
        {t('rules.save')}
      </Button>
      <Button size="small" variant="outlined" onClick={() => input.current?.click()}>
        {t('rules.load')}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="rules-load"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so choosing the same file again (after editing it) loads it again.
          e.target.value = '';
          if (file !== undefined) load(file);
        }}
      />
    </>
  );
}
