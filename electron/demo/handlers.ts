import type { DomainHandlers } from '../api/types.js';
import { runJob } from '../jobs/run-job.js';

export const demoHandlers: DomainHandlers<'demo'> = {
  // One long transaction: it runs in the job worker so progress and cancel keep flowing.
  'demo.build': (input, ctx) => runJob(ctx, 'demo.build', input),
};
