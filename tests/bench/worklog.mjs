// Benchmark: the work log and contact plans (electron/worklog/) on a demo workspace — plan counts, due lists for one
// manager, one outlet and the whole bank, 联系计划覆盖率 for a month, a quarter and a year, and the first page of the
// log for an administrator, a supervisor and a manager. Cold (first call) and warm (median of 5).
// Usage: node tests/bench/worklog.mjs WORKSPACE.db   (e.g. after `node dist/cli.cjs demo --db /tmp/wl.db`)
//
// The domain code is TypeScript with no bundle of its own, so a small esbuild bundle of it is built into a temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTs } from './bundle-ts.mjs';
import { time } from './timing.mjs';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: node tests/bench/worklog.mjs WORKSPACE.db\n');
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-worklog-'));

async function bundle() {
  return bundleTs(dir, 'worklog', `export { openStore } from './electron/store/store.ts';
        export { listPlans } from './electron/worklog/plans.ts';
        export { dueReport } from './electron/worklog/due.ts';
        export { contactPlanCoverage } from './electron/worklog/coverage.ts';
        export { listContacts } from './electron/worklog/contact-list.ts';
        export { managersInUnitsOn } from './electron/worklog/reach.ts';`);
}


const m = await bundle();
const store = m.openStore(file, { backupDir: path.join(dir, 'backups') });
try {
  const db = store.db;
  const asOf = '2026-11-23';
  const counts = db.prepare('SELECT (SELECT count(*) FROM client) AS clients, (SELECT count(*) FROM contact) AS contacts, (SELECT count(*) FROM manager) AS managers').get();
  console.log(`workspace: ${counts.clients} clients, ${counts.managers} managers, ${counts.contacts} contacts`);
  const busiest = db.prepare("SELECT manager_id FROM assignment WHERE role = 'primary' AND valid_to IS NULL GROUP BY manager_id ORDER BY count(*) DESC LIMIT 1").pluck().get();
  const outlet = db.prepare("SELECT org_unit_id FROM manager_period WHERE manager_id = ? AND valid_to IS NULL").pluck().get(busiest);
  const team = m.managersInUnitsOn(store, new Set([outlet]), asOf);
  const plans = time('contactPlans.list (clients per plan)', () => m.listPlans(store));
  console.log(`  plans govern ${plans.plans.reduce((s, p) => s + p.clients, 0)} clients`);
  const mine = time('due list, busiest manager', () => m.dueReport(store, { asOf, withinDays: 7, limit: 300, managers: [busiest] }));
  console.log(`  ${JSON.stringify(mine.totals)}`);
  time(`due list, one outlet (${team.length} managers)`, () => m.dueReport(store, { asOf, withinDays: 7, limit: 300, managers: team }));
  const all = time('due list, whole bank', () => m.dueReport(store, { asOf, withinDays: 7, limit: 300, managers: null }));
  console.log(`  ${JSON.stringify(all.totals)}`);
  for (const [label, from, to] of [
    ['month', '2026-10-01', '2026-10-31'],
    ['quarter', '2026-07-01', '2026-09-30'],
    ['year', '2025-11-01', '2026-10-31'],
  ]) {
    const c = time(`coverage, whole bank, ${label}`, () => m.contactPlanCoverage(store, { from, to }));
    console.log(`  ${JSON.stringify(c.totals)}`);
  }
  time('coverage, busiest manager, quarter', () => m.contactPlanCoverage(store, { from: '2026-07-01', to: '2026-09-30', managerIds: [busiest] }));
  time('contacts.list first page, administrator', () => m.listContacts(store, { kind: 'all' }, { limit: 100 }, asOf));
  time('contacts.list first page, outlet supervisor', () => m.listContacts(store, { kind: 'units', units: new Set([outlet]) }, { limit: 100 }, asOf));
  time('contacts.list first page, manager', () => m.listContacts(store, { kind: 'manager', managerId: busiest }, { limit: 100 }, asOf));
  time('contacts.list follow-ups due, administrator', () => m.listContacts(store, { kind: 'all' }, { limit: 100, followUpDue: true }, asOf));
} finally {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
