import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/store/migrations/index.js';
import { Sqlite } from '../../electron/store/sqlite.js';
import { runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp.js';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('cli');
});
afterEach(() => tmp.cleanup());

describe('branch-workbench CLI', () => {
  it('init --json creates a store whose user_version equals the number of migrations', () => {
    const db = path.join(tmp.dir, 'x.db');
    const r = runCli(['init', '--db', db, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { file: string; userVersion: number; migrations: number };
    expect(out).toEqual({ file: db, userVersion: MIGRATIONS.length, migrations: MIGRATIONS.length });
    const raw = new Sqlite(db, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    raw.close();
  });

  it('init is idempotent on an existing store', () => {
    const db = path.join(tmp.dir, 'y.db');
    expect(runCli(['init', '--db', db]).status).toBe(0);
    const again = runCli(['init', '--db', db, '--json']);
    expect(again.status).toBe(0);
    expect(fs.existsSync(path.join(tmp.dir, 'backups'))).toBe(false);
  });

  it('uses the user data folder when --db is not given', () => {
    const r = runCli(['init', '--json'], { BW_DATA_DIR: tmp.dir });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { file: string }).file).toBe(path.join(tmp.dir, 'workspace.db'));
  });

  it('fails with a message on stderr and a non-zero exit for a store that is not ours', () => {
    const db = path.join(tmp.dir, 'foreign.db');
    fs.writeFileSync(db, 'this is not a database at all, just text that is long enough to matter');
    const r = runCli(['init', '--db', db, '--json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/STORE_UNREADABLE|无法打开/);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'STORE_UNREADABLE' } });
  });

  it('rejects unknown commands and flags with usage and exit code 2', () => {
    expect(runCli(['frobnicate']).status).toBe(2);
    const r = runCli(['init', '--nonsense']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage');
  });
});
