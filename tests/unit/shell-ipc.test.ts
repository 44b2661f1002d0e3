import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import type { CallContext, Dispatcher } from '../../electron/api/dispatcher.js';
import { UploadStore } from '../../electron/import/uploads.js';
import { registerIpc } from '../../electron/shell/ipc.js';
import type { Progress } from '../../shared/api/contract.js';
import type { ApiResult } from '../../shared/api/errors.js';
import { IPC_CHANNELS } from '../../shared/api/bridge.js';

type CallHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<ApiResult<unknown>>;
type CancelListener = (event: IpcMainEvent, ...args: unknown[]) => void;
type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

interface Harness {
  call(args: unknown[], frame?: { url: string; top?: boolean }): Promise<ApiResult<unknown>>;
  cancel(callId: unknown, frame?: { url: string }): void;
  upload(args: unknown[], frame?: { url: string }): Promise<unknown>;
  uploads: UploadStore;
  sent: Array<{ channel: string; args: unknown[] }>;
  dispatched: Array<{ name: string; input: unknown; ctx: CallContext }>;
  registration: ReturnType<typeof registerIpc>;
  channels: { handled: string[]; listened: string[]; removed: string[] };
}

/** A fake ipcMain and dispatcher; `run` decides what the dispatcher does with a call. */
function harness(
  run: (ctx: CallContext) => Promise<ApiResult<unknown>> = () => Promise.resolve({ ok: true, value: 'done' }),
  now: () => number = () => 0,
): Harness {
  let onCall: CallHandler | undefined;
  let onCancel: CancelListener | undefined;
  const invokeHandlers = new Map<string, InvokeHandler>();
  const channels = { handled: [] as string[], listened: [] as string[], removed: [] as string[] };
  const ipcMain = {
    handle(channel: string, listener: CallHandler) {
      channels.handled.push(channel);
      if (channel === IPC_CHANNELS.call) onCall = listener;
      else invokeHandlers.set(channel, listener);
    },
    on(channel: string, listener: CancelListener) {
      channels.listened.push(channel);
      onCancel = listener;
      return this;
    },
    removeHandler(channel: string) {
      channels.removed.push(channel);
    },
    removeListener(channel: string) {
      channels.removed.push(channel);
      return this;
    },
  } as unknown as Pick<IpcMain, 'handle' | 'on' | 'removeHandler' | 'removeListener'>;
  const dispatched: Harness['dispatched'] = [];
  const dispatcher = {
    call: (name: string, input: unknown, ctx: CallContext) => {
      dispatched.push({ name, input, ctx });
      return run(ctx);
    },
    invoke: (name: string) => Promise.resolve(name === 'preferences.get' ? { ok: true, value: { locale: 'en' } } : { ok: false, error: { code: 'INTERNAL', message: '' } }),
  } as unknown as Dispatcher;
  const uploads = new UploadStore();
  const registration = registerIpc(ipcMain, { dispatcher, now, uploads });
  const sent: Harness['sent'] = [];
  const sender = { id: 7, isDestroyed: () => false, send: (channel: string, ...args: unknown[]) => sent.push({ channel, args }) };
  const eventFor = (frame: { url: string; top?: boolean }) => ({
    sender,
    senderFrame: { url: frame.url, parent: frame.top === false ? {} : null },
  });
  return {
    call: (args, frame = { url: 'app://workbench/index.html' }) => onCall!(eventFor(frame) as unknown as IpcMainInvokeEvent, ...args),
    cancel: (callId, frame = { url: 'app://workbench/index.html' }) => onCancel!(eventFor(frame) as unknown as IpcMainEvent, callId),
    upload: (args, frame = { url: 'app://workbench/index.html' }) => invokeHandlers.get(IPC_CHANNELS.upload)!(eventFor(frame) as unknown as IpcMainInvokeEvent, ...args),
    uploads,
    sent,
    dispatched,
    registration,
    channels,
  };
}

describe('IPC uploads', () => {
  it('keeps a file from the app page in memory and refuses other frames', async () => {
    const h = harness();
    const bytes = new TextEncoder().encode('客户号,客户名称\n');
    const ok = (await h.upload(['clients.csv', bytes.buffer])) as ApiResult<{ uploadId: string; size: number }>;
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(h.uploads.get(ok.value.uploadId).size).toBe(bytes.byteLength);
    const foreign = (await h.upload(['x.csv', bytes.buffer], { url: 'https://evil.example/' })) as ApiResult<unknown>;
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bad = (await h.upload([42, 'not bytes'])) as ApiResult<unknown>;
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('IPC bridge (main process)', () => {
  it('listens on the contract channels only', () => {
    const h = harness();
    expect(h.channels.handled).toEqual([IPC_CHANNELS.call, IPC_CHANNELS.upload]);
    expect(h.channels.listened).toEqual([IPC_CHANNELS.cancel]);
    h.registration.dispose();
    expect(h.channels.removed.sort()).toEqual([IPC_CHANNELS.call, IPC_CHANNELS.cancel, IPC_CHANNELS.upload].sort());
  });

  it('passes a contract operation to the dispatcher with a local administrator session in the chosen language', async () => {
    const h = harness();
    await expect(h.call(['system.info', { a: 1 }, 'c1'])).resolves.toEqual({ ok: true, value: 'done' });
    expect(h.dispatched).toHaveLength(1);
    const [d] = h.dispatched;
    expect(d?.name).toBe('system.info');
    expect(d?.input).toEqual({ a: 1 });
    expect(d?.ctx.session).toMatchObject({ role: 'admin', orgUnitIds: null, locale: 'en' });
  });

  it('refuses calls from frames that are not the app’s own top-level page', async () => {
    const h = harness();
    for (const frame of [{ url: 'https://example.com/' }, { url: 'file:///tmp/x.html' }, { url: 'app://other/index.html' }, { url: 'app://workbench/index.html', top: false }]) {
      const result = await h.call(['system.info', {}, 'c1'], frame);
      expect(result.ok ? null : result.error.code, frame.url).toBe('FORBIDDEN');
    }
    expect(h.dispatched).toHaveLength(0);
  });

  it('refuses names outside the contract and bad call ids without reaching the dispatcher', async () => {
    const h = harness();
    const unknown = await h.call(['system.shutdown', {}, 'c1']);
    expect(unknown.ok ? null : unknown.error.code).toBe('UNKNOWN_OPERATION');
    const notString = await h.call([42, {}, 'c1']);
    expect(notString.ok ? null : notString.error.code).toBe('UNKNOWN_OPERATION');
    for (const callId of [undefined, '', 7, 'x'.repeat(129)]) {
      const bad = await h.call(['system.info', {}, callId]);
      expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
    }
    expect(h.dispatched).toHaveLength(0);
  });

  it('sends progress to the caller tagged with its call id, coalescing bursts', async () => {
    let clock = 0;
    const h = harness(
      (ctx) => {
        const report = (p: Progress, at: number): void => {
          clock = at;
          ctx.onProgress?.(p);
        };
        report({ phase: 'read', done: 1, total: 9 }, 0);
        report({ phase: 'read', done: 2, total: 9 }, 50);
        report({ phase: 'read', done: 3, total: 9 }, 150);
        report({ phase: 'read', done: 9, total: 9 }, 160);
        report({ phase: 'write', done: 1 }, 170);
        report({ phase: 'write', done: 2 }, 180);
        return Promise.resolve({ ok: true, value: null });
      },
      () => clock,
    );
    await h.call(['system.info', {}, 'c9']);
    expect(h.sent.every((s) => s.channel === IPC_CHANNELS.progress && s.args[0] === 'c9')).toBe(true);
    // Dropped: read 2 (too soon after read 1) and write 2 (too soon after write 1).
    // Kept: the first, one after the interval, the final one, and the first of a new phase.
    expect(h.sent.map((s) => s.args[1] as Progress)).toEqual([
      { phase: 'read', done: 1, total: 9 },
      { phase: 'read', done: 3, total: 9 },
      { phase: 'read', done: 9, total: 9 },
      { phase: 'write', done: 1 },
    ]);
  });

  it('aborts the call named by a cancel message, and only from the app’s own page', async () => {
    let signal: AbortSignal | undefined;
    let finish: (r: ApiResult<unknown>) => void = () => undefined;
    const h = harness((ctx) => {
      signal = ctx.signal;
      return new Promise((resolve) => {
        finish = resolve;
      });
    });
    const pending = h.call(['system.info', {}, 'long']);
    await Promise.resolve();
    await Promise.resolve();
    expect(signal?.aborted).toBe(false);
    h.cancel('long', { url: 'https://example.com/' });
    h.cancel('other');
    expect(signal?.aborted).toBe(false);
    h.cancel('long');
    expect(signal?.aborted).toBe(true);
    finish({ ok: false, error: { code: 'CANCELLED', message: 'cancelled' } });
    await expect(pending).resolves.toMatchObject({ ok: false });
  });

  it('honours a cancel sent right after the call, before the call reached the dispatcher', async () => {
    const h = harness((ctx) =>
      Promise.resolve(ctx.signal?.aborted === true ? { ok: false, error: { code: 'CANCELLED', message: 'cancelled' } } : { ok: true, value: 'ran' }),
    );
    const pending = h.call(['system.info', {}, 'quick']);
    h.cancel('quick');
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('refuses a second call with an id still in flight', async () => {
    const h = harness(() => new Promise(() => undefined));
    void h.call(['system.info', {}, 'same']);
    const second = await h.call(['system.info', {}, 'same']);
    expect(second.ok ? null : second.error.code).toBe('CONFLICT');
  });

  it('aborts everything in flight at quit', async () => {
    let signal: AbortSignal | undefined;
    const h = harness((ctx) => {
      signal = ctx.signal;
      return new Promise(() => undefined);
    });
    void h.call(['system.info', {}, 'a']);
    await Promise.resolve();
    await Promise.resolve();
    h.registration.abortAll();
    expect(signal?.aborted).toBe(true);
  });
});
