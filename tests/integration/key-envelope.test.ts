import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OsProtection } from '../../electron/security/key-envelope.js';
import { envelopeFileOf, newWorkspaceKey, openWithOs, openWithRecovery, readEnvelope, sealEnvelope, unlockWorkspace, writeEnvelope } from '../../electron/security/key-envelope.js';
import { openStore } from '../../electron/store/store.js';
import { Sqlite } from '../../electron/store/sqlite.js';
import { runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * The desktop app's key without a typed passphrase: a random key in an envelope sealed by the OS store and by the
 * administrator's recovery passphrase. The OS store here stands in for Windows DPAPI: a secret per "Windows user"
 * that only that user's protect/unprotect can use (what safeStorage gives the app).
 */
const tmp = makeTempDir('key-envelope');
afterAll(() => tmp.cleanup());
const RECOVERY = '恢复口令 recovery 2026!';

function osUser(name: string): OsProtection {
  const secret = crypto.createHash('sha256').update(`dpapi:${name}`).digest();
  return {
    available: () => true,
    protect: (plain) => {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', secret, iv);
      const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), data]);
    },
    unprotect: (sealed) => {
      const d = crypto.createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe('the key envelope', () => {
  it('opens through the OS store of the same user, through the recovery passphrase anywhere, and never otherwise', () => {
    const key = newWorkspaceKey();
    const envelope = sealEnvelope(key, RECOVERY, osUser('wang'));
    expect(JSON.stringify(envelope)).not.toContain(key);
    expect(openWithOs(envelope, osUser('wang'))).toBe(key);
    expect(openWithOs(envelope, osUser('li'))).toBeNull();
    expect(openWithRecovery(envelope, RECOVERY)).toBe(key);
    expect(() => openWithRecovery(envelope, 'wrong recovery passphrase')).toThrow(/recovery passphrase is wrong/);
    expect(() => sealEnvelope(key, 'short', null)).toThrow(/12 characters/);
  });

  it('on another user the app needs the recovery passphrase once, then re-seals for that user', () => {
    const store = path.join(tmp.dir, 'w.db');
    const key = newWorkspaceKey();
    writeEnvelope(envelopeFileOf(store), sealEnvelope(key, RECOVERY, osUser('wang')));
    expect(unlockWorkspace(store, osUser('wang'), () => null)).toBe(key);
    expect(() => unlockWorkspace(store, osUser('li'), () => null)).toThrow(/recovery passphrase/);
    expect(() => unlockWorkspace(store, osUser('li'), () => 'not the passphrase')).toThrow(/wrong/);
    expect(unlockWorkspace(store, osUser('li'), () => RECOVERY)).toBe(key);
    // Sealed for 李 now: the next start asks nothing.
    expect(unlockWorkspace(store, osUser('li'), () => null)).toBe(key);
    expect(unlockWorkspace(path.join(tmp.dir, 'plain.db'), osUser('li'), () => null)).toBeNull();
  });

  it('`rekey --protect` moves a workspace to a random key; the CLI opens it with the recovery passphrase only', () => {
    const db = path.join(tmp.dir, 'cli.db');
    expect(runCli(['init', '--db', db]).status).toBe(0);
    const raw = new Sqlite(db);
    raw.prepare("INSERT INTO setting (key, value) VALUES ('probe', '\"客户经理主管\"')").run();
    raw.close();
    const r = runCli(['rekey', '--protect', '--db', db], { BW_NEW_RECOVERY_PASSPHRASE: RECOVERY });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(envelopeFileOf(db))).toBe(true);
    expect(fs.existsSync(`${envelopeFileOf(db)}.new`)).toBe(false);
    // No plaintext on disk, and no way in without a key.
    expect(fs.readFileSync(db).includes(Buffer.from('客户经理主管'))).toBe(false);
    expect(runCli(['backup', '--list', '--db', db]).stderr).toMatch(/STORE_KEY|passphrase|口令/);
    expect(runCli(['backup', '--list', '--db', db], { BW_RECOVERY_PASSPHRASE: 'wrong recovery passphrase' }).status).not.toBe(0);
    expect(runCli(['backup', '--list', '--db', db], { BW_RECOVERY_PASSPHRASE: RECOVERY }).status).toBe(0);
    const key = openWithRecovery(readEnvelope(envelopeFileOf(db)) ?? sealEnvelope('x', RECOVERY, null), RECOVERY);
    const store = openStore(db, { create: false, passphrase: key });
    expect(store.db.prepare("SELECT value FROM setting WHERE key = 'probe'").pluck().get()).toBe('"客户经理主管"');
    store.close();
    // Back to a typed passphrase: the envelope goes (its key no longer opens the workspace).
    expect(runCli(['rekey', '--db', db], { BW_RECOVERY_PASSPHRASE: RECOVERY, BW_NEW_PASSPHRASE: 'typed passphrase 2026' }).status).toBe(0);
    expect(fs.existsSync(envelopeFileOf(db))).toBe(false);
    expect(runCli(['backup', '--list', '--db', db], { BW_PASSPHRASE: 'typed passphrase 2026' }).status).toBe(0);
  });
});
