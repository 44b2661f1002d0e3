// Benchmark: the encrypted store (SQLCipher 4 via SQLite3 Multiple Ciphers) against a plain one, measured in the
// same run on the same work: (1) a generated GBK client extract through the full import pipeline, (2) the demo
// workspace built through the import pipeline and scored, (3) the client-book recompute alone (the analytical
// pass, timed inside the command) and (4) an evaluation of the demo's last month (`evaluate`: every manager's credited actuals and scores).
// Prints each time and the ratio encrypted/plain (target <= 1.3).
// Usage: node tests/bench/crypto.mjs [client rows] [demo clients]   (after `npm run build`)
// Every row times the work inside the command, with the store already open in that process: the import row is the
// commit (its worker thread opens the store again, key derivation included), the evaluation row the compute.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeClientFile } from './client-file.mjs';

const ROWS = Number(process.argv[2] ?? 200_000);
const DEMO = Number(process.argv[3] ?? 50_000);
const cli = path.resolve('dist/cli.cjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-crypto-'));
const PASS = 'bench passphrase 2026';

/** A monthly scheme over the data-sourced indicators (fixed targets: the demo's head-office plans are yearly). */
const BENCH_SCHEME = {
  code: 'BENCH-M',
  name: '基准月度考核',
  periodType: 'month',
  items: [
    { key: 'dep', name: '存款净增', weight: 30, source: { kind: 'indicator', indicator: 'DEP_NET' }, method: { type: 'ratio' }, fixedTarget: '100000000' },
    { key: 'avg', name: '日均存款', weight: 20, source: { kind: 'indicator', indicator: 'DEP_AVG' }, method: { type: 'bands', bands: [{ fromPct: 60, scorePct: 60 }, { fromPct: 100, scorePct: 100 }] }, fixedTarget: '5000000000' },
    { key: 'wealth', name: '理财销售', weight: 20, source: { kind: 'indicator', indicator: 'WEALTH_SALES' }, method: { type: 'ratio' }, fixedTarget: '50000000' },
    { key: 'newc', name: '新增有效客户', weight: 15, source: { kind: 'indicator', indicator: 'NEW_CLIENT' }, method: { type: 'difference', per: '1', pointsAbove: 0.5, pointsBelow: 0.5 }, fixedTarget: '10' },
    { key: 'cover', name: '联系计划覆盖率', weight: 15, source: { kind: 'metric', metric: 'contact_coverage' }, method: { type: 'ratio' }, fixedTarget: '9000' },
  ],
};

function run(args, encrypted) {
  return runJson(args, encrypted).seconds;
}

/** Runs the CLI; its wall time and, with --json, what it printed. */
function runJson(args, encrypted) {
  const env = { ...process.env, BW_LOG_LEVEL: 'warn', ...(encrypted ? { BW_PASSPHRASE: PASS } : {}) };
  const t = performance.now();
  const out = execFileSync(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28, encoding: 'utf8' });
  const seconds = (performance.now() - t) / 1000;
  return { seconds, json: args.includes('--json') && out.trim() !== '' ? JSON.parse(out) : null };
}

try {
  const file = path.join(dir, 'clients.csv');
  writeClientFile(file, ROWS);
  const mapping = path.join(dir, 'mapping.json');
  fs.writeFileSync(mapping, JSON.stringify({ clientNo: '客户号', name: '客户名称', idType: '证件类型', idNo: '证件号码', phone: '手机号', gender: '性别', birthDate: '出生日期', openDate: '开户日期' }));
  const results = [];
  const extra = [];
  // Imports into fresh stores, alternating plain and encrypted, three of each: one run alone is too noisy here.
  const importTimes = { plain: [], enc: [] };
  for (let i = 0; i < 3; i++) {
    for (const enc of [false, true]) {
      const db = path.join(dir, `import-${i}-${enc ? 'enc' : 'plain'}.db`);
      run(['init', '--db', db, '--json'], enc);
      importTimes[enc ? 'enc' : 'plain'].push(runJson(['import', '--db', db, '--kind', 'clients', '--mapping', mapping, '--json', file], enc).json.commitMs / 1000);
      fs.rmSync(db, { force: true });
    }
  }
  const median3 = (xs) => [...xs].sort((a, b) => a - b)[1];
  results.push([`import ${ROWS} clients (GBK CSV), median of 3`, median3(importTimes.plain), median3(importTimes.enc)]);
  for (const [label, work] of [
    [`demo ${DEMO} clients (all extracts imported, then scored)`, (db, enc) => run(['demo', '--db', db, '--clients', String(DEMO), '--json'], enc)],
  ]) {
    const times = {};
    const dbs = {};
    for (const enc of [false, true]) {
      const db = path.join(dir, `${enc ? 'enc' : 'plain'}-${results.length}.db`);
      dbs[enc] = db;
      run(['init', '--db', db, '--json'], enc);
      times[enc ? 'enc' : 'plain'] = work(db, enc);
    }
    results.push([label, times.plain, times.enc]);
    if (label.startsWith('demo')) {
      // Short runs are noisy: three of each, alternating, and the medians.
      const median = (xs) => xs.sort((a, b) => a - b)[1];
      // Short commands are dominated by opening the store (SQLCipher's PBKDF2 key derivation, a fixed cost per
      // open): the work is timed inside the command, with the store open, and the open cost is shown on its own.
      const plain = [];
      const enc = [];
      const openPlain = [];
      const openEnc = [];
      for (let i = 0; i < 3; i++) {
        plain.push(runJson(['score', '--db', dbs[false], '--json'], false).json.wallMs / 1000);
        enc.push(runJson(['score', '--db', dbs[true], '--json'], true).json.wallMs / 1000);
        openPlain.push(run(['init', '--db', dbs[false], '--json'], false));
        openEnc.push(run(['init', '--db', dbs[true], '--json'], true));
      }
      results.push([`score (book recompute) on the demo, median of 3`, median(plain), median(enc)]);
      results.push([`open the store (CLI start + key derivation), median of 3`, median(openPlain), median(openEnc)]);
      const scheme = path.join(dir, 'scheme.json');
      fs.writeFileSync(scheme, JSON.stringify(BENCH_SCHEME));
      const evalPlain = [];
      const evalEnc = [];
      // Half a second of work is noisy here: a first run of each (saves the scheme, creates the run) is not counted,
      // then seven of each, alternating, and the medians.
      for (let i = -1; i < 7; i++) {
        const p = runJson(['evaluate', '--db', dbs[false], '--scheme', scheme, '--period', '2026-10', '--json'], false).json.computeMs / 1000;
        const e = runJson(['evaluate', '--db', dbs[true], '--scheme', scheme, '--period', '2026-10', '--json'], true).json.computeMs / 1000;
        if (i >= 0) {
          evalPlain.push(p);
          evalEnc.push(e);
        }
      }
      const median7 = (xs) => [...xs].sort((a, b) => a - b)[3];
      results.push([`evaluate 2026-10 (every manager), median of 7`, median7(evalPlain), median7(evalEnc)]);
      extra.push(`(the open row is a fixed cost per process: ${((median(openEnc) - median(openPlain)) * 1000).toFixed(0)} ms of key derivation; the app opens the store once)`);
    }
  }
  for (const [label, plain, enc] of results) {
    console.log(`${label.padEnd(56)} plain ${plain.toFixed(2).padStart(7)} s   encrypted ${enc.toFixed(2).padStart(7)} s   ratio ${(enc / plain).toFixed(2)}${label.startsWith('open') ? '' : ' (target <= 1.30)'}`);
  }
  for (const line of extra) console.log(line);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
