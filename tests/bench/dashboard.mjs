// Benchmark: the dashboard's one call (dashboard.overview, electron/dashboard/overview.ts) on a demo workspace, for
// an administrator (the branch), a supervisor (one sub-branch) and a client manager, cold (first call) and warm
// (median of 5), against a baseline measured in the same run: a bare count of the clients.
// Usage: node tests/bench/dashboard.mjs WORKSPACE.db [PERIOD] [--decompose]
//        (e.g. after `node dist/cli.cjs demo --db /tmp/dash.db`, 200,000 clients)
// --decompose first decomposes every indicator of the branch to its outlets and managers (equal shares) and
// publishes it, so managers have targets and their own figures must be credited: it WRITES to the workspace, use
// a copy.
//
// The overview is TypeScript with no bundle of its own, so a small esbuild bundle of it is built into a temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTs } from './bundle-ts.mjs';
import { time } from './timing.mjs';

const args = process.argv.slice(2).filter((a) => a !== '--decompose');
const decompose = process.argv.includes('--decompose');
const file = args[0];
const period = args[1];
if (file === undefined) {
  process.stderr.write('usage: node tests/bench/dashboard.mjs WORKSPACE.db [PERIOD]\n');
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-dashboard-'));

const median = (_label, run) => {
  const warm = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    run();
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  return warm[2];
};

try {
  const lib = await bundleTs(
    dir,
    'dashboard',
    `export { openStore } from './electron/store/store.ts';
     export { dashboardOverview } from './electron/dashboard/overview.ts';
     export { systemClock } from './electron/platform/clock.ts';
     export { targetProgress } from './electron/targets/progress.ts';
     export { listIndicators } from './electron/targets/context.ts';
     export { resolveParams } from './electron/targets/decompose.ts';
     export { saveDraft, publishPlan } from './electron/targets/plan-store.ts';
     export { decompositionParamsSchema } from './shared/targets/decomposition.ts';`,
  );
  const store = lib.openStore(file, { create: false, passphrase: process.env.BW_PASSPHRASE });
  const clients = store.db.prepare('SELECT count(*) FROM client').pluck().get();
  const asOf = store.db.prepare('SELECT max(as_of) FROM balance_snapshot').pluck().get();
  console.log(`workspace ${file}: ${clients} clients, data as of ${asOf}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);

  if (decompose) {
    const top = store.db.prepare("SELECT id FROM org_unit WHERE level = 'tier2' ORDER BY code LIMIT 1").pluck().get();
    const year = Number((period ?? asOf).slice(0, 4));
    for (const i of lib.listIndicators(store)) {
      const p = lib.resolveParams(store, lib.decompositionParamsSchema.parse({ year, indicatorId: i.id, orgUnitId: top }), { orgUnitId: top, day: asOf });
      const planId = lib.saveDraft(store, p, [], { userName: 'bench', now: new Date().toISOString() });
      lib.publishPlan(store, planId, new Date().toISOString());
    }
    console.log(`decomposed and published every indicator of unit #${top} for ${year}`);
  }

  const baselineCold = performance.now();
  store.db.prepare('SELECT count(*) FROM client').pluck().get();
  const baseline = median('baseline', () => store.db.prepare('SELECT count(*) FROM client').pluck().get());
  console.log(`baseline (SELECT count(*) FROM client): cold ${(performance.now() - baselineCold).toFixed(1)} ms, warm median ${baseline.toFixed(2)} ms`);

  const ctx = (session) => ({ store, session, clock: lib.systemClock });
  const base = { userName: 'bench', locale: 'zh-CN', authenticated: true };
  const admin = { ...base, role: 'admin', orgUnitIds: null, managerId: null };
  const sub = store.db.prepare("SELECT id FROM org_unit WHERE level = 'sub' ORDER BY code LIMIT 1").pluck().get();
  const supervisor = { ...base, role: 'supervisor', orgUnitIds: sub === undefined ? null : [sub], managerId: null };
  const managerId = store.db
    .prepare("SELECT manager_id FROM assignment WHERE role = 'primary' AND valid_to IS NULL GROUP BY manager_id ORDER BY count(*) DESC LIMIT 1")
    .pluck()
    .get();
  const manager = { ...base, role: 'manager', orgUnitIds: null, managerId: managerId ?? null };
  const input = period === undefined ? {} : { period };

  // The overview keeps data-only sections while nothing is written (electron/dashboard/memo.ts). A row written to
  // a TEMP table counts as a change of this connection without touching the workspace file: it makes the next call
  // compute everything again, as after an import.
  store.db.exec('CREATE TEMP TABLE bench_nudge (n INTEGER)');
  const nudge = () => store.db.prepare('INSERT INTO temp.bench_nudge VALUES (1)').run();
  for (const [label, session] of [
    ['administrator (branch)', admin],
    [`supervisor (sub-branch #${sub})`, supervisor],
    [`client manager (#${managerId})`, manager],
  ]) {
    nudge();
    const out = time(`dashboard.overview, ${label}, unchanged data after the first call`, () => lib.dashboardOverview(ctx(session), input));
    const cold = median(label, () => {
      nudge();
      lib.dashboardOverview(ctx(session), input);
    });
    const warm = median(label, () => lib.dashboardOverview(ctx(session), input));
    const withTarget = out.targets?.rows.filter((r) => r.target !== null).length ?? 0;
    console.log(
      `  period ${out.period}: ${withTarget} indicators with a target, ranking from ${out.ranking.source}, 中高端 ${out.midHigh.clients ?? '—'}, unassigned ${out.midHigh.unassigned ?? '—'}, overdue contacts ${out.overdue.contacts.overdue}, stale ${out.staleness.stale}`,
    );
    console.log(`  after a write, median of 5: ${cold.toFixed(0)} ms (ratio to the baseline count ${(cold / baseline).toFixed(0)}); data unchanged: ${warm.toFixed(0)} ms (ratio ${(warm / baseline).toFixed(0)})`);
  }
  // A second baseline: what the dashboard replaces — targets.progress of every indicator for the branch, as the
  // targets page computes it (every outlet and manager credited), once.
  const root = store.db.prepare("SELECT id FROM org_unit WHERE level = 'tier2' ORDER BY code LIMIT 1").pluck().get();
  if (root !== undefined && asOf !== null) {
    const year = Number((period ?? asOf).slice(0, 4));
    const t0 = performance.now();
    for (const i of lib.listIndicators(store)) lib.targetProgress(store, { year, indicatorId: i.id, period: period ?? String(year), orgUnitId: root, asOf });
    const all = performance.now() - t0;
    nudge();
    const t1 = performance.now();
    lib.dashboardOverview(ctx(admin), input);
    const dash = performance.now() - t1;
    console.log(`targets.progress of all ${lib.listIndicators(store).length} indicators for the branch: ${all.toFixed(0)} ms; the whole overview right after: ${dash.toFixed(0)} ms (ratio ${(dash / all).toFixed(2)})`);
  }
  store.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
