import type { WorkspaceSummary } from '../../../../shared/api/ops/system.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { PageKey } from '../../routing/routes.js';

/** Workspace data a page depends on, each read from the workspace summary. */
export type Need = 'orgUnits' | 'managers' | 'clients' | 'balanceSnapshots';

export type GuidePageKey = 'tasks' | 'evaluation' | 'reports';

export interface GuideAction {
  to: PageKey;
  label: MessageKey;
}

export interface Guide {
  title: MessageKey;
  purpose: MessageKey;
  needsText: MessageKey;
  needs: readonly Need[];
  /** The pages that provide what is needed, most direct first. */
  actions: readonly GuideAction[];
}

const IMPORT: GuideAction = { to: 'import', label: 'common.goImport' };
const DEMO: GuideAction = { to: 'settings', label: 'common.goDemo' };

/** What each not-yet-populated page is for, what it needs first, and where to get it. */
export const GUIDES: Readonly<Record<GuidePageKey, Guide>> = {
  tasks: {
    title: 'guide.tasks.title',
    purpose: 'guide.tasks.purpose',
    needsText: 'guide.tasks.needs',
    needs: ['clients', 'managers'],
    actions: [{ to: 'assignment', label: 'common.goAssignment' }, IMPORT, DEMO],
  },
  evaluation: {
    title: 'guide.evaluation.title',
    purpose: 'guide.evaluation.purpose',
    needsText: 'guide.evaluation.needs',
    needs: ['managers', 'balanceSnapshots'],
    actions: [IMPORT, DEMO],
  },
  reports: {
    title: 'guide.reports.title',
    purpose: 'guide.reports.purpose',
    needsText: 'guide.reports.needs',
    needs: ['balanceSnapshots'],
    actions: [IMPORT, DEMO],
  },
};

export interface NeedStatus {
  need: Need;
  count: number;
  met: boolean;
}

export function needStatuses(guide: Guide, summary: WorkspaceSummary): NeedStatus[] {
  return guide.needs.map((need) => ({ need, count: summary[need], met: summary[need] > 0 }));
}
