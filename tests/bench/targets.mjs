// Benchmark: target decomposition and progress (任务指标, electron/targets/) on a demo workspace: the preview by
// each method, and progress for the year and a quarter (units by org-actuals, managers credited by days held),
// cold (first call) and warm (median of 5).
// Usage: node tests/bench/targets.mjs WORKSPACE.db   (e.g. after `node dist/cli.cjs demo --db /tmp/t.db`)
//
// The domain code is TypeScript with no bundle of its own, so a small esbuild bundle of it is built into a temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTs } from './bundle-ts.mjs';
import { time } from './timing.mjs';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: node tests/bench/targets.mjs WORKSPACE.db\n');
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-targets-'));

async function bundle() {
  return bundleTs(dir, 'targets', `export { openStore } from './electron/store/store.ts';
        export { previewDecomposition, resolveParams } from './electron/targets/decompose.ts';
        export { targetProgress } from './electron/targets/progress.ts';
        export { decompositionParamsSchema } from './shared/targets/decomposition.ts';`);
}


const m = await bundle();
const store = m.openStore(file, { create: false });
try {
  const db = store.db;
  const clients = db.prepare('SELECT count(*) FROM client').pluck().get();
  const managers = db.prepare('SELECT count(*) FROM manager').pluck().get();
  const asOf = db.prepare('SELECT max(as_of) FROM balance_snapshot').pluck().get();
  const root = db.prepare("SELECT id FROM org_unit WHERE level = 'tier2' LIMIT 1").pluck().get();
  const indicator = (code) => db.prepare('SELECT id FROM indicator WHERE code = ?').pluck().get(code);
  console.log(`workspace: ${clients} clients, ${managers} managers, data as of ${asOf}`);
  // What any actual over balances must at least do: read one snapshot date's per-client sums.
  const baseline = db.prepare(
    "SELECT client_id, sum(balance_fen) FROM balance_snapshot WHERE as_of = ? AND product_type IN ('deposit_demand', 'deposit_time') GROUP BY client_id",
  );
  time('baseline: one snapshot date summed per client', () => baseline.all(asOf));
  for (const [outletMethod, managerMethod] of [['equal', 'equal'], ['aum', 'aum'], ['weights', 'weights'], ['prior', 'prior']]) {
    const input = m.decompositionParamsSchema.parse({ year: 2026, indicatorId: indicator('DEP_NET'), outletMethod, managerMethod, profile: { kind: 'kaimenhong' } });
    const p = m.resolveParams(store, input, { orgUnitId: root, day: asOf });
    const d = time(`preview 存款净增 ${outletMethod}/${managerMethod}`, () => m.previewDecomposition(store, p, []));
    if (outletMethod === 'equal') console.log(`  grid: ${d.rows.length} rows × ${d.periods.length} periods`);
  }
  for (const [code, period] of [['DEP_NET', '2026'], ['DEP_NET', '2026Q3'], ['WEALTH_SALES', '2026'], ['VIP_NEW', '2026']]) {
    time(`progress ${code} ${period}`, () => m.targetProgress(store, { year: 2026, indicatorId: indicator(code), period, orgUnitId: root, asOf }));
  }
} finally {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
