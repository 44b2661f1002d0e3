import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/api/types.js';
import type { AssignmentPreview } from '../../shared/assignment/rules.js';
import { makeTestApp } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { adminSession, expectOk } from '../helpers/import.js';

/** `branch-workbench assign`: a rules preview changes nothing; applying it is one change that undo reverses. */
let t: ReturnType<typeof makeTestApp>;
let db = '';
let rules = '';
const count = (sql: string): number => t.app.services.store.db.prepare(sql).pluck().get() as number;
const UNASSIGNED = "SELECT count(*) FROM client c WHERE NOT EXISTS (SELECT 1 FROM assignment a WHERE a.client_id = c.id AND a.role = 'primary' AND a.valid_from <= '2026-11-01' AND (a.valid_to IS NULL OR a.valid_to > '2026-11-01'))";

beforeAll(async () => {
  t = makeTestApp('assign-cli');
  expectOk(await t.app.dispatcher.invoke('demo.build', { clients: 3_000, managers: 16 }, { session: adminSession }));
  db = t.app.services.store.file;
  rules = path.join(t.dir, 'rules.json');
  fs.writeFileSync(rules, JSON.stringify({ asOf: '2026-11-01', select: { onlyUnassigned: true }, eligible: { vipFullTimeOnly: true }, objective: { tolerancePct: 25 } }));
}, 120_000);
afterAll(() => t.cleanup());

describe('branch-workbench assign', () => {
  it('previews with --dry-run (nothing written), applies as one rules change, and the change undoes as a whole', async () => {
    const unassigned = count(UNASSIGNED);
    expect(unassigned).toBeGreaterThan(100);
    const dry = runCli(['assign', '--db', db, '--rules', rules, '--dry-run', '--json']);
    expect(dry.status).toBe(0);
    const planned = JSON.parse(dry.stdout) as { preview: AssignmentPreview; applied: null };
    expect(planned.applied).toBeNull();
    expect(planned.preview.moves.length).toBeGreaterThan(0);
    expect(planned.preview.moves.every((m) => m.fromManagerId === null)).toBe(true);
    expect(count(UNASSIGNED)).toBe(unassigned);

    const run = runCli(['assign', '--db', db, '--rules', rules, '--json']);
    expect(run.status).toBe(0);
    const applied = JSON.parse(run.stdout) as { preview: AssignmentPreview; applied: { changeId: number; changed: number } };
    expect(applied.applied.changed).toBe(applied.preview.moves.length);
    expect(count(UNASSIGNED)).toBe(unassigned - applied.preview.moves.length);
    expect(t.app.services.store.db.prepare('SELECT kind, created_by FROM assignment_change WHERE id = ?').get(applied.applied.changeId)).toEqual({ kind: 'rules', created_by: 'cli' });

    expectOk(await t.app.dispatcher.invoke('assignment.undo', { changeId: applied.applied.changeId }, { session: adminSession }));
    expect(count(UNASSIGNED)).toBe(unassigned);
    expect(runCli(['assign', '--db', db]).status).toBe(2);
  });

  it('previews and applies through the API; a supervisor’s plan stays within the units they run', async () => {
    const sub = count("SELECT id FROM org_unit WHERE level = 'sub' ORDER BY code LIMIT 1");
    const supervisor: Session = { ...adminSession, role: 'supervisor', orgUnitIds: [sub], userName: 'sup' };
    const rulesInput = { asOf: '2026-11-01', select: { onlyUnassigned: true }, objective: { tolerancePct: 25 } };
    const preview = expectOk(await t.app.dispatcher.invoke('assignment.preview', { rules: rulesInput }, { session: supervisor }));
    expect(preview.moves.length).toBeGreaterThan(0);
    const inScope = new Set(
      t.app.services.store.db
        .prepare('SELECT c.id FROM client c JOIN org_unit o ON o.id = c.org_unit_id WHERE o.id = ? OR o.parent_id = ?')
        .pluck()
        .all(sub, sub) as number[],
    );
    expect(preview.moves.every((m) => inScope.has(m.clientId))).toBe(true);
    const outside = count("SELECT id FROM org_unit WHERE level = 'sub' ORDER BY code DESC LIMIT 1");
    expect(await t.app.dispatcher.invoke('assignment.preview', { rules: { ...rulesInput, scope: { orgUnitIds: [outside] } } }, { session: supervisor })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const unassigned = count(UNASSIGNED);
    const applied = expectOk(await t.app.dispatcher.invoke('assignment.apply', { rules: rulesInput, reason: '支行新客户' }, { session: supervisor }));
    expect(applied.changed).toBe(preview.moves.length);
    expect(count(UNASSIGNED)).toBe(unassigned - applied.changed);
    expectOk(await t.app.dispatcher.invoke('assignment.undo', { changeId: applied.changeId ?? 0 }, { session: supervisor }));
    expect(count(UNASSIGNED)).toBe(unassigned);
  });
});
