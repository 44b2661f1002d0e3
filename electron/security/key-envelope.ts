import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../platform/app-error.js';

/**
 * The workspace key without a typed passphrase (desktop app on Windows): a random 256-bit key encrypts the store;
 * the key itself is kept in a small envelope file next to the workspace, wrapped twice —
 * - by the operating system's protected store (Electron `safeStorage`: DPAPI on Windows, tied to the Windows user),
 *   so the app opens without asking anything;
 * - by the administrator's recovery passphrase (scrypt → AES-256-GCM), so the workspace still opens on another
 *   PC, for another Windows user or after a reinstall, and the OS wrap can be made again there.
 * The envelope holds nothing readable without one of the two. The OS part is an injected pair of functions, so all
 * of this runs and is tested in plain Node; the Electron shell passes `safeStorage`.
 */
export interface OsProtection {
  available(): boolean;
  protect(plain: string): Buffer;
  unprotect(sealed: Buffer): string;
}

export interface KeyEnvelope {
  format: 'branch-workbench-key';
  version: 1;
  recovery: { kdf: 'scrypt'; n: number; r: number; p: number; salt: string; iv: string; tag: string; data: string };
  /** The key sealed by the OS store of the user who last opened it; null until the desktop app first unlocks. */
  os: { data: string } | null;
}

const SCRYPT = { n: 2 ** 15, r: 8, p: 1 } as const;
const b64 = (b: Buffer): string => b.toString('base64');
const unb64 = (s: string): Buffer => Buffer.from(s, 'base64');

/** The envelope's file for a workspace: `workspace.db` → `workspace.db.key`. */
export const envelopeFileOf = (storeFile: string): string => `${storeFile}.key`;

function recoveryKey(passphrase: string, salt: Buffer, n: number, r: number, p: number): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { N: n, r, p, maxmem: 64 * 1024 * 1024 });
}

/** A fresh random workspace key (hex: the form the store takes as its passphrase). */
export function newWorkspaceKey(): string {
  return crypto.randomBytes(32).toString('hex');
}

export function sealEnvelope(workspaceKey: string, recoveryPassphrase: string, os: OsProtection | null): KeyEnvelope {
  if (recoveryPassphrase.length < 12) {
    throw new AppError('INVALID_INPUT', { zh: '恢复口令至少 12 个字符', en: 'The recovery passphrase needs at least 12 characters' });
  }
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', recoveryKey(recoveryPassphrase, salt, SCRYPT.n, SCRYPT.r, SCRYPT.p), iv);
  const data = Buffer.concat([cipher.update(workspaceKey, 'utf8'), cipher.final()]);
  return {
    format: 'branch-workbench-key',
    version: 1,
    recovery: { kdf: 'scrypt', ...SCRYPT, salt: b64(salt), iv: b64(iv), tag: b64(cipher.getAuthTag()), data: b64(data) },
    os: os !== null && os.available() ? { data: b64(os.protect(workspaceKey)) } : null,
  };
}

const wrongRecovery = (): never => {
  throw new AppError('STORE_KEY', { zh: '恢复口令不正确，无法解开工作区密钥', en: 'The recovery passphrase is wrong: the workspace key cannot be unwrapped' });
};

export function openWithRecovery(envelope: KeyEnvelope, recoveryPassphrase: string): string {
  const r = envelope.recovery;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', recoveryKey(recoveryPassphrase, unb64(r.salt), r.n, r.r, r.p), unb64(r.iv));
    decipher.setAuthTag(unb64(r.tag));
    return Buffer.concat([decipher.update(unb64(r.data)), decipher.final()]).toString('utf8');
  } catch {
    return wrongRecovery();
  }
}

/** The key through the OS store, or null when there is no OS wrap or it belongs to another user or machine. */
export function openWithOs(envelope: KeyEnvelope, os: OsProtection): string | null {
  if (envelope.os === null || !os.available()) return null;
  try {
    return os.unprotect(unb64(envelope.os.data));
  } catch {
    return null;
  }
}

/** After a recovery on this PC/user, seal the key for this user's OS store so the next start needs nothing. */
export function withOsWrap(envelope: KeyEnvelope, workspaceKey: string, os: OsProtection): KeyEnvelope {
  return os.available() ? { ...envelope, os: { data: b64(os.protect(workspaceKey)) } } : envelope;
}

export function readEnvelope(file: string): KeyEnvelope | null {
  // `.new`: a `rekey --protect` that stopped between the re-key and the rename (the key is only there then).
  const found = [file, `${file}.new`].find((f) => fs.existsSync(f));
  if (found === undefined) return null;
  const parsed = JSON.parse(fs.readFileSync(found, 'utf8')) as Partial<KeyEnvelope>;
  if (parsed.format !== 'branch-workbench-key' || parsed.version !== 1 || parsed.recovery === undefined) {
    throw new AppError('STORE_KEY', { zh: `密钥文件 ${file} 无法识别`, en: `The key file ${file} is not one of ours` });
  }
  return parsed as KeyEnvelope;
}

/** Written to a temporary name and renamed, so a crash never leaves half an envelope (and the key with it). */
export function writeEnvelope(file: string, envelope: KeyEnvelope): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(envelope, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/**
 * The workspace key for the desktop app: through the OS store when it can, else through the recovery passphrase
 * (re-sealing for this user's OS store); null when the workspace has no envelope (a plain or passphrase workspace).
 */
export function unlockWorkspace(storeFile: string, os: OsProtection, askRecovery: () => string | null): string | null {
  const file = envelopeFileOf(storeFile);
  const envelope = readEnvelope(file);
  if (envelope === null) return null;
  const viaOs = openWithOs(envelope, os);
  if (viaOs !== null) return viaOs;
  const passphrase = askRecovery();
  if (passphrase === null) {
    throw new AppError('STORE_KEY', {
      zh: '本机无法解开工作区密钥（换了电脑或 Windows 用户）。请由系统管理员输入恢复口令。',
      en: 'This PC cannot unwrap the workspace key (another PC or Windows user). The administrator must enter the recovery passphrase.',
    });
  }
  const key = openWithRecovery(envelope, passphrase);
  writeEnvelope(file, withOsWrap(envelope, key, os));
  return key;
}
