import { Alert } from '@mui/material';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import type { RulesFileRead } from './rules-file.js';
import type { AppliedRun } from './useRulesRun.js';

export interface FileNotice {
  fileName: string;
  read: RulesFileRead;
}

/** What loading a rules file did: refused with the first problems, or loaded (naming lists the form reads as "any"). */
export function FileNoticeAlert(props: { notice: FileNotice; onClose: () => void }) {
  const t = useT();
  const { fileName, read } = props.notice;
  if (!read.ok) {
    return (
      <Alert severity="error" onClose={props.onClose} data-testid="rules-file-notice" data-ok="false">
        {t('rules.file.invalid', { file: fileName, problems: read.problems.join('；') })}
      </Alert>
    );
  }
  return (
    <Alert severity={read.emptyLists.length > 0 ? 'warning' : 'success'} onClose={props.onClose} data-testid="rules-file-notice" data-ok="true">
      {t('rules.file.loaded', { file: fileName })}
      {read.emptyLists.length > 0 && ` ${t('rules.file.emptyLists', { paths: read.emptyLists.join('、') })}`}
    </Alert>
  );
}

/**
 * The result of 应用. The server plans again on the data of that moment, so when the data changed since the preview
 * the count can differ from what was shown; the preview below is then replaced by the plan actually applied. Once the
 * change is undone (in the list below) the notice says so rather than offering an undo that is already done.
 */
export function AppliedNotice(props: { applied: AppliedRun; undone: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const { applied } = props;
  if (props.undone && applied.changeId !== null) {
    return (
      <Alert severity="info" data-testid="rules-applied" data-change-id={applied.changeId} data-undone="true">
        {t('rules.apply.undone', { id: applied.changeId })}
      </Alert>
    );
  }
  return (
    <Alert severity="success" data-testid="rules-applied" data-change-id={applied.changeId ?? ''} data-changed={applied.changed}>
      {applied.changeId === null ? t('rules.apply.noop') : t('rules.apply.done', { changed: formatCount(applied.changed, locale), id: applied.changeId })}
      {applied.changed !== applied.previewedMoves &&
        ` ${t('rules.apply.differs', { applied: formatCount(applied.changed, locale), previewed: formatCount(applied.previewedMoves, locale) })}`}
    </Alert>
  );
}
