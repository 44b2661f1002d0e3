import { Alert, AlertTitle, List, ListItem, ListItemText } from '@mui/material';
import type { SchemeProblemInfo } from '../../../../shared/api/ops/evaluation.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import type { Translate } from '../../i18n/messages.js';
import { fieldLabelKey, problemMessage } from './problem-text.js';
import type { DraftProblem, ItemDraft } from './scheme-draft.js';

function itemLabel(items: readonly ItemDraft[], index: number | null, t: Translate): string {
  if (index === null) return t('eval.problem.scheme');
  const item = items[index];
  return t('eval.problem.item', { n: index + 1, name: item === undefined || item.name === '' ? (item?.key ?? '') : item.name });
}

/** What the form itself says is wrong, by item and field. */
export function DraftProblems(props: { problems: readonly DraftProblem[]; items: readonly ItemDraft[] }) {
  const t = useT();
  return (
    <Alert severity="error" data-testid="eval-problems" data-count={props.problems.length} data-source="form">
      <AlertTitle>{t('eval.problem.title', { count: props.problems.length })}</AlertTitle>
      <List dense disablePadding>
        {props.problems.map((p, i) => {
          const label = fieldLabelKey(p.field);
          const m = problemMessage(p);
          return (
            <ListItem key={i} disableGutters data-testid="eval-problem" data-item={p.item ?? ''}>
              <ListItemText primary={`${itemLabel(props.items, p.item, t)} · ${label === null ? p.field : t(label)}：${'key' in m ? t(m.key) : m.text}`} />
            </ListItem>
          );
        })}
      </List>
    </Alert>
  );
}

/** What the server's checks found (weights, methods against sources, gates, unknown indicators), by item. */
export function SchemeProblems(props: { problems: readonly SchemeProblemInfo[]; items: readonly ItemDraft[] }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Alert severity="error" data-testid="eval-problems" data-count={props.problems.length} data-source="server">
      <AlertTitle>{t('eval.problem.title', { count: props.problems.length })}</AlertTitle>
      <List dense disablePadding>
        {props.problems.map((p, i) => {
          const index = p.item === null ? -1 : props.items.findIndex((x) => x.key === p.item);
          return (
            <ListItem key={i} disableGutters data-testid="eval-problem" data-item={p.item ?? ''}>
              <ListItemText primary={`${itemLabel(props.items, index < 0 ? null : index, t)}：${locale === 'en' ? p.message.en : p.message.zh}`} />
            </ListItem>
          );
        })}
      </List>
    </Alert>
  );
}
