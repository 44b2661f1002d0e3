// Benchmark: recomputing the client book (tiers, contribution and loyalty scores, stages, segments) for a generated
// store of N clients, through the CLI (`branch-workbench score`, the same book.recompute job as the app), against a
// baseline measured in the same run on the same file: a bare per-client sum of the snapshots written into a plain
// table. Prints clients/s for both and the ratio. Target from issue 4: 1,000,000 clients in under 60 s.
// Usage: node tests/bench/scoring.mjs [clients] [--keep]   (after `npm run build`)
//
// The store is generated with set-based SQL straight into a migrated workspace (not through the demo or the import
// pipeline, which would take far longer than the thing measured): 12 month-end snapshots, 活期 for every client,
// 定期 for 40 %, 理财 for 15 %, 贷款 for 10 % (≈ 1.65 rows per client and month), one holding for 30 % of clients and
// about 3 transactions per client in the year. Values come from a multiplicative hash of the client id, so every run
// builds the same store.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';

const CLIENTS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const KEEP = process.argv.includes('--keep');
const cli = path.resolve('dist/cli.cjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-scoring-'));
const db = path.join(dir, 'scoring.db');
const MONTH_ENDS = ['2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31'];

const seconds = (t0) => (performance.now() - t0) / 1000;

function generate() {
  execFileSync(process.execPath, [cli, 'init', '--db', db], { env: { ...process.env, BW_LOG_LEVEL: 'warn' } });
  const s = new Database(db);
  // Setup only: the generated file is thrown away, so durability does not matter here.
  s.pragma('journal_mode = WAL');
  s.pragma('synchronous = OFF');
  s.pragma('cache_size = -262144');
  const t0 = performance.now();
  s.exec('BEGIN');
  s.exec(`
    INSERT INTO import_batch (id, kind, file_name, sha256, size_bytes, format, status, created_by, started_at, finished_at)
      VALUES (1, 'balances', 'bench', 'bench', 0, 'csv', 'committed', 'bench', '2026-11-01', '2026-11-01');
    INSERT INTO org_unit (id, code, name, level) VALUES (1, 'B001', '基准网点', 'outlet');
    CREATE TEMP TABLE months (m INTEGER PRIMARY KEY, as_of TEXT NOT NULL);
    CREATE TEMP TABLE products (k INTEGER PRIMARY KEY, product_type TEXT NOT NULL);
    INSERT INTO products VALUES (0, 'deposit_demand'), (1, 'deposit_time'), (2, 'loan'), (3, 'wealth');
  `);
  const month = s.prepare('INSERT INTO temp.months VALUES (?, ?)');
  MONTH_ENDS.forEach((d, m) => month.run(m, d));
  // h: a multiplicative hash of the id; r = h mod 1000 / 1000 drives the size of the client (r^10 × 10,000,000 元).
  s.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO client (id, client_no, name, open_date, org_unit_id)
     SELECT i, printf('%010d', i), '客户' || i, date('2000-01-01', '+' || ((i * 7919) % 9800) || ' days'), 1 FROM n`,
  ).run(CLIENTS);
  s.exec(`
    CREATE TEMP TABLE h AS SELECT id, (id * 2654435761) % 4294967296 AS h FROM client ORDER BY id;
    -- CROSS JOIN fixes the loop order: client, month, product (listed alphabetically) = the primary key's order,
    -- so the table is written by appending.
    INSERT INTO balance_snapshot (client_id, as_of, product_type, balance_fen, avg_balance_fen, batch_id)
    SELECT id, as_of, product_type, v, v * 99 / 100, 1 FROM (
      SELECT h.id, m.as_of, p.product_type,
             100 + CAST(pow((h.h % 1000) / 1000.0, 10) * 1000000000 * (90 + ((h.h >> m.m) % 21)) / 100
                        * (CASE p.k WHEN 0 THEN 0.4 WHEN 1 THEN 0.5 WHEN 2 THEN 0.8 ELSE 0.3 END) AS INTEGER) AS v
      FROM temp.h h CROSS JOIN temp.months m CROSS JOIN temp.products p
      WHERE p.k = 0 OR (p.k = 1 AND h.h % 10 < 4) OR (p.k = 3 AND h.h % 10 IN (4, 5)) OR (p.k = 2 AND (h.h / 7) % 10 = 0));
    INSERT INTO product_holding (account_no, client_id, product_type, amount_fen, open_date, status)
    SELECT 'H' || id, id, CASE id % 3 WHEN 0 THEN 'wealth' WHEN 1 THEN 'fund' ELSE 'credit_card' END, 1000000, '2025-06-01', 'open'
    FROM temp.h WHERE h % 10 < 3;
    INSERT INTO txn (txn_ref, client_id, txn_at, amount_fen)
    SELECT 'T' || h.id || '-' || k.k, h.id, date('2025-11-01', '+' || ((h.h >> k.k) % 365) || ' days') || ' 10:00:00', 10000
    FROM temp.h h JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) k
    WHERE k.k < h.h % 7;
  `);
  s.exec('COMMIT');
  s.pragma('wal_checkpoint(TRUNCATE)');
  const count = (t) => s.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
  const counts = { clients: count('client'), snapshots: count('balance_snapshot'), holdings: count('product_holding'), transactions: count('txn') };
  s.close();
  return { ...counts, seconds: seconds(t0) };
}

/** The bare minimum over the same rows: one per-client sum of the snapshots, written into a plain table. */
function baseline() {
  const s = new Database(db);
  s.pragma('synchronous = FULL');
  const t0 = performance.now();
  s.exec('BEGIN');
  s.exec('CREATE TABLE bench_baseline (client_id INTEGER PRIMARY KEY, total_fen INTEGER NOT NULL)');
  const n = s.prepare('INSERT INTO bench_baseline SELECT client_id, sum(balance_fen) FROM balance_snapshot GROUP BY client_id').run().changes;
  s.exec('COMMIT');
  const t = seconds(t0);
  s.exec('DROP TABLE bench_baseline');
  s.pragma('wal_checkpoint(TRUNCATE)');
  s.close();
  return { clients: n, seconds: t };
}

function scoreViaCli() {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, 'score', '--db', db, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, BW_LOG_LEVEL: 'warn' },
    maxBuffer: 1 << 24,
  });
  const wall = seconds(t0);
  if (r.status !== 0) throw new Error(`score failed: ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  return { report, seconds: wall, rssMb: rssKb / 1024 };
}

try {
  const g = generate();
  console.log(`generated ${g.clients} clients, ${g.snapshots} snapshot rows (${MONTH_ENDS.length} months), ${g.holdings} holdings, ${g.transactions} transactions in ${g.seconds.toFixed(1)} s (${(fs.statSync(db).size / 1e9).toFixed(2)} GB)`);
  const base = baseline();
  const full = scoreViaCli();
  const baseRate = base.clients / base.seconds;
  const fullRate = full.report.clients / full.seconds;
  console.log(`baseline (per-client sum of the snapshots into a plain table, one transaction): ${base.clients} clients in ${base.seconds.toFixed(2)} s = ${Math.round(baseRate)} clients/s`);
  console.log(
    `scoring  (branch-workbench score, whole process):                              ${full.report.clients} clients in ${full.seconds.toFixed(2)} s = ${Math.round(fullRate)} clients/s` +
      ` (recompute ${(full.report.elapsedMs / 1000).toFixed(2)} s, peak RSS ${full.rssMb.toFixed(0)} MB)`,
  );
  console.log(`ratio scoring/baseline: ${(fullRate / baseRate).toFixed(2)}; target: ${CLIENTS >= 1_000_000 ? '1,000,000 clients < 60 s' : '200,000-client demo < 10 s'}`);
  console.log(`tiers ${JSON.stringify(full.report.byTier)}\nstages ${JSON.stringify(full.report.byStage)}`);
  if (full.report.clients !== CLIENTS) throw new Error(`scored ${full.report.clients} clients, expected ${CLIENTS}`);
} finally {
  if (KEEP) console.log(`kept ${db}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
