import fs from 'node:fs';
import { envelopeFileOf, newWorkspaceKey, sealEnvelope, writeEnvelope } from '../security/key-envelope.js';
import { openStore, rekeyStore } from '../store/store.js';
import type { CommonFlags, Flags } from './commands.js';
import { passphraseFromEnv, storeFileOf } from './commands.js';
import type { Output } from './output.js';
import { UsageError } from './output.js';

/**
 * `branch-workbench rekey`: re-encrypts the workspace under the passphrase in BW_NEW_PASSPHRASE (the current one,
 * if any, in BW_PASSPHRASE or through BW_RECOVERY_PASSPHRASE); a plain workspace becomes encrypted.
 * `rekey --protect`: re-encrypts it under a new random key kept in a key envelope next to the workspace, unwrapped
 * by the desktop app through the OS-protected store and by the administrator's recovery passphrase (the new one
 * in BW_NEW_RECOVERY_PASSPHRASE). Close the app first: a re-key needs the only connection. Older backups keep the
 * key they were made with.
 */
export function runRekeyCommand(common: CommonFlags, flags: Flags, out: Output): void {
  const file = storeFileOf(common);
  const protect = flags['protect'] === true;
  const next = protect ? process.env['BW_NEW_RECOVERY_PASSPHRASE'] : process.env['BW_NEW_PASSPHRASE'];
  if (next === undefined || next.length < 12) {
    throw new UsageError(
      protect ? 'rekey --protect needs the recovery passphrase (at least 12 characters) in BW_NEW_RECOVERY_PASSPHRASE' : 'rekey needs the new passphrase (at least 12 characters) in BW_NEW_PASSPHRASE',
    );
  }
  const current = passphraseFromEnv(file);
  const store = openStore(file, { create: false, passphrase: current });
  const envelopeFile = envelopeFileOf(file);
  try {
    if (protect) {
      const key = newWorkspaceKey();
      // The envelope is written before the re-key (as .new) and renamed after it: a crash in between leaves the key
      // recoverable from the .new file, never a workspace under a key nobody holds.
      writeEnvelope(`${envelopeFile}.new`, sealEnvelope(key, next, null));
      rekeyStore(store, key);
      fs.renameSync(`${envelopeFile}.new`, envelopeFile);
    } else {
      rekeyStore(store, next);
      // The workspace is under a typed passphrase now: an old envelope would hold a key that no longer opens it.
      fs.rmSync(envelopeFile, { force: true });
    }
    if (store.db.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('integrity check failed after the re-key');
    const wasEncrypted = current !== undefined;
    const message = protect
      ? `工作区已改用随机密钥，密钥文件 Key envelope: ${envelopeFile}（恢复口令可解开 / opens with the recovery passphrase）`
      : wasEncrypted
        ? `工作区口令已更换 Passphrase changed: ${file}`
        : `工作区已加密 Workspace encrypted: ${file}`;
    out.result({ file, encrypted: true, wasEncrypted, envelope: protect ? envelopeFile : null }, message);
  } finally {
    store.close();
  }
}
