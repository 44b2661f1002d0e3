import path from 'node:path';
import { envelopeFileOf, openWithRecovery, readEnvelope } from '../security/key-envelope.js';
import type { Progress } from '../../shared/api/contract.js';
import type { ApiResult } from '../../shared/api/errors.js';
import { createApp } from '../app.js';
import type { App } from '../app.js';
import { openOrLock } from '../app-gate.js';
import { localAdminSession } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import { defaultStoreFile } from '../platform/paths.js';
import { startBrowserServer } from '../server/browser-server.js';
import { startBackupSchedule } from '../store/backup-schedule.js';
import { openStore } from '../store/store.js';
import { MIGRATIONS } from '../store/migrations/index.js';
import { writeDemoExtracts } from '../demo/extracts.js';
import type { Output } from './output.js';
import { UsageError } from './output.js';

export interface CommonFlags {
  db: string | undefined;
  json: boolean;
}

export type Flags = Record<string, string | boolean | undefined>;

/** The job worker sits next to the bundled CLI (dist/cli.cjs → dist/worker.cjs). */
export function workerFileOf(): string {
  return path.join(__dirname, 'worker.cjs');
}

/**
 * The workspace passphrase for an encrypted store, from BW_PASSPHRASE: never a command-line flag, which other
 * users of the machine could read in the process list.
 */
/**
 * The workspace's key for the CLI: the passphrase in BW_PASSPHRASE, else — for a workspace whose key lives in a key
 * envelope (the desktop app's OS-protected key, docs/security.md) — the key unwrapped with the administrator's
 * recovery passphrase in BW_RECOVERY_PASSPHRASE.
 */
export function passphraseFromEnv(storeFile: string): string | undefined {
  const value = process.env['BW_PASSPHRASE'];
  if (value !== undefined && value !== '') return value;
  const recovery = process.env['BW_RECOVERY_PASSPHRASE'];
  const envelope = recovery === undefined || recovery === '' ? null : readEnvelope(envelopeFileOf(storeFile));
  return envelope === null || recovery === undefined ? undefined : openWithRecovery(envelope, recovery);
}

export function storeFileOf(flags: CommonFlags): string {
  return path.resolve(flags.db ?? defaultStoreFile());
}

function intFlag(flags: Flags, name: string): number | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n)) throw new UsageError(`--${name} must be an integer, got ${String(v)}`);
  return n;
}

/** Unwraps an API result for the CLI: failures become an error on stderr and a non-zero exit. */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new AppError(result.error.code, { zh: result.error.message, en: result.error.message }, result.error.details);
}

function progressPrinter(out: Output): (p: Progress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 1000 && p.total !== p.done) return;
    last = now;
    const of = p.total !== undefined ? `/${p.total}` : '';
    process.stderr.write(`${p.phase}: ${p.done}${of}${p.message !== undefined ? ` ${p.message}` : ''}\n`);
    void out;
  };
}

export function runInit(common: CommonFlags, out: Output): void {
  const file = storeFileOf(common);
  const store = openStore(file, { passphrase: passphraseFromEnv(file) });
  try {
    const value = { file, userVersion: store.schemaVersion, migrations: MIGRATIONS.length };
    out.result(value, `工作区已就绪 Workspace ready: ${file} (schema ${store.schemaVersion}/${MIGRATIONS.length})`);
  } finally {
    store.close();
  }
}

export async function runServe(common: CommonFlags, flags: Flags, out: Output, staticDir: string): Promise<void> {
  const storeFile = storeFileOf(common);
  // An encrypted workspace without a usable key in the environment starts locked; the window asks for it (app-gate.ts).
  const gate = openOrLock({ storeFile, mode: 'browser', workerFile: workerFileOf(), keyFromEnvironment: () => passphraseFromEnv(storeFile) });
  const port = intFlag(flags, 'port');
  const server = await startBrowserServer(gate, port === undefined ? { staticDir } : { staticDir, port });
  const locked = gate.current() === null;
  out.result(
    { url: server.url, port: server.port, store: storeFile, locked },
    `浏览器模式 Browser mode: ${server.url}\n(store: ${storeFile}${locked ? '; 已加密，请在页面中输入口令解锁 encrypted: unlock it in the page' : ''}; Ctrl+C to stop)`,
  );
  let stopBackups = (): void => undefined;
  gate.onOpen((app) => {
    stopBackups = startBackupSchedule(app.services.store, { clock: app.services.clock });
  });
  await waitForSignal();
  stopBackups();
  await server.close();
  gate.close();
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export async function runDemo(common: CommonFlags, flags: Flags, out: Output): Promise<void> {
  const seed = intFlag(flags, 'seed');
  const clients = intFlag(flags, 'clients');
  const managers = intFlag(flags, 'managers');
  const outDir = typeof flags['out'] === 'string' ? path.resolve(flags['out']) : undefined;
  if (outDir === undefined && common.db === undefined) throw new UsageError('demo needs --out DIR and/or --db FILE');
  const input = {
    ...(seed !== undefined ? { seed } : {}),
    ...(clients !== undefined ? { clients } : {}),
    ...(managers !== undefined ? { managers } : {}),
  };
  const onProgress = progressPrinter(out);
  if (outDir !== undefined) {
    const files = await writeDemoExtracts(outDir, input, { onProgress });
    out.result({ outDir, files }, `演示数据文件已写入 Demo extracts written to ${outDir}:\n${files.map((f) => `  ${f.name}  ${f.bytes} B  ${f.sha256}`).join('\n')}`);
  }
  if (common.db !== undefined) {
    const app: App = createApp({ storeFile: storeFileOf(common), mode: 'cli', workerFile: workerFileOf(), passphrase: passphraseFromEnv(storeFileOf(common)) });
    try {
      const report = unwrap(await app.dispatcher.invoke('demo.build', input, { session: localAdminSession(), onProgress }));
      const c = report.counts;
      out.result(
        report,
        [
          `演示工作区已生成 Demo workspace built in ${(report.elapsedMs / 1000).toFixed(1)} s: ${app.services.store.file}`,
          `  机构 org units ${c.orgUnits}, 客户经理 managers ${c.managers}, 客户 clients ${c.clients}`,
          `  余额快照 snapshots ${c.balanceSnapshots}, 产品持有 holdings ${c.holdings}, 交易 transactions ${c.transactions}, 工作日志 contacts ${c.contacts}`,
        ].join('\n'),
      );
    } finally {
      app.close();
    }
  }
}
