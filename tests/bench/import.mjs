// Benchmark: a 1,000,000-row GBK client CSV through the full import pipeline (detect, decode, validate, plan,
// commit) against a baseline measured in the same run: the same rows parsed with papaparse and inserted with a
// bare prepared statement in one transaction. Prints rows/s for both, the ratio and the pipeline's peak RSS.
// Usage: node tests/bench/import.mjs [rows]   (after `npm run build`)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import Database from 'better-sqlite3-multiple-ciphers';
import Papa from 'papaparse';
import { writeClientFile } from './client-file.mjs';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-import-'));
const cli = path.resolve('dist/cli.cjs');
async function baseline(file, db) {
  execFileSync(process.execPath, [cli, 'init', '--db', db]);
  const started = performance.now();
  const sqlite = new Database(db);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  const insert = sqlite.prepare('INSERT INTO client (client_no, name, id_type, id_no, phone, gender, birth_date, open_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const decoder = new TextDecoder('gb18030');
  const text = fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(
    new Transform({
      transform(c, _e, done) {
        done(null, decoder.decode(c, { stream: true }));
      },
      flush(done) {
        done(null, decoder.decode());
      },
    }),
  );
  let n = 0;
  sqlite.exec('BEGIN');
  await new Promise((resolve, reject) => {
    Papa.parse(text, {
      chunk(res) {
        for (const r of res.data) {
          if (r.length < 10 || !/^\d+$/.test(r[0])) continue;
          insert.run(r[0], r[1], r[2], r[3], r[4], r[5] === '男' ? 'M' : 'F', r[6], r[7]);
          n++;
        }
      },
      complete: resolve,
      error: reject,
    });
  });
  sqlite.exec('COMMIT');
  sqlite.close();
  return { rows: n, seconds: (performance.now() - started) / 1000 };
}

function pipeline(file, db) {
  execFileSync(process.execPath, [cli, 'init', '--db', db]);
  const mapping = path.join(dir, 'mapping.json');
  fs.writeFileSync(mapping, JSON.stringify({ clientNo: '客户号', name: '客户名称', idType: '证件类型', idNo: '证件号码', phone: '手机号', gender: '性别', birthDate: '出生日期', openDate: '开户日期' }));
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'import', '--db', db, '--kind', 'clients', '--mapping', mapping, '--json', file], {
    encoding: 'utf8',
    env: { ...process.env, BW_LOG_LEVEL: 'warn' },
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`pipeline failed: ${r.stderr}`);
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  const batch = JSON.parse(r.stdout).batch;
  return { rows: batch.inserted, seconds, rssMb: rssKb / 1024 };
}

try {
  const file = path.join(dir, 'clients.csv');
  const t0 = performance.now();
  writeClientFile(file, ROWS);
  console.log(`generated ${ROWS} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB GBK in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const base = await baseline(file, path.join(dir, 'baseline.db'));
  const full = pipeline(file, path.join(dir, 'pipeline.db'));
  const baseRate = base.rows / base.seconds;
  const fullRate = full.rows / full.seconds;
  console.log(`baseline (papaparse + bare prepared insert, one transaction): ${base.rows} rows in ${base.seconds.toFixed(2)} s = ${Math.round(baseRate)} rows/s`);
  console.log(`pipeline (branch-workbench import, whole process):            ${full.rows} rows in ${full.seconds.toFixed(2)} s = ${Math.round(fullRate)} rows/s, peak RSS ${full.rssMb.toFixed(0)} MB`);
  console.log(`ratio pipeline/baseline: ${(fullRate / baseRate).toFixed(2)} (target >= 0.50); peak RSS target < 400 MB`);
  if (base.rows !== ROWS || full.rows !== ROWS) throw new Error(`row counts differ: baseline ${base.rows}, pipeline ${full.rows}, expected ${ROWS}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
