import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { adminSession, expectOk } from '../helpers/import.js';

let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp('profiles');
});
afterEach(() => t.cleanup());

function csv(name: string, header: string[], rows: string[][]): string {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, [header, ...rows].map((r) => r.join(',')).join('\n'));
  return file;
}

describe('mapping profiles', () => {
  it('remembers the mapping a commit used and offers it again for the same layout', async () => {
    // 编号 and 名字 are not recognised header names: the user maps them by hand once.
    const header = ['编号', '名字', '手机号'];
    const file = csv('a.csv', header, [['C1', '张三', '13812345678']]);
    const source = { type: 'path' as const, path: file };
    const first = expectOk(await t.app.dispatcher.invoke('import.inspect', { source, kind: 'clients' }, { session: adminSession }));
    expect(first.mappingSource).toBe('suggested');
    expect(first.missingRequired.sort()).toEqual(['clientNo', 'name']);
    expectOk(await t.app.dispatcher.invoke('import.commit', { source, kind: 'clients', mapping: { clientNo: 0, name: 1, phone: 2 } }, { session: adminSession }));
    const again = csv('b.csv', header, [['C2', '李四', '13912345678']]);
    const second = expectOk(await t.app.dispatcher.invoke('import.inspect', { source: { type: 'path', path: again }, kind: 'clients' }, { session: adminSession }));
    expect(second.mappingSource).toBe('profile');
    expect(second.mapping).toEqual({ clientNo: 0, name: 1, phone: 2 });
  });

  it('applies a named profile by header name to a file whose columns moved, and names missing columns', async () => {
    expectOk(
      await t.app.dispatcher.invoke('import.saveProfile', { name: '核心系统客户', kind: 'clients', headers: ['编号', '名字', '手机号'], mapping: { clientNo: 0, name: 1, phone: 2 } }, { session: adminSession }),
    );
    const profiles = expectOk(await t.app.dispatcher.invoke('import.profiles', { kind: 'clients' }, { session: adminSession }));
    expect(profiles).toEqual([expect.objectContaining({ name: '核心系统客户', fields: { clientNo: '编号', name: '名字', phone: '手机号' } })]);
    const moved = csv('moved.csv', ['手机号', '备注', '名字', '编号'], [['13812345678', 'x', '王五', 'C9']]);
    const inspected = expectOk(
      await t.app.dispatcher.invoke('import.inspect', { source: { type: 'path', path: moved }, profile: '核心系统客户' }, { session: adminSession }),
    );
    expect(inspected.kind).toBe('clients');
    expect(inspected.mapping).toEqual({ clientNo: 3, name: 2, phone: 0 });
    const lacking = csv('lacking.csv', ['编号', '手机号'], [['C9', '13812345678']]);
    const r = await t.app.dispatcher.invoke('import.inspect', { source: { type: 'path', path: lacking }, profile: '核心系统客户' }, { session: adminSession });
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID' } });
    expect(!r.ok && r.error.message).toContain('名字');
  });

  it('is used by the CLI with --profile', async () => {
    expectOk(
      await t.app.dispatcher.invoke('import.saveProfile', { name: 'p1', kind: 'clients', headers: ['编号', '名字'], mapping: { clientNo: 0, name: 1 } }, { session: adminSession }),
    );
    const file = csv('cli.csv', ['名字', '编号'], [['赵六', 'C7']]);
    const r = runCli(['import', '--db', t.app.services.store.file, '--kind', 'clients', '--profile', 'p1', '--json', file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ batch: { inserted: 1 } });
    const row = t.app.services.store.db.prepare("SELECT name FROM client WHERE client_no = 'C7'").get();
    expect(row).toEqual({ name: '赵六' });
  });
});
