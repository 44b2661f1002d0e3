import type { DomainHandlers } from '../api/types.js';
import { clientsGetHandler } from '../book/handlers.js';
import { localIsoDate } from '../platform/clock.js';
import { assertUnitInScope, scopedClientFilters } from '../security/scope.js';
import { exportClients } from './export.js';
import { countClients, listClients } from './queries.js';
import { deleteView, listViews, saveView } from './views.js';

export const clientsHandlers: DomainHandlers<'clients'> = {
  'clients.list': ({ after, limit, ...filters }, ctx) =>
    listClients(ctx.store, { filters: scopedClientFilters(ctx.store, ctx.session, filters), after, limit, asOf: localIsoDate(ctx.clock.now()) }),
  'clients.count': (filters, ctx) => ({ count: countClients(ctx.store, scopedClientFilters(ctx.store, ctx.session, filters), localIsoDate(ctx.clock.now())) }),
  'clients.export': (filters, ctx) => exportClients(ctx.store, scopedClientFilters(ctx.store, ctx.session, filters), localIsoDate(ctx.clock.now()), ctx.clock.now()),
  'clients.views': (_input, ctx) => listViews(ctx.store, ctx.session.userName),
  'clients.saveView': (input, ctx) => saveView(ctx.store, ctx.session.userName, input.name, input.filters, ctx.clock.now().toISOString()),
  'clients.deleteView': (input, ctx) => deleteView(ctx.store, ctx.session.userName, input.id),
  'clients.get': async (input, ctx) => {
    const detail = await clientsGetHandler(input, ctx);
    // A supervisor's clients are those of the units they run.
    if (detail.orgUnit !== null) assertUnitInScope(ctx.store, ctx.session, detail.orgUnit.id);
    return detail;
  },
};
