import { Button } from '@mui/material';
import { offerDownload } from '../../api/download.js';
import { OpenFileButton } from '../../components/OpenFileButton.js';
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
  const { rules, onLoaded } = props;
  return (
    <>
      <Button size="small" variant="outlined" disabled={rules === null} onClick={() => rules !== null && offerDownload(rulesFile(rules))} data-testid="rules-save">
        {t('rules.save')}
      </Button>
      <OpenFileButton
        size="small"
        label={t('rules.load')}
        testId="rules-load"
        onRead={(name, text) => onLoaded(name, readRulesFile(text))}
        onFailed={(name, reason) => onLoaded(name, { ok: false, problems: [reason] })}
      />
    </>
  );
}
