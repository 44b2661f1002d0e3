import type { ReactElement } from 'react';
import { PageErrorBoundary } from '../components/PageErrorBoundary.js';
import { AssignmentPage } from '../pages/assignment/AssignmentPage.js';
import { ClientsPage } from '../pages/clients/ClientsPage.js';
import { CoveragePage } from '../pages/coverage/CoveragePage.js';
import { DashboardPage } from '../pages/dashboard/DashboardPage.js';
import { EvaluationPage } from '../pages/evaluation/EvaluationPage.js';
import { HandoverPage } from '../pages/handover/HandoverPage.js';
import { ImportPage } from '../pages/import/ImportPage.js';
import { ManagersPage } from '../pages/managers/ManagersPage.js';
import { ReportsPage } from '../pages/reports/ReportsPage.js';
import { TemplatesPage } from '../pages/templates/TemplatesPage.js';
import { PackagePage } from '../pages/package/PackagePage.js';
import { SegmentsPage } from '../pages/segments/SegmentsPage.js';
import { SettingsPage } from '../pages/settings/SettingsPage.js';
import { TargetsPage } from '../pages/targets/TargetsPage.js';
import { TasksPage } from '../pages/tasks/TasksPage.js';
import { WorklogPage } from '../pages/worklog/WorklogPage.js';
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
    case 'targets':
      return <TargetsPage />;
    case 'worklog':
      return <WorklogPage />;
    case 'tasks':
      return <TasksPage />;
    case 'evaluation':
      return <EvaluationPage />;
    case 'package':
      return <PackagePage />;
    case 'reports':
      return <ReportsPage />;
    case 'templates':
      return <TemplatesPage />;
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
