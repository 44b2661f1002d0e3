import type { DomainHandlers } from '../api/types.js';
import { verifyAudit } from './audit.js';
import { exportAudit, listAudit } from './audit-query.js';

export const auditHandlers: DomainHandlers<'audit'> = {
  'audit.list': (input, ctx) => listAudit(ctx.store, input),
  'audit.export': (input, ctx) => exportAudit(ctx.store, input.filters, ctx.clock.now()),
  // Synchronous over the whole log: about a second per few hundred thousand entries, admin-only and on demand.
  'audit.verify': (_input, ctx) => verifyAudit(ctx.store),
};
