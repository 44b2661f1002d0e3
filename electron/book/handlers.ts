import type { DomainHandlers, Handler } from '../api/types.js';
import { runJob } from '../jobs/run-job.js';
import { localIsoDate } from '../platform/clock.js';
import { getClientDetail } from './client-detail.js';
import { bookConfigView, writeBookConfig } from './config-store.js';
import { segmentsReport, setStrategy, strategyText } from './segments.js';

export const bookHandlers: DomainHandlers<'book'> = {
  'book.config': (_input, ctx) => bookConfigView(ctx.store),
  'book.setConfig': (input, ctx) => {
    ctx.store.transaction(() => writeBookConfig(ctx.store, input.config));
    return bookConfigView(ctx.store);
  },
  // One transaction over every client: it runs in the job worker so progress and cancel keep flowing.
  'book.recompute': (input, ctx) => runJob(ctx, 'book.recompute', input),
  'book.segments': (_input, ctx) => segmentsReport(ctx.store, localIsoDate(ctx.clock.now()), ctx.session.locale),
  'book.setStrategy': (input, ctx) => {
    setStrategy(ctx.store, input.segment, input.text, ctx.session.userName, ctx.clock.now().toISOString());
    return { segment: input.segment, ...strategyText(ctx.store, input.segment, ctx.session.locale) };
  },
};

/** `clients.get` lives with the client book: the client page is mostly its scores explained. */
export const clientsGetHandler: Handler<'clients.get'> = (input, ctx) =>
  getClientDetail(ctx.store, input, ctx.session, localIsoDate(ctx.clock.now()));
