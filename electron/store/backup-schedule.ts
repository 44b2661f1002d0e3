import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../shared/model/backup.js';
import type { Clock } from '../platform/clock.js';
import { createLogger } from '../platform/log.js';
import { backupStore, readBackupPolicy, storeHoldsData } from './backup.js';
import { defaultBackupDir, listBackupFiles, storeNameOf } from './backup-files.js';
import type { Store } from './store.js';

const log = createLogger('backup-schedule');

/**
 * "Has anything changed since the last scheduled backup?" is answered from the store's files, not its rows.
 * In WAL mode every commit, from any connection or process, writes frames to `-wal` (and a checkpoint writes the
 * main file), so a commit always moves the modification time of one of the two; reads never do. A row-based mark
 * (max import batch id, audit count) would miss edits that add no such row. `PRAGMA data_version` would be exact
 * but lives only as long as one connection, and the mark has to survive restarts: a desktop app seldom stays open
 * for a whole day, so the schedule is judged from the backups on disk at every check, not from a timer's age.
 */
interface FileMark {
  db: string;
  wal: string;
  /** Wall time (fs clock, not the injected one) when the mark was taken. */
  markedAtMs: number;
}

/**
 * File timestamps are coarse (a few ms on Linux, 2 s on FAT): a commit right after the mark was taken could carry
 * the same timestamp. A mark is trusted only if the last write was this long before it was taken.
 */
const SETTLE_MS = 2_000;

function statMark(file: string): { mark: string; mtimeMs: number } {
  const s = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  return s === undefined ? { mark: 'none', mtimeMs: 0 } : { mark: `${s.mtimeNs}:${s.size}`, mtimeMs: Number(s.mtimeNs / 1_000_000n) };
}

function takeMark(storeFile: string): FileMark & { lastWriteMs: number } {
  const db = statMark(storeFile);
  const wal = statMark(`${storeFile}-wal`);
  return { db: db.mark, wal: wal.mark, markedAtMs: Date.now(), lastWriteMs: Math.max(db.mtimeMs, wal.mtimeMs) };
}

interface ScheduleState {
  /** The scheduled backup this mark belongs to. */
  file: string;
  mark: FileMark;
  settled: boolean;
}

function stateFile(dir: string, storeName: string): string {
  return path.join(dir, `${storeName}.schedule.json`);
}

function readState(dir: string, storeName: string): ScheduleState | null {
  try {
    return JSON.parse(fs.readFileSync(stateFile(dir, storeName), 'utf8')) as ScheduleState;
  } catch {
    return null;
  }
}

export type ScheduleOutcome = 'disabled' | 'not-due' | 'empty' | 'unchanged' | 'created';

export interface ScheduleOptions {
  clock: Clock;
  /** Overrides the policy's `scheduleHours`; by default the policy is read at every check, so a change applies at once. */
  everyHours?: number | undefined;
  dir?: string | undefined;
}

/** One check of the schedule: backs up when the last scheduled backup is old enough and the data changed since. */
export function runScheduledBackup(store: Store, opts: ScheduleOptions): { outcome: ScheduleOutcome; backup?: BackupInfo } {
  const hours = opts.everyHours ?? readBackupPolicy(store).scheduleHours;
  if (hours <= 0) return { outcome: 'disabled' };
  const dir = opts.dir ?? defaultBackupDir(store.file);
  const storeName = storeNameOf(store.file);
  const last = listBackupFiles(dir, storeName).find((b) => b.reason === 'scheduled');
  if (last !== undefined && opts.clock.now().getTime() - Date.parse(last.at) < hours * 3_600_000) return { outcome: 'not-due' };
  if (!storeHoldsData(store)) return { outcome: 'empty' };
  const { lastWriteMs, ...mark } = takeMark(store.file);
  const state = readState(dir, storeName);
  if (last !== undefined && state !== null && state.file === last.name && state.settled && state.mark.db === mark.db && state.mark.wal === mark.wal) {
    return { outcome: 'unchanged' };
  }
  const backup = backupStore(store, { dir, reason: 'scheduled', clock: opts.clock });
  const next: ScheduleState = { file: backup.name, mark, settled: lastWriteMs < mark.markedAtMs - SETTLE_MS };
  // Only file times and sizes: nothing of the workspace's content is written in the clear.
  fs.writeFileSync(stateFile(dir, storeName), JSON.stringify(next));
  return { outcome: 'created', backup };
}

/**
 * Checks the schedule soon after start and then every few minutes (cheap: a directory listing and two stats).
 * The timers are unref'd so they never keep a process alive. Returns the function that stops them.
 */
export function startBackupSchedule(store: Store, opts: ScheduleOptions & { checkEveryMs?: number; firstCheckMs?: number }): () => void {
  const check = (): void => {
    if (!store.db.open) return;
    try {
      const { outcome, backup } = runScheduledBackup(store, opts);
      if (outcome === 'created') log.info('scheduled backup written', { file: backup?.file, elapsedMs: backup?.elapsedMs });
      else log.debug('scheduled backup check', { outcome });
    } catch (e) {
      // A failed backup must not take the app down; the next check tries again.
      log.error('scheduled backup failed', { error: e instanceof Error ? e.message : String(e) });
    }
  };
  const first = setTimeout(check, opts.firstCheckMs ?? 60_000);
  const every = setInterval(check, opts.checkEveryMs ?? 10 * 60_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
