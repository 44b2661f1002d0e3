import type { DomainHandlers } from '../api/types.js';
import { localIsoDate } from '../platform/clock.js';
import { listClients } from './queries.js';

export const clientsHandlers: DomainHandlers<'clients'> = {
  'clients.list': (input, ctx) =>
    listClients(ctx.store, {
      search: input.search,
      after: input.after,
      limit: input.limit,
      asOf: localIsoDate(ctx.clock.now()),
    }),
};
