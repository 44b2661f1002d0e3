import type { DomainHandlers } from '../api/types.js';
import { dashboardOverview } from './overview.js';

export const dashboardHandlers: DomainHandlers<'dashboard'> = {
  'dashboard.overview': (input, ctx) => dashboardOverview(ctx, input),
};
