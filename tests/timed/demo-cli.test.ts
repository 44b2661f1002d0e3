import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Sqlite } from '../../electron/store/sqlite.js';
import { runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp.js';

const tmp = makeTempDir('demo-cli');
afterAll(() => tmp.cleanup());

function digests(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]),
  );
}

/** The acceptance figures of the foundation, at the default size (200,000 clients, 40 managers). */
describe('branch-workbench demo at full size', () => {
  it('writes byte-identical extracts twice with the same seed', () => {
    const a = path.join(tmp.dir, 'a');
    const b = path.join(tmp.dir, 'b');
    expect(runCli(['demo', '--out', a, '--json']).status).toBe(0);
    expect(runCli(['demo', '--out', b, '--json']).status).toBe(0);
    const da = digests(a);
    expect(Object.keys(da).length).toBeGreaterThanOrEqual(15);
    expect(digests(b)).toEqual(da);
    fs.rmSync(a, { recursive: true });
    fs.rmSync(b, { recursive: true });
  }, 120_000);

  it('builds the demo workspace in under 2 minutes and reports the counts the store holds', () => {
    const db = path.join(tmp.dir, 'demo.db');
    const started = Date.now();
    const r = runCli(['demo', '--db', db, '--json']);
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(`demo --db at default size: ${seconds.toFixed(1)} s\n`);
    expect(r.status).toBe(0);
    expect(seconds).toBeLessThan(120);
    const report = JSON.parse(r.stdout) as { counts: Record<string, number> };
    const raw = new Sqlite(db, { readonly: true });
    const count = (t: string): number => (raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect(report.counts).toEqual({
      orgUnits: count('org_unit'),
      managers: count('manager'),
      clients: count('client'),
      balanceSnapshots: count('balance_snapshot'),
      holdings: count('product_holding'),
      transactions: count('txn'),
      contacts: count('contact'),
    });
    expect(report.counts['clients']).toBe(200_000);
    expect(report.counts['managers']).toBe(40);
    expect(count("org_unit WHERE level = 'tier2'")).toBe(1);
    expect(count("org_unit WHERE level = 'sub'")).toBe(3);
    expect(count("org_unit WHERE level = 'outlet'")).toBe(8);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  }, 170_000);
});
