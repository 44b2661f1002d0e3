import type { ImportKind } from '../../../shared/import/kinds.js';
import { balancesAdapter } from './balances.js';
import { clientsAdapter } from './clients.js';
import type { KindAdapter } from './types.js';

/** The kinds the pipeline can write so far; the others are refused with a clear message. */
export const ADAPTERS: Partial<Record<ImportKind, KindAdapter>> = {
  clients: clientsAdapter,
  balances: balancesAdapter,
};
