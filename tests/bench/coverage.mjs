// Benchmark: the coverage report (管户覆盖, electron/assignment/coverage.ts) on a demo workspace, branch-wide and for
// one sub-branch, cold (first call) and warm (median of 5), plus the rule-engine preview's policy warnings.
// Usage: node tests/bench/coverage.mjs WORKSPACE.db   (e.g. after `node dist/cli.cjs demo --db /tmp/cov.db`)
//
// The report is TypeScript with no bundle of its own, so a small esbuild bundle of it is built into a temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTs } from './bundle-ts.mjs';
import { time } from './timing.mjs';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: node tests/bench/coverage.mjs WORKSPACE.db\n');
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-coverage-'));

async function bundle() {
  return bundleTs(dir, 'coverage', `export { openStore } from './electron/store/store.ts';
        export { coverageReport } from './electron/assignment/coverage.ts';
        export { unitAndDescendants } from './electron/org/queries.ts';
        export { loadBook } from './electron/assignment/load-book.ts';
        export { buildPlanState } from './electron/assignment/plan-state.ts';
        export { planPolicyWarnings } from './electron/assignment/policy-preview.ts';
        export { parseAssignmentRules } from './shared/assignment/rules.ts';`);
}


try {
  const lib = await bundle();
  const store = lib.openStore(file, { create: false, passphrase: process.env.BW_PASSPHRASE });
  const asOf = store.db.prepare('SELECT max(as_of) FROM balance_snapshot').pluck().get();
  const clients = store.db.prepare('SELECT count(*) FROM client').pluck().get();
  console.log(`workspace ${file}: ${clients} clients, as of ${asOf}`);
  const all = time('branch-wide', () => lib.coverageReport(store, { asOf, orgUnitIds: null }));
  const t = all.totals;
  console.log(`  ${t.outlets} outlets, ${t.vipClients} VIP, ${(t.vipFullTimeBp / 100).toFixed(1)}% with 专职, ${t.vipUnassigned} unassigned, ${t.managersOverCapacity} over capacity, ${t.findings} findings`);
  const sub = store.db.prepare("SELECT id FROM org_unit WHERE level = 'sub' ORDER BY code LIMIT 1").pluck().get();
  if (sub !== undefined) time(`one sub-branch (#${sub})`, () => lib.coverageReport(store, { asOf, orgUnitIds: lib.unitAndDescendants(store, sub) }));
  // What the policy adds to a rules preview: one pass over the plan state (the plan itself is tests/bench/assign.mjs).
  const book = lib.loadBook(store, asOf);
  const st = lib.buildPlanState(book, lib.parseAssignmentRules({ asOf }));
  const warnings = time('preview policy warnings (all clients selected)', () => lib.planPolicyWarnings(book, st, { minVipForFullTime: 240, minCoveragePct: 95 }));
  console.log(`  ${warnings.length} warnings with a 95 % minimum share`);
  store.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
