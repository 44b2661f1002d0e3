// Benchmark: the rule-based assignment preview (管户分配预览) on the demo book: loadBook (electron/assignment/load-book.ts)
// then planAssignment (electron/assignment/rules-engine.ts) with the rules "all clients of the branch, same outlet
// only, 白金 and above only to 专职, tolerance 10 %", against a baseline measured in the same run on the same file: a
// bare SELECT of the same client rows into arrays. Prints the times, the ratio, the moves and whether every hard
// constraint holds (checked here independently of the engine). Target from issue 6: preview < 3 s for 200,000 × 40.
// Usage: node tests/bench/assign.mjs [workspace.db] [--keep]   (after `npm run build -- --no-renderer`; without a
// file the default demo is built first with `node dist/cli.cjs demo`, about 2 minutes)
//
// The engine is TypeScript with no bundle of its own, so a small esbuild bundle of it is built into a temp folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTs } from './bundle-ts.mjs';

const given = process.argv.slice(2).find((a) => !a.startsWith('--'));
const KEEP = process.argv.includes('--keep');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-assign-'));
const seconds = (t0) => (performance.now() - t0) / 1000;

async function bundle() {
  return bundleTs(dir, 'assign', `export { openStore } from './electron/store/store.ts';
        export { loadBook } from './electron/assignment/load-book.ts';
        export { planAssignment } from './electron/assignment/rules-engine.ts';
        export { parseAssignmentRules } from './shared/assignment/rules.ts';`);
}

/** Independent check of the hard constraints and, when the plan says feasible, of the tolerance. */
function check(book, rules, plan) {
  const problems = [];
  const managers = new Map(book.managers.map((m) => [m.id, m]));
  const holder = new Map(book.clients.map((c) => [c.id, c.primaryManagerId]));
  const clients = new Map(book.clients.map((c) => [c.id, c]));
  const ranks = ['standard', 'gold', 'platinum', 'diamond', 'private'];
  const ftRank = ranks.indexOf(rules.eligible.vipFullTimeMinTier);
  const seen = new Set();
  for (const mv of plan.moves) {
    if (seen.has(mv.clientId)) problems.push(`client ${mv.clientId} moved twice`);
    seen.add(mv.clientId);
    holder.set(mv.clientId, mv.toManagerId);
    const m = managers.get(mv.toManagerId);
    const c = clients.get(mv.clientId);
    if (m === undefined || !rules.eligible.statuses.includes(m.status)) problems.push(`client ${mv.clientId} to ineligible manager ${mv.toManagerId}`);
    else if (rules.eligible.sameOutletOnly && m.orgUnitId !== c.orgUnitId) problems.push(`client ${mv.clientId} outside its outlet`);
    else if (rules.eligible.vipFullTimeOnly && ranks.indexOf(c.tier) >= ftRank && m.type !== 'full_time') problems.push(`VIP client ${mv.clientId} to part-time ${m.id}`);
  }
  const load = new Map();
  for (const c of book.clients) {
    const h = holder.get(c.id);
    if (h === null) continue;
    const l = load.get(h) ?? { n: 0, vip: 0, aum: 0 };
    l.n++;
    l.aum += c.aumFen;
    if (ranks.indexOf(c.tier) >= 1) l.vip++;
    load.set(h, l);
  }
  // A receiver ends within the cap of every dimension it received in (a manager already over its VIP cap may
  // still take ordinary clients; the preview flags the VIP overload).
  for (const mv of plan.moves) {
    const m = managers.get(mv.toManagerId);
    const l = load.get(mv.toManagerId);
    if (l.n > m.maxClients) problems.push(`manager ${m.id} over capacity after receiving clients`);
    if (ranks.indexOf(clients.get(mv.clientId).tier) >= 1 && l.vip > m.maxVipClients) problems.push(`manager ${m.id} over VIP capacity after receiving VIPs`);
  }
  if (plan.managers.some((m) => m.overCapacity) && plan.feasible) problems.push('feasible with a manager over capacity');
  for (const mp of plan.managers) {
    const l = load.get(mp.managerId) ?? { n: 0, vip: 0, aum: 0 };
    if (l.n !== mp.clientsAfter || l.aum !== mp.aumFenAfter || l.vip !== mp.vipAfter) problems.push(`manager ${mp.managerId}: preview figures differ from the moves`);
  }
  if (plan.feasible) {
    const pools = new Map(plan.pools.map((p) => [p.poolId, p]));
    for (const mp of plan.managers.filter((x) => x.eligible)) {
      const p = pools.get(mp.poolId);
      if (mp.clientsAfter < p.clientsMin || mp.clientsAfter > p.clientsMax || mp.aumFenAfter < p.aumFenMin || mp.aumFenAfter > p.aumFenMax) {
        problems.push(`feasible, but manager ${mp.managerId} is outside the band`);
      }
    }
  }
  return problems;
}

try {
  let db = given;
  if (db === undefined) {
    db = path.join(dir, 'demo.db');
    const t0 = performance.now();
    execFileSync(process.execPath, [path.resolve('dist/cli.cjs'), 'demo', '--db', db, '--json'], { env: { ...process.env, BW_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`built the default demo in ${seconds(t0).toFixed(1)} s`);
  }
  const lib = await bundle();
  const store = lib.openStore(db, { create: false, passphrase: process.env.BW_PASSPHRASE });
  try {
    const asOf = store.db.prepare('SELECT coalesce(max(as_of), date()) FROM client_score').pluck().get();
    const rules = lib.parseAssignmentRules({ asOf, eligible: { sameOutletOnly: true, vipFullTimeOnly: true }, objective: { tolerancePct: 10 } });

    let t0 = performance.now();
    const raw = store.db.prepare('SELECT c.id, c.org_unit_id, s.tier, s.aum_fen FROM client c LEFT JOIN client_score s ON s.client_id = c.id ORDER BY c.id').raw().all();
    const ids = new Int32Array(raw.length);
    const aum = new Float64Array(raw.length);
    raw.forEach((r, i) => {
      ids[i] = r[0];
      aum[i] = r[3] ?? 0;
    });
    const baseline = seconds(t0);

    t0 = performance.now();
    const book = lib.loadBook(store, asOf);
    const load = seconds(t0);
    t0 = performance.now();
    const plan = lib.planAssignment(book, rules);
    const compute = seconds(t0);
    const total = load + compute;
    // Same input again: the plan must not change (deterministic), and a warm run shows the steady-state cost.
    t0 = performance.now();
    const again = lib.planAssignment(book, rules);
    const warm = seconds(t0);
    const problems = check(book, rules, plan);
    if (JSON.stringify(again) !== JSON.stringify(plan)) problems.push('a second run gave a different plan');

    console.log(`book: ${book.clients.length} clients, ${book.managers.length} managers in force on ${asOf}; ${plan.selected} selected, ${plan.pools.length} pools`);
    console.log(`baseline (bare SELECT of the client rows into arrays): ${baseline.toFixed(3)} s`);
    console.log(`preview  loadBook ${load.toFixed(3)} s + planAssignment ${compute.toFixed(3)} s (warm ${warm.toFixed(3)} s) = ${total.toFixed(3)} s`);
    console.log(`ratio preview/baseline: ${(total / baseline).toFixed(1)}; target: < 3 s for 200,000 clients × 40 managers → ${total < 3 ? 'met' : 'MISSED'}`);
    console.log(`moves ${plan.moves.length} (${plan.moves.filter((m) => m.fromManagerId === null).length} from unassigned), unplaced ${plan.unplaced.length}, feasible ${plan.feasible}${plan.reason ? ` (${plan.reason.en})` : ''}`);
    for (const w of plan.warnings.slice(0, 10)) console.log(`  warning ${w.kind}: ${w.message.zh} / ${w.message.en}`);
    const within = plan.managers.filter((m) => m.eligible && m.withinTolerance).length;
    console.log(`eligible managers within ±10 %: ${within}/${plan.managers.filter((m) => m.eligible).length}`);
    console.log(`hard constraints: ${problems.length === 0 ? 'all hold' : `${problems.length} problems: ${problems.slice(0, 5).join('; ')}`}`);
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    store.close();
  }
} finally {
  if (KEEP) console.log(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
