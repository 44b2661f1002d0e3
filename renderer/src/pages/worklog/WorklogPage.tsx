import { Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import type { PageState } from '../../api/query-state.js';
import { PageRoot } from '../../components/PageRoot.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ContactsTab } from './ContactsTab.js';
import { CoverageTab } from './CoverageTab.js';
import { PlansTab } from './PlansTab.js';

const TABS = ['contacts', 'plans', 'coverage'] as const;
type WorklogTab = (typeof TABS)[number];

const TAB_LABELS = { contacts: 'worklog.tab.contacts', plans: 'worklog.tab.plans', coverage: 'worklog.tab.coverage' } as const;

/**
 * 工作日志: the contacts logged (and a dialog to log one), the contact plans with each manager's due and overdue
 * clients, and the contact-plan coverage rate for a period. Every role sees the page; the server narrows what each
 * reads. The tab shown reports its reads' state to the page marker.
 */
export function WorklogPage() {
  const t = useT();
  const [tab, setTab] = useState<WorklogTab>('contacts');
  const [state, setState] = useState<PageState>('loading');
  const show = (next: WorklogTab): void => {
    if (next === tab) return;
    setState('loading');
    setTab(next);
  };
  return (
    <PageRoot page="worklog" state={state}>
      <Typography sx={{ color: 'text.secondary' }}>{t('worklog.intro')}</Typography>
      <Tabs value={tab} onChange={(_e, v: WorklogTab) => show(v)} sx={{ borderBottom: 1, borderColor: 'divider' }}>
        {TABS.map((k) => (
          <Tab key={k} value={k} label={t(TAB_LABELS[k])} data-testid={`worklog-tab-${k}`} />
        ))}
      </Tabs>
      {tab === 'contacts' && <ContactsTab onState={setState} />}
      {tab === 'plans' && <PlansTab onState={setState} />}
      {tab === 'coverage' && <CoverageTab onState={setState} />}
    </PageRoot>
  );
}
