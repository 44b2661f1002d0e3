import { m0010Core } from './0010-core.js';
import { m0020Import } from './0020-import.js';
import { m0030BalanceChange } from './0030-balance-change.js';
import { m0040Targets } from './0040-targets.js';
import { m0045SnapshotByDate } from './0045-snapshot-by-date.js';
import { m0050ClientBook } from './0050-client-book.js';
import { m0060OrgBalance } from './0060-org-balance.js';
import { m0070Security } from './0070-security.js';
import { m0080AssignmentUndo } from './0080-assignment-undo.js';
import { m0090Tasks } from './0090-tasks.js';
import { m0100TargetDecomposition } from './0100-target-decomposition.js';
import { m0110TasksService } from './0110-tasks-service.js';
import { m0120Worklog } from './0120-worklog.js';
import { m0130Evaluation } from './0130-evaluation.js';
import { m0140Consolidation } from './0140-consolidation.js';
import { m0150ReportTemplates } from './0150-report-templates.js';
import { m0160ReadPaths } from './0160-read-paths.js';
import type { Migration } from './types.js';

/** Every migration, in the order it applies. `PRAGMA user_version` counts how many have run. */
export const MIGRATIONS: readonly Migration[] = [m0010Core, m0020Import, m0030BalanceChange, m0040Targets, m0045SnapshotByDate, m0050ClientBook, m0060OrgBalance, m0070Security, m0080AssignmentUndo, m0090Tasks, m0100TargetDecomposition, m0110TasksService, m0120Worklog, m0130Evaluation, m0140Consolidation, m0150ReportTemplates, m0160ReadPaths];
