import type { ImportKind } from '../../../shared/import/kinds.js';
import { holdingsAdapter, transactionsAdapter, worklogAdapter } from './activity.js';
import { balancesAdapter } from './balances.js';
import { clientsAdapter } from './clients.js';
import { managersAdapter } from './managers.js';
import { orgUnitsAdapter } from './org-units.js';
import type { KindAdapter } from './types.js';

/** The kinds the pipeline can write so far; the others are refused with a clear message. */
export const ADAPTERS: Partial<Record<ImportKind, KindAdapter>> = {
  org_units: orgUnitsAdapter,
  managers: managersAdapter,
  clients: clientsAdapter,
  balances: balancesAdapter,
  holdings: holdingsAdapter,
  transactions: transactionsAdapter,
  worklog: worklogAdapter,
};
