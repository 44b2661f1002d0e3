import { describe, expect, it } from 'vitest';
import type { WorkbenchBridge } from '../../shared/api/bridge.js';
import type { Progress } from '../../shared/api/contract.js';
import type { ApiResult } from '../../shared/api/errors.js';
import { createIpcClient } from '../../renderer/src/api/ipc-client.js';

/** A bridge whose calls stay pending until the test settles them. */
function fakeBridge() {
  let progressListener: ((callId: string, p: Progress) => void) | null = null;
  const pending = new Map<string, (r: ApiResult<unknown>) => void>();
  const cancelled: string[] = [];
  const calls: Array<{ name: string; input: unknown; callId: string }> = [];
  const bridge: WorkbenchBridge = {
    call: (name, input, callId) => {
      calls.push({ name, input, callId });
      return new Promise((resolve) => pending.set(callId, resolve));
    },
    cancel: (callId) => void cancelled.push(callId),
    upload: (name, data) => Promise.resolve({ ok: true, value: { uploadId: 'u1', name, size: data.byteLength } }),
    onProgress: (listener) => {
      progressListener = listener;
      return () => (progressListener = null);
    },
  };
  return {
    bridge,
    calls,
    cancelled,
    emit: (callId: string, p: Progress) => progressListener?.(callId, p),
    settle: (callId: string, r: ApiResult<unknown>) => pending.get(callId)?.(r),
  };
}

function ids() {
  let n = 0;
  return () => `call-${++n}`;
}

describe('IPC client', () => {
  it('passes the operation, input and a fresh call id, and returns the reply', async () => {
    const fake = fakeBridge();
    const client = createIpcClient(fake.bridge, ids());
    const reply = client.call('clients.list', { search: 'wang' });
    expect(fake.calls).toEqual([{ name: 'clients.list', input: { search: 'wang' }, callId: 'call-1' }]);
    fake.settle('call-1', { ok: true, value: { rows: [], nextCursor: null } });
    await expect(reply).resolves.toEqual({ ok: true, value: { rows: [], nextCursor: null } });
  });

  it('routes progress events to the call they belong to, and stops after it ends', async () => {
    const fake = fakeBridge();
    const client = createIpcClient(fake.bridge, ids());
    const first: Progress[] = [];
    const second: Progress[] = [];
    const a = client.call('demo.build', {}, { onProgress: (p) => first.push(p) });
    const b = client.call('demo.build', {}, { onProgress: (p) => second.push(p) });
    fake.emit('call-2', { phase: 'clients', done: 1 });
    fake.emit('call-1', { phase: 'org', done: 2, total: 3 });
    fake.emit('unknown', { phase: 'x', done: 0 });
    fake.settle('call-1', { ok: false, error: { code: 'INTERNAL', message: 'boom' } });
    await a;
    fake.emit('call-1', { phase: 'late', done: 9 });
    fake.settle('call-2', { ok: true, value: null });
    await b;
    expect(first).toEqual([{ phase: 'org', done: 2, total: 3 }]);
    expect(second).toEqual([{ phase: 'clients', done: 1 }]);
  });

  it('tells the main process to cancel when the signal aborts', async () => {
    const fake = fakeBridge();
    const client = createIpcClient(fake.bridge, ids());
    const controller = new AbortController();
    const reply = client.call('demo.build', {}, { signal: controller.signal });
    controller.abort();
    expect(fake.cancelled).toEqual(['call-1']);
    fake.settle('call-1', { ok: false, error: { code: 'CANCELLED', message: '操作已取消' } });
    await expect(reply).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('does not call at all with an already aborted signal', async () => {
    const fake = fakeBridge();
    const client = createIpcClient(fake.bridge, ids());
    const controller = new AbortController();
    controller.abort();
    await expect(client.call('system.info', {}, { signal: controller.signal })).resolves.toMatchObject({
      ok: false,
      error: { code: 'CANCELLED' },
    });
    expect(fake.calls).toEqual([]);
  });

  it('uploads a file through the bridge as bytes', async () => {
    const { bridge } = fakeBridge();
    const client = createIpcClient(bridge, ids());
    const r = await client.upload('客户.csv', new Blob(['a,b\n1,2\n']));
    expect(r).toEqual({ ok: true, value: { uploadId: 'u1', name: '客户.csv', size: 8 } });
  });

  it('turns a rejected IPC call into an error value', async () => {
    const client = createIpcClient(
      {
        call: () => Promise.reject(new Error('channel closed')),
        cancel: () => undefined,
        onProgress: () => () => undefined,
        upload: () => Promise.reject(new Error('channel closed')),
      },
      ids(),
    );
    await expect(client.call('system.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
