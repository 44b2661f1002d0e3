// Benchmark: the head-office package (docs/export-package.md) on the 200,000-client demo workspace.
//  - build: `branch-workbench export --out F.zip --key K` (workbook, every sheet printed to PDF, the five CSVs with
//    every credited client, manifest, signature) against the loose export of the same run measured in the same run
//    (`export --out DIR`: the sheets PDF and the workbook only), both as CLI processes, best of two;
//  - verify: verifyPackage over the package's bytes (every member inflated, hashed, counted; the signature checked)
//    against a baseline that only unzips and hashes every member (fflate + SHA-256), best of three.
// Prints the times, sizes and ratios. Not a test.
// Usage: node tests/bench/package.mjs [clients] [workspace.db] [--keep]   (after `npm run build -- --no-renderer`; a
// workspace.db from an earlier --keep run that already has the October run is used as it is)
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { bundleTs } from './bundle-ts.mjs';

const CLIENTS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 200_000);
const GIVEN = process.argv.slice(2).find((a) => a.endsWith('.db'));
const KEEP = process.argv.includes('--keep');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-package-'));
const db = GIVEN === undefined ? path.join(dir, 'workspace.db') : path.resolve(GIVEN);
const CLI = path.resolve('dist/cli.cjs');
const env = { ...process.env, BW_LOG_LEVEL: 'warn' };
const seconds = (t0) => (performance.now() - t0) / 1000;
const cli = (...args) => execFileSync(process.execPath, [CLI, ...args, '--db', db], { env, encoding: 'utf8', maxBuffer: 1 << 28 });

const SCHEME = {
  code: 'PKG-BENCH',
  name: '客户经理月度考核',
  periodType: 'month',
  items: [
    { key: 'dep_net', name: '存款净增', weight: 40, source: { kind: 'indicator', indicator: 'DEP_NET' }, method: { type: 'ratio' }, fixedTarget: '50000000' },
    { key: 'dep_avg', name: '日均存款', weight: 30, source: { kind: 'indicator', indicator: 'DEP_AVG' }, method: { type: 'ratio' }, fixedTarget: '800000000' },
    { key: 'wealth', name: '理财销售', weight: 30, source: { kind: 'indicator', indicator: 'WEALTH_SALES' }, method: { type: 'ratio' }, fixedTarget: '30000000' },
  ],
  gradeRules: [{ grade: 'standard', maintainAt: 40, promoteAt: 80 }],
};

function best(n, run) {
  let min = Infinity;
  let value;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    value = run();
    min = Math.min(min, seconds(t0));
  }
  return { s: min, value };
}

if (!fs.existsSync(db)) {
  const t0 = performance.now();
  cli('demo', '--clients', String(CLIENTS));
  console.log(`demo workspace: ${CLIENTS} clients in ${seconds(t0).toFixed(1)} s`);
}
const schemeFile = path.join(dir, 'scheme.json');
fs.writeFileSync(schemeFile, JSON.stringify(SCHEME));
const evaluated = best(1, () => cli('evaluate', '--scheme', schemeFile, '--period', '2026-10'));
console.log(`evaluate 2026-10: ${evaluated.s.toFixed(1)} s`);
const keyFile = path.join(dir, 'head-office.key');
fs.writeFileSync(keyFile, `hex:${crypto.randomBytes(32).toString('hex')}\n`);

const loose = best(2, () => cli('export', '--period', '2026-10', '--scheme', 'PKG-BENCH', '--out', path.join(dir, 'loose')));
const pkgFile = path.join(dir, 'package.zip');
const built = best(2, () => cli('export', '--period', '2026-10', '--scheme', 'PKG-BENCH', '--out', pkgFile, '--key', keyFile));
const bytes = fs.readFileSync(pkgFile);
const looseBytes = fs.readdirSync(path.join(dir, 'loose')).reduce((s, f) => s + fs.statSync(path.join(dir, 'loose', f)).size, 0);

const { verifyPackage } = await bundleTs(dir, 'verify', "export { verifyPackage } from './electron/package/verify.ts';");
const keyText = fs.readFileSync(keyFile, 'utf8');
const verified = best(3, () => verifyPackage(bytes, keyText));
if (!verified.value.ok) throw new Error(`the package does not verify: ${JSON.stringify(verified.value.problems)}`);
const baseline = best(3, () => {
  const files = unzipSync(bytes);
  return Object.values(files).map((data) => crypto.createHash('sha256').update(data).digest('hex'));
});
const members = verified.value.manifest.files.map((f) => `${f.path} ${f.rows}${f.kind === 'pdf' ? ' pages' : ' rows'} ${(f.bytes / 1e6).toFixed(1)} MB`);

console.log(`package: ${(bytes.length / 1e6).toFixed(1)} MB zip (${members.join('; ')})`);
console.log(`build:  package ${built.s.toFixed(2)} s vs loose export ${loose.s.toFixed(2)} s (${(looseBytes / 1e6).toFixed(1)} MB): ratio ${(built.s / loose.s).toFixed(2)}`);
console.log(`verify: ${verified.s.toFixed(3)} s vs unzip+hash baseline ${baseline.s.toFixed(3)} s: ratio ${(verified.s / baseline.s).toFixed(2)}`);
// The temp folder holds the generated workspace (unless one was given), the scheme, the key and the package.
if (KEEP) console.log(`kept ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });
