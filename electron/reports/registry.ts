import { REPORT_CATALOG } from '../../shared/reports/catalog.js';
import type { ReportId, ReportParams, ReportTable } from '../../shared/reports/report.js';
import type { Session } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { assignmentChanges } from './assignment-changes.js';
import { clientMovement } from './client-movement.js';
import { contactCoverage } from './contact-coverage.js';
import { managerRanking } from './manager-ranking.js';
import { outletRanking } from './outlet-ranking.js';
import type { ReportScope } from './scope.js';
import { resolveReportScope } from './scope.js';
import { targetCompletion } from './target-completion.js';

export { REPORT_CATALOG };
export type { ReportCatalogEntry } from '../../shared/reports/catalog.js';

type Builder = (store: Store, session: Session, scope: ReportScope, params: ReportParams, now: Date) => ReportTable;

const BUILDERS: Record<ReportId, Builder> = {
  managerRanking,
  outletRanking,
  targetCompletion,
  clientMovement,
  assignmentChanges,
  contactCoverage,
};

/**
 * Builds one standard report (docs/reports.md) for a caller: checks the caller may report on `params.orgUnitId`
 * (a supervisor only on their own units and those below; no unit: everything the caller may see), then reads the
 * domain services the report rests on. Nothing is stored; the same call gives the screen, the PDF and the .xlsx.
 */
export function buildReport(store: Store, session: Session, id: ReportId, params: ReportParams, now: Date): ReportTable {
  const scope = resolveReportScope(store, session, params);
  const build = Object.hasOwn(BUILDERS, id) ? BUILDERS[id] : undefined;
  if (build === undefined) throw new AppError('NOT_FOUND', { zh: `未知报表 ${id}`, en: `Unknown report ${id}` });
  return { ...build(store, session, scope, params, now), generatedBy: session.userName };
}
