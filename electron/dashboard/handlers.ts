import type { DomainHandlers } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import { dashboardOverview } from './overview.js';

export const dashboardHandlers: DomainHandlers<'dashboard'> = {
  'dashboard.overview': (input, ctx) => dashboardOverview(ctx, input),
  'dashboard.printed': (input, ctx) => {
    // The same scope as the overview: what the caller may see is what they may print.
    if (ctx.session.role === 'manager' && input.orgUnitId !== null) {
      throw new AppError('FORBIDDEN', { zh: '客户经理只能打印自己的工作台', en: 'A client manager prints only their own dashboard' });
    }
    if (input.orgUnitId !== null) dashboardOverview(ctx, { period: input.period, orgUnitId: input.orgUnitId });
    ctx.auditNote({ entity: 'dashboard_print', entityId: input.orgUnitId ?? 'own', after: { period: input.period, orgUnitId: input.orgUnitId } });
    return { recorded: true };
  },
};
