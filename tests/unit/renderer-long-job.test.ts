import { describe, expect, it } from 'vitest';
import type { Progress } from '../../shared/api/contract.js';
import type { ApiResult } from '../../shared/api/errors.js';
import { createJobStore } from '../../renderer/src/api/long-job.js';

function controllable<T>() {
  let settle: (r: ApiResult<T>) => void = () => undefined;
  let report: (p: Progress) => void = () => undefined;
  let signal: AbortSignal | null = null;
  const run = (s: AbortSignal, onProgress: (p: Progress) => void) => {
    signal = s;
    report = onProgress;
    return new Promise<ApiResult<T>>((resolve) => (settle = resolve));
  };
  return { run, settle: (r: ApiResult<T>) => settle(r), report: (p: Progress) => report(p), signal: () => signal };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('long job store', () => {
  it('goes idle → running (with progress) → done, notifying subscribers', async () => {
    const job = createJobStore<number>();
    const seen: string[] = [];
    job.subscribe(() => seen.push(job.getSnapshot().status));
    const c = controllable<number>();
    expect(job.start(c.run)).toBe(true);
    c.report({ phase: 'clients', done: 5, total: 10 });
    expect(job.getSnapshot()).toEqual({ status: 'running', progress: { phase: 'clients', done: 5, total: 10 }, cancelling: false });
    c.settle({ ok: true, value: 42 });
    await tick();
    expect(job.getSnapshot()).toEqual({ status: 'done', value: 42 });
    expect(seen).toEqual(['running', 'running', 'done']);
  });

  it('refuses a second start while running', () => {
    const job = createJobStore<number>();
    expect(job.start(controllable<number>().run)).toBe(true);
    expect(job.start(controllable<number>().run)).toBe(false);
  });

  it('cancels through the signal and ends as cancelled', async () => {
    const job = createJobStore<number>();
    const c = controllable<number>();
    job.start(c.run);
    job.cancel();
    expect(c.signal()?.aborted).toBe(true);
    expect(job.getSnapshot()).toMatchObject({ status: 'running', cancelling: true });
    c.settle({ ok: false, error: { code: 'CANCELLED', message: 'cancelled' } });
    await tick();
    expect(job.getSnapshot()).toEqual({ status: 'cancelled' });
  });

  it('keeps the error of a failed job, and reset forgets it', async () => {
    const job = createJobStore<number>();
    const c = controllable<number>();
    job.start(c.run);
    c.settle({ ok: false, error: { code: 'FORBIDDEN', message: '当前角色无权执行 demo.build' } });
    await tick();
    expect(job.getSnapshot()).toEqual({ status: 'failed', error: { code: 'FORBIDDEN', message: '当前角色无权执行 demo.build' } });
    job.reset();
    expect(job.getSnapshot()).toEqual({ status: 'idle' });
  });

  it('reports a thrown runner as a failure rather than leaving it running', async () => {
    const job = createJobStore<number>();
    job.start(() => Promise.reject(new Error('transport gone')));
    await tick();
    expect(job.getSnapshot()).toMatchObject({ status: 'failed', error: { code: 'INTERNAL', message: 'transport gone' } });
  });
});
