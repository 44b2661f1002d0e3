import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageBuildResult } from '../../shared/api/ops/package.js';
import type { PackageManifest, VerifyReport } from '../../shared/package/manifest.js';
import { newKeyFile } from '../../electron/package/key.js';
import { verifyPackage } from '../../electron/package/verify.js';
import { adminSession } from '../helpers/import.js';
import { runCli } from '../helpers/cli.js';
import { FORMULA_CLIENTS, FORMULA_MANAGER, buildPackageWorld } from '../helpers/package-store.js';
import type { PackageWorld } from '../helpers/package-store.js';

/**
 * The head-office package round trip on a demo workspace: build a package of a 支行's run, verify it, then damage
 * it in each way the verifier must name (a flipped byte inside a member, a member removed, one added, the manifest
 * changed, the wrong key, an unsafe path); the CLI's `verify` exit codes; and what the package may hold: no full ID
 * number in an administrator's package (every member's text, inside the workbook too), full ones in a
 * supervisor's, and no CSV or workbook cell that starts a formula. The CLI needs `npm run build -- --no-renderer`.
 */
let w: PackageWorld;
let key: string;
let plain: Buffer;
let signed: Buffer;
let supervisorPkg: Buffer;

const bytesOf = (f: PackageBuildResult): Buffer => Buffer.from(f.base64, 'base64');

/** Rewrites a package with fflate (not the verifier's own zip code): members changed, removed or added. */
function rezip(pkg: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Buffer {
  const files = unzipSync(pkg);
  change(files);
  return Buffer.from(zipSync(files));
}

/** Flips one byte in the middle of a member's stored data, found by walking the local headers. */
function flipInside(pkg: Buffer, member: string): Buffer {
  const out = Buffer.from(pkg);
  let p = 0;
  while (out.readUInt32LE(p) === 0x04034b50) {
    const size = out.readUInt32LE(p + 18);
    const nameLen = out.readUInt16LE(p + 26);
    const extraLen = out.readUInt16LE(p + 28);
    const name = out.toString('utf8', p + 30, p + 30 + nameLen);
    const start = p + 30 + nameLen + extraLen;
    if (name === member) {
      const at = start + Math.floor(size / 2);
      out[at] = (out[at] ?? 0) ^ 0x01;
      return out;
    }
    p = start + size;
  }
  throw new Error(`no member ${member}`);
}

const problemsOf = (r: VerifyReport): Array<[string, string | null]> => r.problems.map((p) => [p.code, p.file]);
const manifestOf = (pkg: Uint8Array): PackageManifest => JSON.parse(strFromU8(unzipSync(pkg)['manifest.json'] as Uint8Array)) as PackageManifest;

beforeAll(async () => {
  w = await buildPackageWorld('package');
  key = newKeyFile('test', Buffer.alloc(32, 7));
  const sub = w.subs[0];
  if (sub === undefined) throw new Error('no 支行');
  plain = bytesOf(await w.invoke('package.build', { runId: sub.runId }));
  signed = bytesOf(await w.invoke('package.build', { runId: sub.runId, keySecret: key }));
  supervisorPkg = bytesOf(await w.invoke('package.build', { runId: sub.runId }, sub.session));
}, 240_000);

afterAll(async () => {
  await w?.app.services.printer.close();
  w?.cleanup();
});

describe('building a package', () => {
  it('holds the manifest, the workbook, the sheets and the data, each listed with its hash, size and rows', () => {
    const sub = w.subs[0];
    if (sub === undefined) throw new Error('no 支行');
    const files = unzipSync(plain);
    expect(Object.keys(files).sort()).toEqual(['data/clients.csv', 'data/item-scores.csv', 'data/unit-items.csv', 'data/managers.csv', 'data/units.csv', 'manifest.json', 'sheets.pdf', 'summary.xlsx'].sort());
    const m = manifestOf(plain);
    const db = w.app.services.store.db;
    const unit = db.prepare('SELECT code, name, level FROM org_unit WHERE id = ?').get(sub.id);
    expect(m.unit).toEqual(unit);
    expect(m.bank).toEqual(db.prepare('SELECT code, name FROM org_unit WHERE parent_id IS NULL').get());
    expect(m).toMatchObject({ formatVersion: 1, period: '2026-10', generatedBy: { user: 'local-admin', role: 'admin' }, identity: 'masked', run: { id: sub.runId, schemeCode: 'PKG-M', schemeVersion: 1, status: 'draft' } });
    const managers = db.prepare('SELECT count(*) FROM evaluation_score WHERE run_id = ?').pluck().get(sub.runId) as number;
    expect(m.run.managers).toBe(managers);
    // Rows as an independent parser counts them; the PDF's pages as poppler counts them.
    for (const f of m.files) {
      const data = files[f.path] as Uint8Array;
      expect(f.bytes).toBe(data.length);
      if (f.kind === 'csv') expect(f.rows, f.path).toBe(Papa.parse(strFromU8(data).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.length - 1);
    }
    expect(m.files.find((f) => f.path === 'data/managers.csv')?.rows).toBe(managers);
    const pdf = path.join(w.dir, 'sheets.pdf');
    fs.writeFileSync(pdf, files['sheets.pdf'] as Uint8Array);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    expect(m.files.find((f) => f.path === 'sheets.pdf')?.rows).toBe(pages);
    // Credited clients: every assignment of the run's managers overlapping October, counted by SQL.
    const held = db
      .prepare(
        `SELECT count(*) FROM assignment a WHERE a.manager_id IN (SELECT manager_id FROM evaluation_score WHERE run_id = ?)
         AND a.valid_from <= '2026-10-31' AND (a.valid_to IS NULL OR a.valid_to > '2026-10-01')`,
      )
      .pluck()
      .get(sub.runId) as number;
    expect(m.files.find((f) => f.path === 'data/clients.csv')?.rows).toBe(held);
    // The build is audited as an export, with the manifest's hash.
    const audit = db.prepare("SELECT outcome, entity, after FROM audit_log WHERE action = 'package.build' ORDER BY id LIMIT 1").get() as { outcome: string; entity: string; after: string };
    expect(audit).toMatchObject({ outcome: 'ok', entity: 'evaluation_package' });
    expect(JSON.parse(audit.after)).toMatchObject({ manifestSha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown, identity: 'masked' });
  });

  it('writes exact decimal text: the item scores add up to the stored totals', () => {
    const rows = Papa.parse<Record<string, string>>(strFromU8(unzipSync(plain)['data/managers.csv'] as Uint8Array).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const db = w.app.services.store.db;
    const stored = new Map(
      (db.prepare('SELECT m.staff_no AS s, e.total AS t FROM evaluation_score e JOIN manager m ON m.id = e.manager_id WHERE run_id = ?').all(w.subs[0]?.runId) as Array<{ s: string; t: number | null }>).map((r) => [r.s, r.t]),
    );
    expect(rows.length).toBe(stored.size);
    // "85.50" is 8550 hundredths: the text is the stored integer with the point two places from the right.
    for (const r of rows) expect(r['总分'] === '' ? null : Number((r['总分'] ?? '').replace('.', ''))).toBe(stored.get(r['员工号'] ?? ''));
  });

  it('refuses a supervisor another 支行’s run and a key that is too short', async () => {
    const [a, b] = w.subs;
    if (a === undefined || b === undefined) throw new Error('no 支行');
    expect(await w.app.dispatcher.invoke('package.build', { runId: b.runId }, { session: a.session })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.app.dispatcher.invoke('package.build', { runId: a.runId, keySecret: 'hex:00ff' }, { session: adminSession })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('verifying a package', () => {
  it('passes an untouched package, signed or not, and reports an unchecked signature as a warning', () => {
    const r = verifyPackage(plain);
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ ok: true, signature: 'absent' });
    expect(r.files.every((f) => f.ok)).toBe(true);
    expect(verifyPackage(signed, key)).toMatchObject({ ok: true, signature: 'valid', problems: [] });
    const unchecked = verifyPackage(signed);
    expect(unchecked).toMatchObject({ ok: true, signature: 'unchecked' });
    expect(problemsOf(unchecked)).toEqual([['signature_unchecked', 'manifest.sig']]);
  });

  it.each(['sheets.pdf', 'summary.xlsx', 'data/managers.csv', 'data/clients.csv'])('names %s when one byte inside it is flipped', (member) => {
    const r = verifyPackage(flipInside(plain, member));
    expect(r.ok).toBe(false);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.every((p) => p.file === member)).toBe(true);
    expect(r.problems.map((p) => p.code)).toContain('entry_corrupt');
  });

  it('names a member removed, a member added, and an entry whose path leaves the package', () => {
    expect(problemsOf(verifyPackage(rezip(plain, (f) => delete f['data/units.csv'])))).toEqual([['file_missing', 'data/units.csv']]);
    expect(problemsOf(verifyPackage(rezip(plain, (f) => (f['notes.txt'] = strToU8('hello')))))).toEqual([['file_unlisted', 'notes.txt']]);
    const evil = verifyPackage(rezip(plain, (f) => (f['../evil.csv'] = strToU8('a\r\n'))));
    expect(problemsOf(evil)).toEqual([
      ['unsafe_path', '../evil.csv'],
      ['file_unlisted', '../evil.csv'],
    ]);
    expect(problemsOf(verifyPackage(rezip(plain, (f) => (f['/etc/x.csv'] = strToU8('a\r\n'))))).map(([c]) => c)).toContain('unsafe_path');
  });

  it('names the member whose content no longer matches the manifest: hash, size and rows counted from the data', () => {
    // Same size, different content: only the hash can tell.
    const swapped = rezip(plain, (f) => {
      const csv = f['data/units.csv'] as Uint8Array;
      const copy = Uint8Array.from(csv);
      const at = copy.lastIndexOf(0x31); // a "1" somewhere in the figures
      copy[at] = 0x32;
      f['data/units.csv'] = copy;
    });
    expect(problemsOf(verifyPackage(swapped))).toEqual([['hash_mismatch', 'data/units.csv']]);
    // A row dropped and the manifest's hash and size updated to match, but not its row count.
    const trimmed = rezip(plain, (f) => {
      const text = strFromU8(f['data/managers.csv'] as Uint8Array);
      const lines = text.split('\r\n');
      const data = strToU8(`${[...lines.slice(0, -2), ''].join('\r\n')}`);
      f['data/managers.csv'] = data;
      const m = JSON.parse(strFromU8(f['manifest.json'] as Uint8Array)) as PackageManifest;
      const entry = m.files.find((x) => x.path === 'data/managers.csv');
      if (entry === undefined) throw new Error('not listed');
      entry.bytes = data.length;
      entry.sha256 = crypto.createHash('sha256').update(data).digest('hex');
      f['manifest.json'] = strToU8(JSON.stringify(m, null, 2));
    });
    expect(problemsOf(verifyPackage(trimmed))).toEqual([['rows_mismatch', 'data/managers.csv']]);
  });

  it('names the manifest when it is changed, missing or not JSON; a signed manifest changed breaks the signature', () => {
    const changed = (pkg: Buffer): Buffer =>
      rezip(pkg, (f) => {
        const m = JSON.parse(strFromU8(f['manifest.json'] as Uint8Array)) as PackageManifest;
        const entry = m.files.find((x) => x.path === 'data/clients.csv');
        if (entry !== undefined) entry.rows += 1;
        f['manifest.json'] = strToU8(JSON.stringify(m, null, 2));
      });
    expect(problemsOf(verifyPackage(changed(plain)))).toEqual([['rows_mismatch', 'data/clients.csv']]);
    const resigned = verifyPackage(changed(signed), key);
    expect(problemsOf(resigned)).toEqual([
      ['rows_mismatch', 'data/clients.csv'],
      ['signature_invalid', 'manifest.sig'],
    ]);
    expect(resigned.signature).toBe('invalid');
    expect(problemsOf(verifyPackage(rezip(plain, (f) => delete f['manifest.json'])))).toEqual([['manifest_missing', 'manifest.json']]);
    expect(problemsOf(verifyPackage(rezip(plain, (f) => (f['manifest.json'] = strToU8('{"formatVersion": 1'))))).map(([c, f]) => `${c} ${f}`)).toEqual(['manifest_invalid manifest.json']);
  });

  it('says exactly what is wrong with the signature: wrong key, missing, unusable key; and refuses what is not a zip', () => {
    const other = newKeyFile('other', Buffer.alloc(32, 9));
    const wrong = verifyPackage(signed, other);
    expect(problemsOf(wrong)).toEqual([['signature_invalid', 'manifest.sig']]);
    expect(wrong.problems[0]?.message.en).toMatch(/Signed with key [0-9a-f]{16}, not with the key given/);
    expect(problemsOf(verifyPackage(plain, key))).toEqual([['signature_missing', 'manifest.sig']]);
    expect(problemsOf(verifyPackage(signed, 'hex:abcd'))).toEqual([
      ['key_invalid', null],
      ['signature_unchecked', 'manifest.sig'],
    ]);
    expect(problemsOf(verifyPackage(Buffer.from('not a zip at all, just text')))).toEqual([['zip_unreadable', null]]);
    expect(problemsOf(verifyPackage(plain.subarray(0, plain.length - 30)))).toEqual([['zip_unreadable', null]]);
  });

  it('verifies through the API as the app does', async () => {
    const r = await w.invoke('package.verify', { base64: flipInside(signed, 'data/item-scores.csv').toString('base64'), keySecret: key });
    expect(r.ok).toBe(false);
    expect(new Set(r.problems.map((p) => p.file))).toEqual(new Set(['data/item-scores.csv']));
  });
});

describe('the verify command', () => {
  it('exits 0 for a good package, 1 naming every problem, with --json for machines', () => {
    const good = path.join(w.dir, 'good.zip');
    const bad = path.join(w.dir, 'bad.zip');
    const keyFile = path.join(w.dir, 'head-office.key');
    fs.writeFileSync(good, signed);
    fs.writeFileSync(bad, rezip(flipInside(signed, 'sheets.pdf'), (f) => delete f['data/units.csv']));
    fs.writeFileSync(keyFile, key);
    const ok = runCli(['verify', good, '--key', keyFile]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('校验通过 OK');
    const failed = runCli(['verify', bad, '--key', keyFile]);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('sheets.pdf');
    expect(failed.stdout).toContain('data/units.csv');
    expect(failed.stdout).toContain('校验未通过 FAILED');
    const json = runCli(['verify', bad, '--json']);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as VerifyReport;
    expect(report.ok).toBe(false);
    expect(new Set(report.problems.filter((p) => p.level === 'error').map((p) => p.file))).toEqual(new Set(['sheets.pdf', 'data/units.csv']));
    expect(runCli(['verify', path.join(w.dir, 'absent.zip')]).status).toBe(2);
  });
});

/** Every member's text: CSV as text, the workbook's XML parts, the PDF through pdftotext. */
function textsOf(pkg: Buffer, name: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, data] of Object.entries(unzipSync(pkg))) {
    if (file.endsWith('.xlsx')) for (const [part, xml] of Object.entries(unzipSync(data))) out.set(`${file}!${part}`, strFromU8(xml));
    else if (file.endsWith('.pdf')) {
      const pdf = path.join(w.dir, `${name}.pdf`);
      fs.writeFileSync(pdf, data);
      out.set(file, execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
    } else out.set(file, strFromU8(data));
  }
  return out;
}

describe('what a package may hold', () => {
  it("an administrator's package carries no full ID or phone number anywhere; a supervisor's carries them", () => {
    const db = w.app.services.store.db;
    const ids = db.prepare("SELECT id_no FROM client WHERE id_no IS NOT NULL AND length(id_no) >= 15").pluck().all() as string[];
    const phones = db.prepare("SELECT phone FROM client WHERE phone IS NOT NULL AND length(phone) = 11").pluck().all() as string[];
    expect(ids.length).toBeGreaterThan(1000);
    const idPattern = /\d{17}[\dX]/g;
    const known = new Set(ids);
    for (const [file, text] of textsOf(plain, 'admin')) {
      const full = (text.match(idPattern) ?? []).filter((x) => known.has(x));
      expect(full, file).toEqual([]);
    }
    const clients = strFromU8(unzipSync(plain)['data/clients.csv'] as Uint8Array);
    expect(clients).toMatch(/\d{4}\*{10}[\dX]{4}/);
    expect(phones.filter((p) => clients.includes(p))).toEqual([]);
    const sup = textsOf(supervisorPkg, 'supervisor').get('data/clients.csv') ?? '';
    expect((sup.match(idPattern) ?? []).filter((x) => known.has(x)).length).toBeGreaterThan(100);
    expect(manifestOf(supervisorPkg)).toMatchObject({ identity: 'full', generatedBy: { role: 'supervisor' } });
  });

  it('no CSV or workbook cell starts a formula; the seeded names come out neutralised', () => {
    const formula = /^[=+\-@\t\r]/;
    const number = /^-?\d+(\.\d+)?$/;
    const files = unzipSync(plain);
    const seen: string[] = [];
    for (const [file, data] of Object.entries(files)) {
      if (!file.endsWith('.csv')) continue;
      for (const row of Papa.parse<string[]>(strFromU8(data).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data) {
        for (const cell of row) {
          if (formula.test(cell)) expect(number.test(cell), `${file}: ${cell}`).toBe(true);
          if (cell.includes(FORMULA_MANAGER) || FORMULA_CLIENTS.some((c) => cell.includes(c))) seen.push(cell);
        }
      }
    }
    expect(seen).toContain(`'${FORMULA_MANAGER}`);
    // The workbook: every shared and inline string.
    const parts = unzipSync(files['summary.xlsx'] as Uint8Array);
    const strings = Object.entries(parts)
      .filter(([p]) => p.endsWith('.xml'))
      .flatMap(([, xml]) => [...strFromU8(xml).matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => m[1] ?? ''))
      .map((s) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'));
    expect(strings.length).toBeGreaterThan(50);
    expect(strings.filter((s) => formula.test(s))).toEqual([]);
    expect(strings).toContain(`'${FORMULA_MANAGER}`);
    const clients = strFromU8(files['data/clients.csv'] as Uint8Array);
    for (const c of FORMULA_CLIENTS) expect(clients).toContain(`'${c}`);
  });
});
