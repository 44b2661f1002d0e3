import type { ReactElement } from 'react';
import { PageErrorBoundary } from '../components/PageErrorBoundary.js';
import { AssignmentPage } from '../pages/assignment/AssignmentPage.js';
import { ClientsPage } from '../pages/clients/ClientsPage.js';
import { CoveragePage } from '../pages/coverage/CoveragePage.js';
import { DashboardPage } from '../pages/dashboard/DashboardPage.js';
import { GuidePage } from '../pages/guides/GuidePage.js';
import { HandoverPage } from '../pages/handover/HandoverPage.js';
import { ImportPage } from '../pages/import/ImportPage.js';
import { ManagersPage } from '../pages/managers/ManagersPage.js';
import { SegmentsPage } from '../pages/segments/SegmentsPage.js';
import { SettingsPage } from '../pages/settings/SettingsPage.js';
import type { PageKey } from '../routing/routes.js';

function pageFor(page: PageKey): ReactElement {
  switch (page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'clients':
      return <ClientsPage />;
    case 'segments':
      return <SegmentsPage />;
    case 'managers':
      return <ManagersPage />;
    case 'settings':
      return <SettingsPage />;
    case 'import':
      return <ImportPage />;
    case 'assignment':
      return <AssignmentPage />;
    case 'coverage':
      return <CoveragePage />;
    case 'handover':
      return <HandoverPage />;
    case 'tasks':
    case 'evaluation':
    case 'reports':
      return <GuidePage page={page} />;
  }
}

/** The current page; keyed so that a crashed page recovers when the user navigates away and back. */
export function PageSwitch(props: { page: PageKey }) {
  return (
    <PageErrorBoundary key={props.page} page={props.page}>
      {pageFor(props.page)}
    </PageErrorBoundary>
  );
}
