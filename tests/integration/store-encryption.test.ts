import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.js';
import { fixedClock } from '../../electron/platform/clock.js';
import { openStore, rekeyStore } from '../../electron/store/store.js';
import { WORKER_FILE } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { adminSession, expectOk } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/** The store encrypted at rest: no plaintext on disk, no way in without the passphrase, re-keying. */
const tmp = makeTempDir('encryption');
afterAll(() => tmp.cleanup());
const PASS = '网点 demo passphrase 2026!';

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return `${(e as { code?: string }).code ?? ''}: ${(e as Error).message}`;
  }
  return 'opened';
};

describe('encrypted workspace', () => {
  it('builds a demo whose names and ID numbers appear nowhere in the files on disk', async () => {
    const file = path.join(tmp.dir, 'demo.db');
    const app = createApp({ storeFile: file, mode: 'cli', workerFile: WORKER_FILE, clock: fixedClock('2026-11-22T09:00:00+08:00'), passphrase: PASS });
    let people: Array<{ name: string; id_no: string | null; phone: string | null }>;
    try {
      // The demo's import jobs run in a worker thread, which opens the store with the same passphrase.
      expectOk(await app.dispatcher.invoke('demo.build', { clients: 1_000, managers: 8 }, { session: adminSession }));
      people = app.services.store.db.prepare('SELECT name, id_no, phone FROM client').all() as typeof people;
      expect(people).toHaveLength(1_000);
    } finally {
      app.close();
    }
    const bytes = Buffer.concat(
      fs
        .readdirSync(tmp.dir)
        .filter((f) => f.startsWith('demo.db'))
        .map((f) => fs.readFileSync(path.join(tmp.dir, f))),
    );
    expect(bytes.length).toBeGreaterThan(100_000);
    const found = people.flatMap((p) => [p.name, p.id_no, p.phone]).filter((v): v is string => v !== null && v.length >= 2 && bytes.includes(Buffer.from(v, 'utf8')));
    expect(found).toEqual([]);
    // Control: the same check does find them in a plain SQLite copy, so the scan itself works.
    const plain = path.join(tmp.dir, 'plain-control.db');
    const s = openStore(plain);
    s.db.prepare('CREATE TABLE x (v TEXT)').run();
    for (const p of people.slice(0, 20)) s.db.prepare('INSERT INTO x VALUES (?)').run(p.name);
    s.close();
    expect(fs.readFileSync(plain).includes(Buffer.from(people[0]?.name ?? '', 'utf8'))).toBe(true);
  }, 120_000);

  it('refuses to open without the passphrase or with a wrong one, with a clear message', () => {
    const file = path.join(tmp.dir, 'demo.db');
    expect(refusal(() => openStore(file))).toMatch(/^STORE_KEY: .*is encrypted/);
    expect(refusal(() => openStore(file, { passphrase: 'wrong' }))).toMatch(/^STORE_KEY: /);
    const ok = openStore(file, { passphrase: PASS });
    expect(ok.db.prepare('SELECT count(*) FROM client').pluck().get()).toBe(1_000);
    ok.close();
    // The CLI reads the passphrase from BW_PASSPHRASE only.
    expect(runCli(['init', '--db', file]).stderr).toContain('BW_PASSPHRASE');
    expect(runCli(['init', '--db', file], { BW_PASSPHRASE: PASS }).status).toBe(0);
  });

  it('re-keys: the new passphrase opens the store, the old one no longer does', () => {
    const file = path.join(tmp.dir, 'demo.db');
    const store = openStore(file, { passphrase: PASS });
    rekeyStore(store, 'a new passphrase');
    store.close();
    expect(refusal(() => openStore(file, { passphrase: PASS }))).toMatch(/^STORE_KEY/);
    const again = openStore(file, { passphrase: 'a new passphrase' });
    expect(again.db.prepare('SELECT count(*) FROM client').pluck().get()).toBe(1_000);
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    again.close();
  });

  it('encrypts a plain workspace in place, and refuses a passphrase for a plain one', () => {
    const file = path.join(tmp.dir, 'plain.db');
    const plain = openStore(file);
    plain.db.prepare("INSERT INTO setting (key, value) VALUES ('probe', '\"张三丰\"')").run();
    expect(refusal(() => openStore(file, { passphrase: PASS }))).toMatch(/^STORE_KEY: .*is not encrypted/);
    rekeyStore(plain, PASS);
    plain.close();
    expect(fs.readFileSync(file).includes(Buffer.from('张三丰'))).toBe(false);
    const reopened = openStore(file, { passphrase: PASS });
    expect(reopened.db.prepare("SELECT value FROM setting WHERE key = 'probe'").pluck().get()).toBe('"张三丰"');
    reopened.close();
  });

  it('encrypts and re-keys through the CLI, reading passphrases from the environment only', () => {
    const file = path.join(tmp.dir, 'cli.db');
    expect(runCli(['init', '--db', file]).status).toBe(0);
    expect(runCli(['rekey', '--db', file], { BW_NEW_PASSPHRASE: 'short' }).status).toBe(2);
    const encrypted = runCli(['rekey', '--db', file, '--json'], { BW_NEW_PASSPHRASE: 'first long passphrase' });
    expect(encrypted.status).toBe(0);
    expect(JSON.parse(encrypted.stdout)).toMatchObject({ encrypted: true, wasEncrypted: false });
    expect(runCli(['init', '--db', file]).status).toBe(1);
    expect(runCli(['rekey', '--db', file], { BW_PASSPHRASE: 'first long passphrase', BW_NEW_PASSPHRASE: 'second long passphrase' }).status).toBe(0);
    expect(runCli(['init', '--db', file], { BW_PASSPHRASE: 'first long passphrase' }).status).toBe(1);
    expect(runCli(['init', '--db', file], { BW_PASSPHRASE: 'second long passphrase' }).status).toBe(0);
  });
});
