import { openStore, rekeyStore } from '../store/store.js';
import type { CommonFlags } from './commands.js';
import { passphraseFromEnv, storeFileOf } from './commands.js';
import type { Output } from './output.js';
import { UsageError } from './output.js';

/**
 * `branch-workbench rekey`: re-encrypts the workspace under the passphrase in BW_NEW_PASSPHRASE (the current one,
 * if any, in BW_PASSPHRASE); a plain workspace becomes encrypted. Close the app first: a re-key needs the only
 * connection. Older backups keep the passphrase they were made with.
 */
export function runRekeyCommand(common: CommonFlags, out: Output): void {
  const next = process.env['BW_NEW_PASSPHRASE'];
  if (next === undefined || next.length < 12) throw new UsageError('rekey needs the new passphrase (at least 12 characters) in BW_NEW_PASSPHRASE');
  const file = storeFileOf(common);
  const store = openStore(file, { create: false, passphrase: passphraseFromEnv() });
  try {
    const wasEncrypted = passphraseFromEnv() !== undefined;
    rekeyStore(store, next);
    if (store.db.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('integrity check failed after the re-key');
    out.result({ file, encrypted: true, wasEncrypted }, wasEncrypted ? `工作区口令已更换 Passphrase changed: ${file}` : `工作区已加密 Workspace encrypted: ${file}`);
  } finally {
    store.close();
  }
}
