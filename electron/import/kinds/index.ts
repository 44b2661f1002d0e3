import type { ImportKind } from '../../../shared/import/kinds.js';
import { holdingsAdapter, transactionsAdapter, worklogAdapter } from './activity.js';
import { assignmentChangesAdapter } from './assignment-changes.js';
import { balancesAdapter } from './balances.js';
import { clientsAdapter } from './clients.js';
import { managersAdapter } from './managers.js';
import { orgUnitsAdapter } from './org-units.js';
import { targetsAdapter } from './targets.js';
import type { KindAdapter } from './types.js';

/** How each kind is written to the store. */
export const ADAPTERS: Record<ImportKind, KindAdapter> = {
  org_units: orgUnitsAdapter,
  managers: managersAdapter,
  clients: clientsAdapter,
  balances: balancesAdapter,
  holdings: holdingsAdapter,
  transactions: transactionsAdapter,
  worklog: worklogAdapter,
  targets: targetsAdapter,
  assignments: assignmentChangesAdapter,
};
