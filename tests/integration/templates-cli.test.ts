import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.js';
import { localAdminSession } from '../../electron/api/types.js';
import type { RawRow } from '../../electron/import/read-delimited.js';
import { readXlsx } from '../../electron/import/read-xlsx.js';
import { fixedClock } from '../../electron/platform/clock.js';
import { buildReport } from '../../electron/reports/registry.js';
import { parseYuanToFen } from '../../shared/model/money.js';
import { WORKER_FILE } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { expectOk } from '../helpers/import.js';
import { makeTempDir } from '../helpers/temp.js';

/**
 * `branch-workbench template list` / `template fill` against a workspace where the app stored and mapped a template:
 * the written file holds the figures `buildReport` gives the administrator for the unit, and the fill is audited.
 */
const tmp = makeTempDir('templates-cli');
const db = path.join(tmp.dir, 'workspace.db');
const FIXTURE = path.resolve('tests/fixtures/templates/head-office-client-movement.xlsx');
const admin = localAdminSession('en');
let templateId = 0;

beforeAll(async () => {
  const app = createApp({ storeFile: db, mode: 'cli', workerFile: WORKER_FILE, clock: fixedClock('2026-11-22T09:00:00+08:00') });
  try {
    expectOk(await app.dispatcher.invoke('demo.build', { clients: 2_000, managers: 16 }, { session: admin }));
    const t = expectOk(await app.dispatcher.invoke('templates.upload', { name: '客户变动月报', fileName: 'movement.xlsx', base64: fs.readFileSync(FIXTURE).toString('base64') }, { session: admin }));
    templateId = t.id;
    expectOk(
      await app.dispatcher.invoke(
        'templates.setMappings',
        {
          id: t.id,
          mappings: [
            { sheet: '客户变动', cell: 'B2', figure: { kind: 'header', field: 'unitName' } },
            { sheet: '客户变动', cell: 'A6', figure: { kind: 'spill', report: 'clientMovement', columns: ['code', 'name', 'startAum'], maxRows: 10 } },
          ],
        },
        { session: admin },
      ),
    );
  } finally {
    app.close();
  }
}, 120_000);
afterAll(() => tmp.cleanup());

describe('template command', () => {
  it('lists the templates', () => {
    const r = runCli(['template', 'list', '--db', db, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Array<{ id: number; name: string; mappings: number }>).map((t) => [t.id, t.name, t.mappings])).toEqual([[templateId, '客户变动月报', 2]]);
  });

  it('fills a template for a unit into the file and audits it', async () => {
    const out = path.join(tmp.dir, '江宁.xlsx');
    const r = runCli(['template', 'fill', '--db', db, '--id', String(templateId), '--period', '2026-10', '--unit', '320115000', '--out', out, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: out, warnings: [] });
    const rows: RawRow[] = [];
    for await (const b of readXlsx(out, { sheet: '客户变动' })) rows.push(...b);
    const cell = (row: number, col: number): string => rows.find((x) => x.record === row)?.cells[col] ?? '';
    const app = createApp({ storeFile: db, mode: 'cli', workerFile: WORKER_FILE });
    try {
      const unit = app.services.store.db.prepare("SELECT id FROM org_unit WHERE code = '320115000'").pluck().get() as number;
      const report = buildReport(app.services.store, admin, 'clientMovement', { period: '2026-10', orgUnitId: unit }, new Date());
      expect(cell(2, 1)).toBe('江宁支行');
      expect(report.rows.map((_, i) => [cell(6 + i, 0), parseYuanToFen(cell(6 + i, 2))])).toEqual(report.rows.map((x) => [x.key, x.cells['startAum']]));
      expect(cell(6 + report.rows.length, 0)).toBe('');
      const audit = app.services.store.db.prepare("SELECT username, outcome FROM audit_log WHERE action = 'templates.fill'").all();
      expect(audit).toEqual([{ username: 'local-admin', outcome: 'ok' }]);
    } finally {
      app.close();
    }
  });

  it('says what is wrong with its arguments', () => {
    const base = ['template', 'fill', '--db', db, '--id', String(templateId)];
    expect(runCli([...base, '--period', '2026-13', '--out', 'x.xlsx'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--period takes a period') as unknown });
    expect(runCli([...base, '--period', '2026-10', '--out', 'x.xlsx', '--unit', 'NOPE'])).toMatchObject({ status: 2, stderr: expect.stringContaining('no org unit with code NOPE') as unknown });
    expect(runCli([...base, '--period', '2026-10'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--out FILE.xlsx') as unknown });
    expect(runCli(['template', 'fill', '--db', db, '--id', '999', '--period', '2026-10', '--out', path.join(tmp.dir, 'n.xlsx')])).toMatchObject({ status: 1, stderr: expect.stringContaining('找不到报表模板 #999') as unknown });
  });
});
