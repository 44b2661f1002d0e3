// Benchmark: the dashboard's one call (dashboard.overview, electron/dashboard/overview.ts) on a demo workspace, for
// an administrator (the branch), a supervisor (one sub-branch) and a client manager, cold (first call) and warm
// (median of 5), against a baseline measured in the same run: a bare count of the clients.
// Usage: node tests/bench/dashboard.mjs WORKSPACE.db [PERIOD]
//        (e.g. after `node dist/cli.cjs demo --db /tmp/dash.db`, 200,000 clients)
//
// The overview is TypeScript with no bundle of its own, so a small esbuild bundle of it is built into a temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTs } from './bundle-ts.mjs';
import { time } from './timing.mjs';

const file = process.argv[2];
const period = process.argv[3];
if (file === undefined) {
  process.stderr.write('usage: node tests/bench/dashboard.mjs WORKSPACE.db [PERIOD]\n');
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-dashboard-'));

const median = (label, run) => {
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
     export { systemClock } from './electron/platform/clock.ts';`,
  );
  const store = lib.openStore(file, { create: false, passphrase: process.env.BW_PASSPHRASE });
  const clients = store.db.prepare('SELECT count(*) FROM client').pluck().get();
  const asOf = store.db.prepare('SELECT max(as_of) FROM balance_snapshot').pluck().get();
  console.log(`workspace ${file}: ${clients} clients, data as of ${asOf}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);

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

  for (const [label, session] of [
    ['administrator (branch)', admin],
    [`supervisor (sub-branch #${sub})`, supervisor],
    [`client manager (#${managerId})`, manager],
  ]) {
    const out = time(`dashboard.overview, ${label}`, () => lib.dashboardOverview(ctx(session), input));
    const warm = median(label, () => lib.dashboardOverview(ctx(session), input));
    const withTarget = out.targets?.rows.filter((r) => r.target !== null).length ?? 0;
    console.log(
      `  period ${out.period}: ${withTarget} indicators with a target, ranking from ${out.ranking.source}, 中高端 ${out.midHigh.clients ?? '—'}, unassigned ${out.midHigh.unassigned ?? '—'}, overdue contacts ${out.overdue.contacts.overdue}, stale ${out.staleness.stale}`,
    );
    console.log(`  ratio warm overview / baseline count: ${(warm / baseline).toFixed(0)}`);
  }
  store.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
