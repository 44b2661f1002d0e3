import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryView, AuditFilters, AuditVerifyReport } from '../../shared/api/ops/audit.js';
import type { Session } from '../../electron/api/types.js';
import { AUDIT_HEAD_KEY, appendAudit, readAuditHead, verifyAudit } from '../../electron/security/audit.js';
import type { AuditEntry } from '../../electron/security/audit.js';
import { openStore } from '../../electron/store/store.js';
import type { Store } from '../../electron/store/store.js';
import { makeTestApp } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { adminSession, expectOk } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

const N = 60;
const USERS = ['alice', 'bob', 'carol'] as const;
const ACTIONS = ['clients.export', 'clients.saveView', 'import.commit', 'auth.login', 'clientsX.fake', 'book.setConfig'] as const;
const OUTCOMES = ['ok', 'ok', 'denied', 'failed'] as const;

/** Entry i: three users, six actions, four outcomes in turn, six a day over ten local days of November 2026. */
function seed(i: number): AuditEntry & { at: Date } {
  return {
    at: new Date(2026, 10, 1 + Math.floor(i / 6), 9 + (i % 6), 30),
    username: USERS[i % 3] ?? 'alice',
    role: i % 3 === 2 ? 'supervisor' : 'admin',
    action: ACTIONS[i % 6] ?? 'auth.login',
    outcome: OUTCOMES[i % 4] ?? 'ok',
    entity: 'client',
    entityId: `C${String(i).padStart(3, '0')}`,
    detail: { z: i, a: { c: i % 10 === 0 ? '客户电话已更正' : 'routine', b: [i, null] } },
    ...(i % 5 === 0 ? { before: { phone: '138****0000', tier: 'gold' }, after: { tier: 'platinum', phone: '139****1111' } } : {}),
  };
}
const SEEDS = Array.from({ length: N }, (_, i) => seed(i));

/** Appends the seeds: some alone, some several to a caller's transaction, as the app will. */
function appendSeeds(store: Store): number[] {
  const ids: number[] = [];
  for (let i = 0; i < N; ) {
    if (i % 7 === 3) {
      const batch = SEEDS.slice(i, i + 3);
      store.transaction(() => batch.forEach((s) => ids.push(appendAudit(store, s).id)));
      i += batch.length;
    } else {
      ids.push(appendAudit(store, SEEDS[i] as AuditEntry).id);
      i += 1;
    }
  }
  return ids;
}

let tmp: { dir: string; cleanup: () => void };
beforeAll(() => {
  tmp = makeTempDir('audit-chain');
});
afterAll(() => tmp.cleanup());

/** A fresh workspace file holding the seeded chain, closed, so a raw handle can go at it. */
function chainFile(name: string, passphrase?: string): string {
  const file = path.join(tmp.dir, `${name}.db`);
  const store = openStore(file, passphrase === undefined ? {} : { passphrase });
  try {
    appendSeeds(store);
  } finally {
    store.close();
  }
  return file;
}

/** What an attacker with the file does first: the append-only triggers are just schema. */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  try {
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.exec(sql);
  } finally {
    db.close();
  }
}

function verifyFile(file: string): AuditVerifyReport {
  const store = openStore(file, { create: false });
  try {
    return verifyAudit(store);
  } finally {
    store.close();
  }
}

interface RawRow {
  id: number;
  at: string;
  username: string;
  role: string;
  action: string;
  outcome: string;
  entity: string | null;
  entity_id: string | null;
  detail: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** The hash recomputed here from the documented recipe, not through the module under test. */
function expectedHash(r: RawRow): string {
  const record = ['bw-audit-1', r.at, r.username, r.role, r.action, r.outcome, r.entity, r.entity_id, r.detail, r.before, r.after, r.prev_hash];
  return crypto.createHash('sha256').update(JSON.stringify(record)).digest('hex');
}

describe('the audit chain', () => {
  it('appends N entries that verify, each hash reproducible from its stored columns', () => {
    const file = path.join(tmp.dir, 'intact.db');
    const store = openStore(file);
    try {
      const ids = appendSeeds(store);
      expect(ids).toEqual(Array.from({ length: N }, (_, i) => i + 1));
      const rows = store.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as RawRow[];
      let prev = '0'.repeat(64);
      for (const r of rows) {
        expect(r.prev_hash, `#${r.id}`).toBe(prev);
        expect(r.hash, `#${r.id}`).toBe(expectedHash(r));
        prev = r.hash;
      }
      expect(rows[0]).toMatchObject({ at: SEEDS[0]?.at.toISOString(), detail: '{"a":{"b":[0,null],"c":"客户电话已更正"},"z":0}', after: '{"phone":"139****1111","tier":"platinum"}' });
      expect(rows[1]).toMatchObject({ before: null, after: null, entity_id: 'C001' });
      expect(verifyAudit(store)).toEqual({ ok: true, entries: N, lastId: N, head: { id: N, hash: prev } });
    } finally {
      store.close();
    }
  });

  it('commits or rolls back with the caller’s transaction, and the triggers refuse changes', () => {
    const store = openStore(path.join(tmp.dir, 'rollback.db'));
    try {
      appendAudit(store, SEEDS[0] as AuditEntry);
      const head = readAuditHead(store);
      expect(() =>
        store.transaction(() => {
          appendAudit(store, SEEDS[1] as AuditEntry);
          throw new Error('the operation failed');
        }),
      ).toThrow('the operation failed');
      expect(store.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
      expect(readAuditHead(store)).toEqual(head);
      expect(() => store.db.prepare("UPDATE audit_log SET detail = '{}'").run()).toThrow(/append-only/);
      expect(() => store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(verifyAudit(store)).toMatchObject({ ok: true, entries: 1 });
    } finally {
      store.close();
    }
  });

  it('reports an entry edited with a raw handle as a hash mismatch', () => {
    const file = chainFile('edited');
    tamper(file, `UPDATE audit_log SET detail = '{"a":{"c":"nothing happened"}}' WHERE id = 17`);
    expect(verifyFile(file)).toMatchObject({ ok: false, entries: 17, firstBroken: { id: 17, reason: 'hash mismatch' } });
  });

  it('reports an edit whose hash was recomputed as a chain break at the next entry', () => {
    const file = chainFile('rehashed');
    const db = new Database(file);
    const row = db.prepare('SELECT * FROM audit_log WHERE id = 17').get() as RawRow;
    db.close();
    const forged = { ...row, outcome: 'ok', detail: '{}' };
    tamper(file, `UPDATE audit_log SET outcome = 'ok', detail = '{}', hash = '${expectedHash(forged)}' WHERE id = 17`);
    expect(verifyFile(file).firstBroken).toEqual({ id: 18, reason: 'chain break' });
  });

  it('reports a deleted middle entry as a chain break at the one after it', () => {
    const file = chainFile('deleted-middle');
    tamper(file, 'DELETE FROM audit_log WHERE id = 30');
    expect(verifyFile(file)).toMatchObject({ ok: false, firstBroken: { id: 31, reason: 'chain break' } });
  });

  it('reports re-ordered entries', () => {
    const file = chainFile('reordered');
    tamper(file, 'UPDATE audit_log SET id = -1 WHERE id = 40; UPDATE audit_log SET id = 40 WHERE id = 41; UPDATE audit_log SET id = 41 WHERE id = -1;');
    expect(verifyFile(file).firstBroken).toEqual({ id: 40, reason: 'chain break' });
  });

  it('notices a deleted tail through the head, also after the app appended again', () => {
    const file = chainFile('truncated');
    tamper(file, `DELETE FROM audit_log WHERE id >= ${N - 1}`);
    expect(verifyFile(file)).toMatchObject({ ok: false, entries: N - 2, lastId: N - 2, head: { id: N }, firstBroken: { id: N - 1, reason: 'chain break' } });
    const store = openStore(file, { create: false });
    try {
      appendAudit(store, SEEDS[0] as AuditEntry);
      // The new entry points at the head (the deleted #60), not at the surviving #58.
      expect(verifyAudit(store).firstBroken).toEqual({ id: N - 1, reason: 'chain break' });
    } finally {
      store.close();
    }
  });

  it('notices a removed head, and entries added behind it', () => {
    const noHead = chainFile('no-head');
    tamper(noHead, `DELETE FROM setting WHERE key = '${AUDIT_HEAD_KEY}'`);
    expect(verifyFile(noHead).firstBroken).toEqual({ id: N, reason: 'chain break' });
    const staleHead = chainFile('stale-head');
    tamper(staleHead, `UPDATE setting SET value = json_object('id', 20, 'hash', (SELECT hash FROM audit_log WHERE id = 20)) WHERE key = '${AUDIT_HEAD_KEY}'`);
    expect(verifyFile(staleHead).firstBroken).toEqual({ id: 21, reason: 'chain break' });
  });

  it('cannot tell when the whole chain from the edit on and the head are rewritten (documented limit)', () => {
    const file = chainFile('rewritten');
    const db = new Database(file);
    db.exec('DROP TRIGGER audit_log_no_update;');
    const rows = db.prepare('SELECT * FROM audit_log WHERE id >= 17 ORDER BY id').all() as RawRow[];
    let prev = (db.prepare('SELECT hash FROM audit_log WHERE id = 16').get() as { hash: string }).hash;
    for (const r of rows) {
      const next = { ...r, prev_hash: prev, detail: r.id === 17 ? '{}' : r.detail };
      const hash = expectedHash(next);
      db.prepare('UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?').run(next.detail, prev, hash, r.id);
      prev = hash;
    }
    db.prepare('UPDATE setting SET value = ? WHERE key = ?').run(JSON.stringify({ id: N, hash: prev }), AUDIT_HEAD_KEY);
    db.close();
    expect(verifyFile(file).ok).toBe(true);
  });
});

describe('branch-workbench audit', () => {
  it('verify exits 0 on an intact chain and 1 naming the first broken entry', () => {
    const intact = chainFile('cli-intact');
    const ok = runCli(['audit', 'verify', '--db', intact]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`Audit chain intact: ${N} entries, head #${N}`);

    const edited = chainFile('cli-edited');
    tamper(edited, `UPDATE audit_log SET username = 'mallory' WHERE id = 17`);
    const bad = runCli(['audit', 'verify', '--db', edited]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('审计链已损坏：第 17 条内容与哈希不符');
    expect(bad.stderr).toContain('Audit chain broken at entry #17: hash mismatch');
    const json = runCli(['audit', 'verify', '--db', edited, '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, entries: 17, firstBroken: { id: 17, reason: 'hash mismatch' } });

    const truncated = chainFile('cli-truncated');
    tamper(truncated, `DELETE FROM audit_log WHERE id = ${N}`);
    const cut = runCli(['audit', 'verify', '--db', truncated]);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toContain(`Audit chain broken at entry #${N}: chain break (the log ends at #${N - 1}, the head records #${N})`);
  });

  it('refuses a missing workspace without creating one, and bad usage with exit 2', () => {
    const missing = path.join(tmp.dir, 'nowhere.db');
    const r = runCli(['audit', 'verify', '--db', missing, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(fs.existsSync(missing)).toBe(false);
    expect(runCli(['audit', '--db', missing]).status).toBe(2);
    expect(runCli(['audit', 'export', '--db', missing]).status).toBe(2);
  });

  it('opens an encrypted workspace with BW_PASSPHRASE', () => {
    const file = chainFile('cli-encrypted', 'correct horse 电池');
    expect(runCli(['audit', 'verify', '--db', file], { BW_PASSPHRASE: 'correct horse 电池' }).status).toBe(0);
    const refused = runCli(['audit', 'verify', '--db', file, '--json'], { BW_PASSPHRASE: '' });
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'STORE_KEY' } });
  });

  it('export --out writes the log as a workbook', async () => {
    const file = chainFile('cli-export');
    const out = path.join(tmp.dir, 'audit-out.xlsx');
    const r = runCli(['audit', 'export', '--db', file, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    // The CLI's own export may be recorded too (by the dispatcher), so count at least the seeded entries.
    expect(sheet?.rowCount).toBeGreaterThanOrEqual(N + 2);
    expect(sheet?.getCell('B2').text).toBe('时间');
    // Row arrays are 1-based by column: [, A, B, …]; H (8) is the entity id.
    const rows = (sheet?.getSheetValues() ?? []).slice(3) as unknown[][];
    const seeded = rows.filter((row) => typeof row[8] === 'string' && String(row[8]).startsWith('C'));
    expect(seeded.map((row) => row[1])).toEqual(Array.from({ length: N }, (_, i) => N - i));
  });
});

describe('audit.list, audit.export, audit.verify', () => {
  let t: ReturnType<typeof makeTestApp>;
  let ids: number[];
  beforeAll(() => {
    t = makeTestApp('audit-api');
    ids = appendSeeds(t.app.services.store);
  });
  afterAll(() => t.cleanup());

  const list = async (filters: AuditFilters, limit = 100, before?: number) =>
    expectOk(await t.app.dispatcher.invoke('audit.list', { filters, limit, ...(before === undefined ? {} : { before }) }, { session: adminSession }));

  /** Every page of a filtered list, newest first, following the cursor. */
  async function allPages(filters: AuditFilters, limit: number): Promise<AuditEntryView[]> {
    const rows: AuditEntryView[] = [];
    let before: number | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = await list(filters, limit, before);
      expect(page.rows.length).toBeLessThanOrEqual(limit);
      rows.push(...page.rows);
      if (page.nextCursor === null) return rows;
      before = page.nextCursor;
    }
    throw new Error('paging did not end');
  }

  /** The ids the filters should find, computed from the seeds here rather than by SQL. */
  const expected = (pred: (s: AuditEntry & { at: Date }, i: number) => boolean): number[] =>
    SEEDS.map((s, i) => (pred(s, i) ? ids[i] : undefined)).filter((id): id is number => id !== undefined).reverse();

  it('pages newest first with a keyset cursor, no entry twice or missed', async () => {
    const alice = await allPages({ username: 'ALICE' }, 3);
    expect(alice.map((r) => r.id)).toEqual(expected((s) => s.username === 'alice'));
    expect(alice).toHaveLength(N / 3);
    const first = alice[alice.length - 1];
    expect(first).toMatchObject({ username: 'alice', action: 'clients.export', entityId: 'C000', detail: { a: { b: [0, null], c: '客户电话已更正' }, z: 0 }, after: { tier: 'platinum' } });
  });

  it('filters by action prefix, outcome, dates and text', async () => {
    const ids_ = async (f: AuditFilters): Promise<number[]> => (await allPages(f, 500)).map((r) => r.id);
    expect(await ids_({ action: 'clients' })).toEqual(expected((s) => s.action.startsWith('clients.')));
    expect(await ids_({ action: 'clients.export' })).toEqual(expected((s) => s.action === 'clients.export'));
    expect(await ids_({ action: 'clientsX' })).toEqual(expected((s) => s.action === 'clientsX.fake'));
    expect(await ids_({ outcome: 'denied', username: 'bob' })).toEqual(expected((s) => s.outcome === 'denied' && s.username === 'bob'));
    expect(await ids_({ from: '2026-11-03', to: '2026-11-04', username: 'carol' })).toEqual(
      expected((s) => s.username === 'carol' && s.at.getDate() >= 3 && s.at.getDate() <= 4),
    );
    expect(await ids_({ text: '电话已更正' })).toEqual(expected((_s, i) => i % 10 === 0));
    expect(await ids_({ text: 'C007' })).toEqual(expected((_s, i) => i === 7));
    // LIKE wildcards in the text are literal.
    expect(await ids_({ text: '%' })).toEqual([]);
    const bad = await t.app.dispatcher.invoke('audit.list', { filters: { from: '3 Nov' } }, { session: adminSession });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
  });

  it('exports the filtered list as a workbook with the rows shown', async () => {
    const file = expectOk(await t.app.dispatcher.invoke('audit.export', { filters: { username: 'bob' } }, { session: adminSession }));
    expect(file.fileName).toBe('审计日志-2026-11-22.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const bob = expected((s) => s.username === 'bob');
    expect(sheet?.rowCount).toBe(bob.length + 2);
    expect(sheet?.getCell('A1').text).toContain(`${bob.length} 条`);
    expect(sheet?.getRow(2).values).toEqual(expect.arrayContaining(['序号', '时间', '用户', '角色', '操作', '结果', '对象', '对象编号', '详情', '修改前', '修改后', '哈希']));
    const newest = SEEDS[ids.indexOf(bob[0] ?? 0)];
    expect(sheet?.getCell('A3').value).toBe(bob[0]);
    expect(sheet?.getCell('C3').value).toBe('bob');
    expect(sheet?.getCell('E3').value).toBe(newest?.action);
    expect(sheet?.getCell('H3').value).toBe(newest?.entityId);
    expect(sheet?.getCell('I3').text).toMatch(/^\{"a":/);
  });

  it('verifies through the API', async () => {
    const report = expectOk(await t.app.dispatcher.invoke('audit.verify', {}, { session: adminSession }));
    expect(report).toMatchObject({ ok: true });
    expect(report.entries).toBeGreaterThanOrEqual(N);
  });

  it('is for administrators only', async () => {
    const supervisor: Session = { ...adminSession, userName: 'sup', role: 'supervisor', orgUnitIds: [1] };
    const manager: Session = { ...adminSession, userName: 'mgr', role: 'manager', managerId: 1 };
    for (const session of [supervisor, manager]) {
      for (const [name, input] of [['audit.list', {}], ['audit.export', {}], ['audit.verify', {}]] as const) {
        const r = await t.app.dispatcher.invoke(name, input, { session });
        expect(r.ok ? 'ok' : r.error.code, `${session.role} ${name}`).toBe('FORBIDDEN');
      }
    }
  });
});
