import { assignmentHandlers } from '../assignment/handlers.js';
import { coverageHandlers } from '../assignment/coverage-handlers.js';
import { handoverHandlers } from '../assignment/handover-handlers.js';
import { evaluationHandlers } from '../evaluation/handlers.js';
import { packageHandlers } from '../package/handlers.js';
import { consolidationHandlers } from '../consolidation/handlers.js';
import { bookHandlers } from '../book/handlers.js';
import { backupHandlers } from '../store/backup-handlers.js';
import { auditHandlers } from '../security/audit-handlers.js';
import { authHandlers, securityHandlers, usersHandlers } from '../security/auth-handlers.js';
import { clientsHandlers } from '../clients/handlers.js';
import { demoHandlers } from '../demo/handlers.js';
import { importHandlers } from '../import/handlers.js';
import { managersHandlers, orgHandlers } from '../org/handlers.js';
import { preferencesHandlers } from '../preferences/handlers.js';
import { systemHandlers } from '../system/handlers.js';
import { targetsHandlers } from '../targets/handlers.js';
import { tasksHandlers } from '../tasks/handlers.js';
import { contactPlansHandlers, contactsHandlers } from '../worklog/handlers.js';
import { dashboardHandlers } from '../dashboard/handlers.js';
import { reportsHandlers } from '../reports/handlers.js';
import { templatesHandlers } from '../report-templates/handlers.js';
import type { Handlers } from './types.js';

/** The one registration of every handler; the type makes a missing operation a compile error. */
export const handlers: Handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...securityHandlers,
  ...preferencesHandlers,
  ...demoHandlers,
  ...importHandlers,
  ...orgHandlers,
  ...managersHandlers,
  ...clientsHandlers,
  ...bookHandlers,
  ...assignmentHandlers,
  ...coverageHandlers,
  ...handoverHandlers,
  ...evaluationHandlers,
  ...packageHandlers,
  ...consolidationHandlers,
  ...backupHandlers,
  ...auditHandlers,
  ...contactsHandlers,
  ...contactPlansHandlers,
  ...tasksHandlers,
  ...targetsHandlers,
  ...dashboardHandlers,
  ...reportsHandlers,
  ...templatesHandlers,
};
