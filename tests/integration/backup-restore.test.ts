import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupInfo, BackupList } from '../../shared/model/backup.js';
import { createApp } from '../../electron/app.js';
import type { App } from '../../electron/app.js';
import type { Session } from '../../electron/api/types.js';
import { fixedClock } from '../../electron/platform/clock.js';
import type { Clock } from '../../electron/platform/clock.js';
import { checkBackupCopy } from '../../electron/store/backup-check.js';
import { sha256OfFile } from '../../electron/store/backup-files.js';
import { restoreBackup } from '../../electron/store/backup-restore.js';
import { runScheduledBackup } from '../../electron/store/backup-schedule.js';
import { listBackups } from '../../electron/store/backup.js';
import { Sqlite } from '../../electron/store/sqlite.js';
import { applyKey, openStore } from '../../electron/store/store.js';
import { WORKER_FILE } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { adminSession, expectOk, importFile } from '../helpers/import.js';
import { dumpStore } from '../helpers/store-dump.js';
import { makeTempDir } from '../helpers/temp.js';

/** Backups and restore on real demo workspaces: round trip row for row, encryption kept, damage refused, rotation. */
const tmp = makeTempDir('backup');
afterAll(() => tmp.cleanup());
const PASS = '备份 passphrase 2026!';
const CLOCK = fixedClock('2026-11-22T09:00:00+08:00');
const supervisor: Session = { ...adminSession, userName: 'sup', role: 'supervisor', orgUnitIds: [1] };

async function demoApp(name: string, passphrase?: string): Promise<App> {
  const app = createApp({ storeFile: path.join(tmp.dir, name, 'workspace.db'), mode: 'cli', workerFile: WORKER_FILE, clock: CLOCK, passphrase });
  expectOk(await app.dispatcher.invoke('demo.build', { clients: 1_000, managers: 8 }, { session: adminSession }));
  return app;
}

function dumpOf(file: string, passphrase?: string): ReturnType<typeof dumpStore> {
  const store = openStore(file, { create: false, passphrase });
  try {
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    return dumpStore(store.db);
  } finally {
    store.close();
  }
}

/** A backup's data, read-only: opening it as a workspace would switch it to WAL and change its bytes. */
function dumpCopy(file: string, passphrase?: string): ReturnType<typeof dumpStore> {
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    if (passphrase !== undefined) applyKey(db, passphrase);
    return dumpStore(db);
  } finally {
    db.close();
  }
}

/** The data changes a user could regret: edits, deletions, a new setting. */
function changeData(app: App): void {
  const db = app.services.store.db;
  db.prepare("UPDATE client SET name = name || '（改）' WHERE id % 3 = 0").run();
  db.prepare('DELETE FROM contact').run();
  db.prepare("INSERT INTO setting (key, value) VALUES ('probe', '\"changed\"')").run();
}

/** Every file of a workspace (main file and WAL), hashed: "untouched" means these did not change. */
function filesOf(file: string): Record<string, string> {
  return Object.fromEntries([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => [path.basename(f), sha256OfFile(f)]));
}

function flipMiddlePage(from: string, to: string): void {
  const bytes = fs.readFileSync(from);
  const page = 4096;
  const start = Math.floor(bytes.length / page / 2) * page;
  for (let i = start; i < start + page; i++) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
  fs.writeFileSync(to, bytes);
}

const errorOf = (fn: () => unknown): { code: string; message: string } => {
  try {
    fn();
  } catch (e) {
    return { code: (e as { code?: string }).code ?? '', message: (e as Error).message };
  }
  return { code: 'none', message: '' };
};

describe('backup and restore, plain workspace', () => {
  let app: App;
  let file: string;
  beforeAll(async () => {
    app = await demoApp('plain');
    file = app.services.store.file;
  }, 120_000);
  afterAll(() => app.close());

  it('restores a backup over changed data, row for row equal to the data at backup time, keeping the changed copy', () => {
    const original = dumpStore(app.services.store.db);
    expect(original['client']?.rows).toBe(1_000);
    // The CLI's backup is online: the app keeps the workspace open meanwhile.
    const made = runCli(['backup', '--db', file, '--json']);
    expect(made.status, made.stderr).toBe(0);
    const info = JSON.parse(made.stdout) as BackupInfo;
    expect(info).toMatchObject({ reason: 'manual', sha256: sha256OfFile(info.file) });
    expect(path.dirname(info.file)).toBe(path.join(path.dirname(file), 'backups'));
    expect(info.name).toMatch(/^workspace-manual-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.db$/);
    expect(fs.readFileSync(`${info.file}.sha256`, 'utf8')).toBe(`${info.sha256}  ${info.name}\n`);

    changeData(app);
    const changed = dumpStore(app.services.store.db);
    expect(changed['client']?.sha256).not.toBe(original['client']?.sha256);
    expect(changed['contact']?.rows).toBe(0);

    // Refused while the app still has the workspace open; nothing is touched.
    const before = filesOf(file);
    expect(errorOf(() => restoreBackup(info.file, file, { clock: CLOCK })).code).toBe('STORE_LOCKED');
    expect(filesOf(file)).toEqual(before);

    app.close();
    const restored = runCli(['restore', '--db', file, '--from', info.file, '--json']);
    expect(restored.status, restored.stderr).toBe(0);
    const report = JSON.parse(restored.stdout) as { checksum: string; safetyBackup: string; sha256: string };
    expect(report).toMatchObject({ checksum: 'matched', sha256: info.sha256 });
    expect(sha256OfFile(file)).toBe(info.sha256);
    expect(dumpOf(file)).toEqual(original);
    // The workspace as it was before the restore is kept, with the changes.
    expect(path.basename(report.safetyBackup)).toMatch(/^workspace-restore-/);
    expect(dumpCopy(report.safetyBackup)).toEqual(changed);
    app = createApp({ storeFile: file, mode: 'cli', workerFile: WORKER_FILE, clock: CLOCK });
  });

  it('refuses a damaged backup with a clear message and leaves the workspace untouched', () => {
    const { backups } = listBackups(app.services.store);
    const good = backups.find((b) => b.reason === 'manual');
    if (good === undefined) throw new Error('no manual backup');
    app.close();
    const before = filesOf(file);
    const restoresBefore = fs.readdirSync(path.dirname(good.file)).length;

    // With its checksum file: any changed byte is caught before SQLite even opens it.
    const withSum = path.join(tmp.dir, 'damaged-with-sum.db');
    flipMiddlePage(good.file, withSum);
    fs.copyFileSync(`${good.file}.sha256`, `${withSum}.sha256`);
    const r1 = runCli(['restore', '--db', file, '--from', withSum]);
    expect(r1.status).toBe(1);
    expect(r1.stderr).toContain('STORE_UNREADABLE');
    expect(r1.stderr).toContain('已损坏或被修改');
    expect(r1.stderr).toContain('does not match its checksum');

    // Without it: SQLite's integrity check finds the wrecked page.
    const bare = path.join(tmp.dir, 'damaged-bare.db');
    flipMiddlePage(good.file, bare);
    const r2 = runCli(['restore', '--db', file, '--from', bare]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(/STORE_UNREADABLE|STORE_KEY/);
    expect(r2.stderr).toContain('已损坏');
    expect(r2.stderr).toContain('damaged');

    expect(filesOf(file)).toEqual(before);
    expect(fs.readdirSync(path.dirname(good.file))).toHaveLength(restoresBefore);
    app = createApp({ storeFile: file, mode: 'cli', workerFile: WORKER_FILE, clock: CLOCK });
  });

  it('refuses a backup from a newer app and a file that is not a workspace', () => {
    const good = listBackups(app.services.store).backups.find((b) => b.reason === 'manual');
    if (good === undefined) throw new Error('no manual backup');
    const newer = path.join(tmp.dir, 'newer.db');
    fs.copyFileSync(good.file, newer);
    const db = openStore(newer, { create: false });
    db.db.pragma('user_version = 999');
    db.close();
    expect(errorOf(() => checkBackupCopy(newer, undefined))).toMatchObject({ code: 'STORE_TOO_NEW', message: expect.stringContaining('upgrade before restoring') as unknown });

    const foreign = path.join(tmp.dir, 'foreign.db');
    const other = openStore(foreign, { migrations: [] });
    other.db.exec("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x')");
    other.close();
    expect(errorOf(() => checkBackupCopy(foreign, undefined))).toMatchObject({ code: 'STORE_UNREADABLE', message: expect.stringContaining('not a Branch Workbench') as unknown });
  });

  it('backs up through the API (admins only) and rotates to the newest N of each kind', async () => {
    const denied = await app.dispatcher.invoke('backup.create', {}, { session: supervisor });
    expect(denied.ok ? 'ok' : denied.error.code).toBe('FORBIDDEN');
    for (const name of ['backup.list', 'backup.policy', 'backup.setPolicy'] as const) {
      const r = await app.dispatcher.invoke(name, {}, { session: supervisor });
      expect(r.ok ? 'ok' : r.error.code, name).toBe('FORBIDDEN');
    }
    const policy = expectOk(await app.dispatcher.invoke('backup.policy', {}, { session: adminSession }));
    expect(policy).toEqual({ keep: { manual: 20, scheduled: 14, import: 10, migration: 0, restore: 0 }, scheduleHours: 24 });
    const bad = await app.dispatcher.invoke('backup.setPolicy', { policy: { ...policy, keep: { ...policy.keep, manual: -1 } } }, { session: adminSession });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_INPUT');
    expectOk(await app.dispatcher.invoke('backup.setPolicy', { policy: { ...policy, keep: { ...policy.keep, manual: 3 } } }, { session: adminSession }));

    const earlier = listBackups(app.services.store).backups.filter((b) => b.reason === 'manual');
    const made: BackupInfo[] = [];
    for (let i = 0; i < 5; i++) made.push(expectOk(await app.dispatcher.invoke('backup.create', {}, { session: adminSession })));
    // The clock is fixed: same-millisecond backups get -2, -3 … instead of overwriting each other.
    expect(new Set(made.map((b) => b.name)).size).toBe(5);
    const list: BackupList = expectOk(await app.dispatcher.invoke('backup.list', {}, { session: adminSession }));
    const manual = list.backups.filter((b) => b.reason === 'manual').map((b) => b.name);
    // Newest by the time in the name (the CLI's backup above ran on the real clock), then by number.
    const seq = (name: string): number => Number(/-(\d+)\.db$/.exec(name)?.[1] ?? '1');
    const newest = [...earlier, ...made].sort((a, b) => (a.at === b.at ? seq(b.name) - seq(a.name) : a.at < b.at ? 1 : -1)).slice(0, 3);
    expect(manual).toEqual(newest.map((b) => b.name));
    expect(manual).toContain(made[4]?.name);
    expect(manual).not.toContain(made[0]?.name);
    // Rotated backups go with their checksum files; the other kinds are left alone.
    const names = fs.readdirSync(list.dir);
    for (const b of [...earlier, ...made].filter((x) => !manual.includes(x.name))) expect(names.filter((n) => n.startsWith(b.name))).toEqual([]);
    expect(list.backups.some((b) => b.reason === 'restore')).toBe(true);
    expect(made.at(-1)?.removed.length).toBeGreaterThan(0);
  });

  it('takes a backup before an import commit into a workspace with data, not into an empty one', async () => {
    const count = (a: App): number => listBackups(a.services.store).backups.filter((b) => b.reason === 'import').length;
    const csv = path.join(tmp.dir, 'new-clients.csv');
    fs.writeFileSync(csv, '客户号,客户名称\nZZ001,新客户甲\nZZ002,新客户乙\n');
    const before = count(app);
    const dataBefore = dumpStore(app.services.store.db);
    expectOk(await importFile(app, csv, 'clients'));
    expect(count(app)).toBe(before + 1);
    // The import backup holds the workspace as it was just before the commit.
    const newest = listBackups(app.services.store).backups.find((b) => b.reason === 'import');
    if (newest === undefined) throw new Error('no import backup');
    expect(dumpCopy(newest.file)['client']).toEqual(dataBefore['client']);

    const empty = createApp({ storeFile: path.join(tmp.dir, 'empty', 'workspace.db'), mode: 'cli', workerFile: WORKER_FILE, clock: CLOCK });
    try {
      expectOk(await importFile(empty, csv, 'clients'));
      expect(count(empty)).toBe(0);
    } finally {
      empty.close();
    }
  });

  it('schedules: due by age, skipped while nothing changed, off at 0 hours', () => {
    const store = openStore(path.join(tmp.dir, 'sched', 'workspace.db'), { clock: CLOCK });
    let now = Date.parse('2026-11-22T09:00:00+08:00');
    const clock: Clock = { now: () => new Date(now) };
    try {
      expect(runScheduledBackup(store, { clock }).outcome).toBe('empty');
      store.db.prepare("INSERT INTO org_unit (id, code, name, level) VALUES (1, '001', '网点', 'outlet')").run();
      // The change mark is the files' modification times; these say the last write was an hour ago.
      const hourAgo = new Date(Date.now() - 3_600_000);
      for (const f of [store.file, `${store.file}-wal`]) if (fs.existsSync(f)) fs.utimesSync(f, hourAgo, hourAgo);
      expect(runScheduledBackup(store, { clock }).outcome).toBe('created');
      expect(runScheduledBackup(store, { clock }).outcome).toBe('not-due');
      now += 25 * 3_600_000;
      expect(runScheduledBackup(store, { clock }).outcome).toBe('unchanged');
      store.db.prepare("UPDATE org_unit SET name = '网点二' WHERE id = 1").run();
      const after = runScheduledBackup(store, { clock });
      expect(after.outcome).toBe('created');
      expect(after.backup?.reason).toBe('scheduled');
      expect(runScheduledBackup(store, { clock, everyHours: 0 }).outcome).toBe('disabled');
      expect(listBackups(store).backups.filter((b) => b.reason === 'scheduled')).toHaveLength(2);
    } finally {
      store.close();
    }
  });

  it('never lists an interrupted copy, and clears old leftovers', () => {
    const { dir, backups } = listBackups(app.services.store);
    const partial = path.join(dir, 'workspace-manual-2026-01-01T00-00-00-000Z.db.partial');
    fs.writeFileSync(partial, 'half a file');
    expect(listBackups(app.services.store).backups).toEqual(backups);
    const old = new Date(Date.now() - 2 * 24 * 3_600_000);
    fs.utimesSync(partial, old, old);
    const made = runCli(['backup', '--db', file, '--json']);
    expect(made.status, made.stderr).toBe(0);
    expect(fs.existsSync(partial)).toBe(false);
  });
});

describe('backup and restore, encrypted workspace', () => {
  let app: App;
  let file: string;
  let people: Array<{ name: string; id_no: string | null; phone: string | null }>;
  beforeAll(async () => {
    app = await demoApp('encrypted', PASS);
    file = app.services.store.file;
    people = app.services.store.db.prepare('SELECT name, id_no, phone FROM client').all() as typeof people;
  }, 120_000);
  afterAll(() => app.close());

  it('writes an encrypted backup that opens only with the passphrase and round-trips row for row', () => {
    const original = dumpStore(app.services.store.db);
    const made = runCli(['backup', '--db', file, '--json'], { BW_PASSPHRASE: PASS });
    expect(made.status, made.stderr).toBe(0);
    const info = JSON.parse(made.stdout) as BackupInfo;

    // No plaintext anywhere in the backup folder: only the backup and its checksum, and no client's name, ID or phone.
    const dir = path.dirname(info.file);
    expect(fs.readdirSync(dir).sort()).toEqual([info.name, `${info.name}.sha256`]);
    const bytes = Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))));
    const found = people.flatMap((p) => [p.name, p.id_no, p.phone]).filter((v): v is string => v !== null && v.length >= 2 && bytes.includes(Buffer.from(v, 'utf8')));
    expect(found).toEqual([]);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);

    expect(errorOf(() => checkBackupCopy(info.file, undefined)).code).toBe('STORE_KEY');
    expect(errorOf(() => checkBackupCopy(info.file, 'wrong')).code).toBe('STORE_KEY');
    expect(checkBackupCopy(info.file, PASS).userVersion).toBe(app.services.store.schemaVersion);

    changeData(app);
    app.close();
    const before = filesOf(file);
    const noKey = runCli(['restore', '--db', file, '--from', info.file]);
    expect(noKey.status).toBe(1);
    expect(noKey.stderr).toContain('BW_PASSPHRASE');
    expect(filesOf(file)).toEqual(before);

    const restored = runCli(['restore', '--db', file, '--from', info.file, '--json'], { BW_PASSPHRASE: PASS });
    expect(restored.status, restored.stderr).toBe(0);
    expect(dumpOf(file, PASS)).toEqual(original);
    const safety = (JSON.parse(restored.stdout) as { safetyBackup: string }).safetyBackup;
    expect(fs.readFileSync(safety).includes(Buffer.from(people[0]?.name ?? '', 'utf8'))).toBe(false);
    app = createApp({ storeFile: file, mode: 'cli', workerFile: WORKER_FILE, clock: CLOCK, passphrase: PASS });
  });

  it('refuses a damaged encrypted backup: every page carries an HMAC', () => {
    const good = listBackups(app.services.store).backups.find((b) => b.reason === 'manual');
    if (good === undefined) throw new Error('no manual backup');
    app.close();
    const before = filesOf(file);
    const damaged = path.join(tmp.dir, 'damaged-encrypted.db');
    flipMiddlePage(good.file, damaged);
    const r = runCli(['restore', '--db', file, '--from', damaged], { BW_PASSPHRASE: PASS });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('STORE_UNREADABLE');
    expect(r.stderr).toContain('备份文件 damaged-encrypted.db 已损坏');
    expect(r.stderr).toContain('nothing was changed');
    expect(filesOf(file)).toEqual(before);
    app = createApp({ storeFile: file, mode: 'cli', workerFile: WORKER_FILE, clock: CLOCK, passphrase: PASS });
  });
});
