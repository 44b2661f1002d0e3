import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsolidatedResults, ConsolidationImportResult } from '../../shared/api/ops/package.js';
import type { PackageManifest } from '../../shared/package/manifest.js';
import type { App } from '../../electron/app.js';
import { newKeyFile } from '../../electron/package/key.js';
import { makeTestApp } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { adminSession, expectOk } from '../helpers/import.js';
import { buildPackageWorld } from '../helpers/package-store.js';
import type { PackageWorld } from '../helpers/package-store.js';

/**
 * Consolidation (汇总): three packages from three 支行 runs of a demo workspace imported into a fresh workspace
 * (a 二级分行's), every figure checked against the source runs with SQL of its own on the source store — each
 * manager's total and rank, each 支行's and 网点's head count, total and average points and summed targets and
 * actuals; re-importing changes nothing; a newer package supersedes (audited), an older one stays superseded; a
 * tampered or inconsistent package is refused with the verifier's problems; and the `consolidate` command.
 */
let w: PackageWorld;
let b: ReturnType<typeof makeTestApp>;
const packages: Buffer[] = [];
const key = newKeyFile('test', Buffer.alloc(32, 3));

const importInto = async (app: App, pkg: Buffer, fileName = 'p.zip', keySecret?: string): Promise<ConsolidationImportResult> =>
  expectOk(await app.dispatcher.invoke('consolidation.import', { fileName, base64: pkg.toString('base64'), ...(keySecret === undefined ? {} : { keySecret }) }, { session: adminSession }));
const results = async (app: App): Promise<ConsolidatedResults> => expectOk(await app.dispatcher.invoke('consolidation.results', { period: '2026-10' }, { session: adminSession }));
const rowCounts = (app: App): number[] =>
  ['consolidation_package', 'consolidation_manager', 'consolidation_item', 'consolidation_unit'].map((t) => app.services.store.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number);

/** Hundredths (or fen) as decimal text with two places, by integer arithmetic. */
const two = (v: bigint): string => `${v < 0n ? '-' : ''}${(v < 0n ? -v : v) / 100n}.${((v < 0n ? -v : v) % 100n).toString().padStart(2, '0')}`;

beforeAll(async () => {
  w = await buildPackageWorld('consolidation');
  for (const sub of w.subs) packages.push(Buffer.from((await w.invoke('package.build', { runId: sub.runId, keySecret: key }, sub.session)).base64, 'base64'));
  b = makeTestApp('consolidation-b');
}, 240_000);

afterAll(async () => {
  await w?.app.services.printer.close();
  w?.cleanup();
  b?.cleanup();
});

/** The source figures, straight from the source store. */
function sourceManagers(runIds: number[]): Array<{ staffNo: string; total: bigint | null; runId: number; outlet: string }> {
  return (
    w.app.services.store.db
      .prepare(
        `SELECT m.staff_no AS staffNo, e.total, e.run_id AS runId, o.code AS outlet FROM evaluation_score e JOIN manager m ON m.id = e.manager_id JOIN org_unit o ON o.id = e.outlet_id
         WHERE e.run_id IN (SELECT value FROM json_each(?))`,
      )
      .safeIntegers()
      .all(JSON.stringify(runIds)) as Array<{ staffNo: string; total: bigint | null; runId: bigint; outlet: string }>
  ).map((r) => ({ ...r, runId: Number(r.runId) }));
}

/** Σ of an item's traced figure (fen) over a run's cards, optionally one outlet's, by SQLite's JSON functions. */
function sourceSum(runId: number, itemKey: string, step: 'Actual' | 'Target', outlet: string | null): bigint {
  return w.app.services.store.db
    .prepare(
      `SELECT coalesce(sum(CAST(json_extract(s.value, '$.value') AS INTEGER)), 0) FROM evaluation_score e
       JOIN org_unit o ON o.id = e.outlet_id, json_each(e.card, '$.items') i, json_each(i.value, '$.trace') s
       WHERE e.run_id = ? AND json_extract(i.value, '$.key') = ? AND json_extract(s.value, '$.en') = ? AND (? IS NULL OR o.code = ?)`,
    )
    .safeIntegers()
    .pluck()
    .get(runId, itemKey, step, outlet, outlet) as bigint;
}

describe('consolidating three 支行 packages', () => {
  it('imports each once, verified with the key', async () => {
    for (const [i, pkg] of packages.entries()) {
      const r = await importInto(b.app, pkg, `p${i}.zip`, key);
      expect(r).toMatchObject({ status: 'imported', replaced: null, warnings: [], package: { signed: true, unitCode: w.subs[i]?.code, period: '2026-10' } });
    }
  });

  it("gives every manager the source run's total and ranks them all together (1, 2, 2, 4; unscored unranked)", async () => {
    const r = await results(b.app);
    expect(r.packages.map((p) => p.unitCode)).toEqual(w.subs.map((s) => s.code));
    const source = sourceManagers(w.subs.map((s) => s.runId));
    expect(r.managers).toHaveLength(source.length);
    const byStaff = new Map(r.managers.map((m) => [m.staffNo, m]));
    for (const s of source) expect(byStaff.get(s.staffNo)?.total ?? null, s.staffNo).toBe(s.total === null ? null : two(s.total));
    // Competition ranking by hand: one more than the number of strictly higher totals.
    const totals = source.filter((s) => s.total !== null).map((s) => s.total as bigint);
    for (const s of source) {
      const expected = s.total === null ? null : totals.filter((t) => t > (s.total as bigint)).length + 1;
      expect(byStaff.get(s.staffNo)?.rank ?? null, s.staffNo).toBe(expected);
    }
    // The fixture made a tie across two 支行 (same place for both) and left one manager unscored (no place).
    expect(new Set(totals.map(String)).size).toBe(totals.length - 1);
    expect(r.managers.filter((m) => m.rank === null)).toHaveLength(1);
    expect(totals.length).toBe(source.length - 1);
    expect(r.managers.every((m) => m.of === totals.length)).toBe(true);
  });

  it("sums each 支行's and 网点's results exactly as the source runs hold them", async () => {
    const r = await results(b.app);
    const check = (runIds: number[], outlet: string | null, code: string): void => {
      const inst = r.institutions.find((i) => i.code === code);
      if (inst === undefined) throw new Error(`no institution ${code}`);
      const members = sourceManagers(runIds).filter((m) => outlet === null || m.outlet === outlet);
      const scored = members.filter((m) => m.total !== null).map((m) => m.total as bigint);
      const sum = scored.reduce((s, v) => s + v, 0n);
      // Mean in hundredths, half away from zero: (2·sum + n) div (2·n) for a non-negative sum.
      const mean = scored.length === 0 ? null : (2n * sum + BigInt(scored.length)) / (2n * BigInt(scored.length));
      expect({ managers: inst.managers, scored: inst.scored, total: inst.totalPoints, average: inst.averagePoints }, code).toEqual({
        managers: members.length,
        scored: scored.length,
        total: two(sum),
        average: mean === null ? null : two(mean),
      });
      for (const item of ['dep_net', 'dep_avg']) {
        const ind = inst.indicators.find((x) => x.key === item);
        // Fen summed over the runs, shown in 元 with two places.
        const actual = runIds.reduce((s, id) => s + sourceSum(id, item, 'Actual', outlet), 0n);
        const target = runIds.reduce((s, id) => s + sourceSum(id, item, 'Target', outlet), 0n);
        expect({ unit: ind?.unit, actual: ind?.actual, target: ind?.target }, `${code} ${item}`).toEqual({ unit: '元', actual: two(actual), target: two(target) });
      }
    };
    for (const sub of w.subs) {
      check([sub.runId], null, sub.code);
      const outlets = [...new Set(sourceManagers([sub.runId]).map((m) => m.outlet))];
      expect(outlets.length).toBeGreaterThan(1);
      for (const o of outlets) check([sub.runId], o, o);
    }
    check(
      w.subs.map((s) => s.runId),
      null,
      '',
    );
    expect(r.institutions.at(-1)).toMatchObject({ kind: 'total', name: '合计' });
    expect(r.mixedSchemes).toBe(false);
  });

  it('changes nothing when the same package comes again', async () => {
    const before = rowCounts(b.app);
    const again = await importInto(b.app, packages[1] as Buffer, 'again.zip', key);
    expect(again.status).toBe('already_imported');
    expect(again.package.fileName).toBe('p1.zip');
    expect(rowCounts(b.app)).toEqual(before);
  });

  it('refuses a tampered package with the problems the verifier found, and an inconsistent one naming its file', async () => {
    const before = rowCounts(b.app);
    const files = unzipSync(packages[0] as Buffer);
    delete files['data/clients.csv'];
    const tampered = Buffer.from(zipSync(files));
    const r = await b.app.dispatcher.invoke('consolidation.import', { fileName: 't.zip', base64: tampered.toString('base64'), keySecret: key }, { session: adminSession });
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID' } });
    if (r.ok) throw new Error('imported');
    expect(r.error.details?.problems?.map((p) => p.file)).toEqual(['data/clients.csv']);
    // Consistent bytes and hashes, but a 支行 total that is not the sum of its managers: refused by consolidation.
    const inconsistent = unzipSync(packages[0] as Buffer);
    const units = strFromU8(inconsistent['data/units.csv'] as Uint8Array).split('\r\n');
    const cells = (units[1] ?? '').split(',');
    cells[5] = '0.01';
    units[1] = cells.join(',');
    inconsistent['data/units.csv'] = strToU8(units.join('\r\n'));
    const m = JSON.parse(strFromU8(inconsistent['manifest.json'] as Uint8Array)) as PackageManifest;
    const entry = m.files.find((f) => f.path === 'data/units.csv');
    if (entry === undefined) throw new Error('unlisted');
    entry.bytes = (inconsistent['data/units.csv'] as Uint8Array).length;
    entry.sha256 = crypto.createHash('sha256').update(inconsistent['data/units.csv'] as Uint8Array).digest('hex');
    inconsistent['manifest.json'] = strToU8(JSON.stringify(m));
    delete inconsistent['manifest.sig'];
    const r2 = await b.app.dispatcher.invoke('consolidation.import', { fileName: 'i.zip', base64: Buffer.from(zipSync(inconsistent)).toString('base64') }, { session: adminSession });
    if (r2.ok) throw new Error('imported');
    expect(r2.error.code).toBe('IMPORT_INVALID');
    expect(r2.error.details?.problems?.map((p) => p.file)).toEqual(['data/units.csv']);
    expect(rowCounts(b.app)).toEqual(before);
  });

  it('lets a newer package of a 支行 supersede the current one (audited); an older one stays superseded', async () => {
    const sub = w.subs[0];
    if (sub === undefined) throw new Error('no 支行');
    const first = (await w.invoke('evaluation.run', { runId: sub.runId }, sub.session)).cards.find((c) => c.total !== null);
    if (first === undefined) throw new Error('no card');
    w.setNow('2026-11-25T10:00:00+08:00');
    await w.invoke('evaluation.setEntry', { runId: sub.runId, managerId: first.managerId, itemKey: 'service', value: 1 }, sub.session);
    await w.invoke('evaluation.compute', { schemeCode: 'PKG-M', period: '2026-10' }, sub.session);
    const newer = Buffer.from((await w.invoke('package.build', { runId: sub.runId }, sub.session)).base64, 'base64');
    w.setNow('2026-11-20T10:00:00+08:00');
    const older = Buffer.from((await w.invoke('package.build', { runId: sub.runId }, sub.session)).base64, 'base64');

    const r = await importInto(b.app, newer, 'newer.zip');
    expect(r.status).toBe('imported');
    expect(r.replaced?.fileName).toBe('p0.zip');
    // Unsigned and no key: accepted, with the package marked unsigned.
    expect(r.package.signed).toBe(false);
    const after = await results(b.app);
    expect(after.packages.map((p) => p.fileName)).toEqual(['newer.zip', 'p1.zip', 'p2.zip']);
    const changed = after.managers.find((m) => m.staffNo === first.manager.staffNo);
    const stored = sourceManagers([sub.runId]).find((m) => m.staffNo === first.manager.staffNo);
    expect(changed?.total).toBe(stored?.total === null || stored === undefined ? null : two(stored.total));
    expect(changed?.total).not.toBe(first.total === null ? null : two(BigInt(first.total)));

    const o = await importInto(b.app, older, 'older.zip');
    expect(o.status).toBe('superseded');
    expect(o.package.supersededBy).toBe(r.package.id);
    expect((await results(b.app)).packages.map((p) => p.fileName)).toEqual(['newer.zip', 'p1.zip', 'p2.zip']);
    const listed = expectOk(await b.app.dispatcher.invoke('consolidation.packages', { period: '2026-10' }, { session: adminSession }));
    expect(listed.map((p) => [p.fileName, p.supersededBy === null])).toEqual([
      ['older.zip', false],
      ['newer.zip', true],
      ['p2.zip', true],
      ['p1.zip', true],
      ['p0.zip', false],
    ]);
    const audit = b.app.services.store.db
      .prepare("SELECT outcome, entity, before, after FROM audit_log WHERE action = 'consolidation.import' ORDER BY id")
      .all() as Array<{ outcome: string; entity: string | null; before: string | null; after: string | null }>;
    const statuses = audit.map((a) => `${a.outcome}:${a.after === null ? '-' : (JSON.parse(a.after) as { status: string }).status}`);
    expect(statuses).toEqual(['ok:imported', 'ok:imported', 'ok:imported', 'ok:already_imported', 'failed:-', 'failed:-', 'ok:imported', 'ok:superseded']);
    const replacing = audit[6];
    expect(JSON.parse(replacing?.before ?? 'null')).toMatchObject({ current: 1 });
    // The key never reaches the log.
    const log = (b.app.services.store.db.prepare("SELECT detail FROM audit_log WHERE action = 'consolidation.import'").pluck().all() as string[]).join('\n');
    expect(log).not.toContain(key.split('hex:')[1]?.trim() ?? 'never');
    expect(log).toContain('[redacted]');
  });
});

describe('the consolidate command', () => {
  it('imports package files into a workspace, prints the ranking, changes nothing the second time, exits 1 for a bad one', () => {
    const db = path.join(b.dir, 'branch.db');
    const files = packages.map((p, i) => {
      const f = path.join(b.dir, `pkg-${i}.zip`);
      fs.writeFileSync(f, p);
      return f;
    });
    const keyFile = path.join(b.dir, 'k.key');
    fs.writeFileSync(keyFile, key);
    const first = runCli(['consolidate', ...files, '--db', db, '--key', keyFile, '--json']);
    expect(first.status, first.stderr).toBe(0);
    const out = JSON.parse(first.stdout) as { imports: Array<{ status: string }>; results: ConsolidatedResults[] };
    expect(out.imports.map((i) => i.status)).toEqual(['imported', 'imported', 'imported']);
    expect(out.results[0]?.managers.length).toBe(sourceManagers(w.subs.map((s) => s.runId)).length);
    const second = runCli(['consolidate', files[0] as string, '--db', db]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('already imported');
    expect(second.stdout).toContain('排名 Ranking');
    const bad = path.join(b.dir, 'bad.zip');
    fs.writeFileSync(bad, (packages[2] as Buffer).subarray(0, 2000));
    const refused = runCli(['consolidate', bad, '--db', db]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('REFUSED');
  });
});
