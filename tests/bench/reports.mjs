// Benchmark: the six standard reports (electron/reports/, docs/reports.md) on a demo workspace, each beside a
// baseline measured in the same run: a bare count(*) over the rows the report reads (the snapshot rows of the
// period's two dates, the clients of the covered outlets, the assignment spans, the contacts of the window). The
// ratio says how much the report costs over merely touching its data. Then the PDF and the .xlsx of one report.
// Cold (first call) and warm (median of 5), as tests/bench/timing.mjs prints them.
// Usage: node tests/bench/reports.mjs WORKSPACE.db [PERIOD]   (e.g. after `node dist/cli.cjs demo --db /tmp/r.db`,
// the 200,000-client demo; PERIOD defaults to 2026-10)
//
// The domain code is TypeScript with no bundle of its own, so a small esbuild bundle of it is built into a temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTs } from './bundle-ts.mjs';

const file = process.argv[2];
const period = process.argv[3] ?? '2026-10';
if (file === undefined) {
  process.stderr.write('usage: node tests/bench/reports.mjs WORKSPACE.db [PERIOD]\n');
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-reports-'));

const m = await bundleTs(
  dir,
  'reports',
  `export { openStore } from './electron/store/store.ts';
   export { buildReport } from './electron/reports/registry.ts';
   export { reportXlsx } from './electron/reports/report-xlsx.ts';
   export { reportHtml } from './electron/print/report-document.ts';
   export { localAdminSession } from './electron/api/types.ts';
   export { periodWindow } from './electron/targets/credit.ts';
   export { periodRange } from './shared/targets/periods.ts';`,
);

/** Cold run, then five warm runs; returns the warm median in ms. */
function measure(run) {
  const t0 = performance.now();
  const value = run();
  const cold = performance.now() - t0;
  const warm = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    run();
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  return { cold, warm: warm[2], value };
}

const store = m.openStore(file, { backupDir: path.join(dir, 'backups') });
try {
  const db = store.db;
  const session = m.localAdminSession();
  const now = new Date('2026-11-22T09:00:00+08:00');
  const asOf = db.prepare('SELECT max(as_of) FROM balance_snapshot').pluck().get();
  const w = m.periodWindow(store, period, asOf);
  const { from, to } = m.periodRange(period);
  const counts = db.prepare('SELECT (SELECT count(*) FROM client) AS clients, (SELECT count(*) FROM manager) AS managers, (SELECT count(*) FROM org_unit) AS units').get();
  console.log(`workspace: ${counts.clients} clients, ${counts.managers} managers, ${counts.units} org units; period ${period} (${w.baseline} → ${w.snapshot})`);

  const count = (sql, ...params) => () => db.prepare(sql).pluck().get(...params);
  const snapshotRows = count('SELECT count(*) FROM balance_snapshot WHERE as_of IN (?, ?)', w.baseline, w.snapshot);
  const baselines = {
    managerRanking: ['balance_snapshot rows of both dates', snapshotRows],
    outletRanking: ['balance_snapshot rows of both dates', snapshotRows],
    targetCompletion: ['balance_snapshot rows of both dates', snapshotRows],
    clientMovement: [
      'clients joined to both dates of balance_change',
      count(
        'SELECT count(*) FROM client c LEFT JOIN balance_change b ON b.client_id = c.id AND b.as_of = ? LEFT JOIN balance_change e ON e.client_id = c.id AND e.as_of = ?',
        w.baseline,
        w.snapshot,
      ),
    ],
    assignmentChanges: [
      'primary spans starting or ending in the period',
      count("SELECT count(*) FROM assignment WHERE role = 'primary' AND (valid_from BETWEEN ? AND ? OR valid_to BETWEEN ? AND ?)", from, to, from, to),
    ],
    contactCoverage: [
      'scored clients joined to their primary span on the last day',
      count("SELECT count(*) FROM client_score s JOIN assignment a ON a.client_id = s.client_id AND a.role = 'primary' AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to > ?)", to, to),
    ],
  };

  const lines = [];
  for (const [id, [label, baseline]] of Object.entries(baselines)) {
    const report = measure(() => m.buildReport(store, session, id, { period }, now));
    const base = measure(baseline);
    const ratio = report.warm / Math.max(base.warm, 0.001);
    lines.push(
      `${id.padEnd(18)} ${String(report.value.rows.length).padStart(5)} rows: cold ${report.cold.toFixed(0)} ms, warm ${report.warm.toFixed(0)} ms | baseline ${label} (${base.value}): warm ${base.warm.toFixed(1)} ms | ratio ${ratio.toFixed(1)}×`,
    );
  }
  console.log(lines.join('\n'));

  // Output formats of the largest table: building the print HTML and the workbook (the PDF itself is Chromium's).
  const movement = m.buildReport(store, session, 'clientMovement', { period }, now);
  const html = measure(() => m.reportHtml(movement, { bankName: 'bench' }));
  const xlsx = measure(() => m.reportXlsx(movement, now));
  console.log(
    `clientMovement outputs (${movement.rows.length} rows + ${movement.detail?.rows.length ?? 0} detail rows): print HTML warm ${html.warm.toFixed(1)} ms (${(html.value.length / 1024).toFixed(0)} KiB), .xlsx warm ${xlsx.warm.toFixed(1)} ms (${(xlsx.value.base64.length * 0.75 / 1024).toFixed(0)} KiB)`,
  );
} finally {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
