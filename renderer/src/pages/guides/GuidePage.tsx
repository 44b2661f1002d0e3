import { List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import type { WorkspaceSummary } from '../../../../shared/api/ops/system.js';
import { useApiQuery } from '../../api/useApiQuery.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useLocale, useT } from '../../i18n/I18nProvider.js';
import { formatCount } from '../../i18n/messages.js';
import type { MessageKey } from '../../i18n/messages.js';
import { GUIDES, needStatuses } from './guides.js';
import type { Guide, GuidePageKey, Need } from './guides.js';

const needKey = (need: Need): MessageKey => `summary.${need}`;

/**
 * The empty state of a page whose data is not there yet: what the page is for, what it needs,
 * how much of that the workspace already holds, and links to the pages that provide it.
 */
export function GuidePage(props: { page: GuidePageKey }) {
  const t = useT();
  const guide = GUIDES[props.page];
  const summary = useApiQuery('system.summary', {});
  return (
    <PageRoot page={props.page} state={summary.state}>
      {summary.state === 'error' && <ErrorAlert error={summary.error} onRetry={summary.reload} />}
      {summary.state === 'ready' && (
        <EmptyState
          testId={`${props.page}-empty`}
          title={t(guide.title)}
          body={t(guide.purpose)}
          actions={guide.actions.map((a) => ({ to: a.to, label: t(a.label) }))}
        >
          <Typography variant="h3" component="h2" sx={{ pt: 1 }}>
            {t('guide.needsTitle')}
          </Typography>
          <Typography sx={{ maxWidth: '70ch' }}>{t(guide.needsText)}</Typography>
          <NeedList guide={guide} summary={summary.value} />
        </EmptyState>
      )}
    </PageRoot>
  );
}

function NeedList(props: { guide: Guide; summary: WorkspaceSummary }) {
  const t = useT();
  const { locale } = useLocale();
  const statuses = needStatuses(props.guide, props.summary);
  if (statuses.length === 0) return null;
  return (
    <>
      <List dense disablePadding data-testid="guide-needs">
      {statuses.map((s) => (
        <ListItem key={s.need} disableGutters data-testid={`need-${s.need}`} data-met={s.met}>
          <ListItemIcon sx={{ minWidth: 32 }}>
            {s.met ? <CheckCircleIcon color="success" fontSize="small" /> : <RadioButtonUncheckedIcon fontSize="small" />}
          </ListItemIcon>
          <ListItemText
            primary={
              s.met
                ? t('guide.needPresent', { item: t(needKey(s.need)), count: formatCount(s.count, locale) })
                : t('guide.needMissing', { item: t(needKey(s.need)) })
            }
          />
        </ListItem>
      ))}
      </List>
      {statuses.every((s) => s.met) && (
        <Typography sx={{ color: 'success.dark' }}>{t('guide.allPresent')}</Typography>
      )}
    </>
  );
}
