// Benchmark: drawing up maturity task lists (到期客户任务生成, electron/tasks/generators/) on the demo book: clients whose
// time deposits or wealth products mature in the next 30 days, split per primary manager, stored as one task per
// manager with its clients. Compared with a baseline measured in the same run on the same file: a bare SQL count of the
// same maturing holdings. Prints the times, the ratio, and whether the lists hold exactly the clients the count finds.
// Target from issue 7: generation < 2 s for 200,000 clients.
// Usage: node tests/bench/tasks.mjs [workspace.db] [--from YYYY-MM-DD] [--keep]   (after `npm run build -- --no-renderer`;
// without a file the default demo is built first with `node dist/cli.cjs demo`, about 2 minutes). The file given is
// copied first: a run stores tasks, and a second run on the same file would (rightly) skip every client.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTs } from './bundle-ts.mjs';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const given = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--from');
const FROM = flag('--from') ?? '2026-11-01'; // the day after the demo's data date, so the figure does not drift with the calendar
const KEEP = args.includes('--keep');
const DAYS = 30;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-tasks-'));
const seconds = (t0) => (performance.now() - t0) / 1000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function bundle() {
  return bundleTs(dir, 'tasks', `export { openStore } from './electron/store/store.ts';
        export { generateTasks } from './electron/tasks/generate.ts';
        export { localAdminSession } from './electron/api/types.ts';
        export { taskGenerateInput } from './shared/tasks/inputs.ts';`);
}

function copyWorkspace(from) {
  const to = path.join(dir, 'workspace.db');
  for (const suffix of ['', '-wal']) if (fs.existsSync(from + suffix)) fs.copyFileSync(from + suffix, to + suffix);
  return to;
}

try {
  let db;
  if (given === undefined) {
    db = path.join(dir, 'workspace.db');
    const t0 = performance.now();
    execFileSync(process.execPath, [path.resolve('dist/cli.cjs'), 'demo', '--db', db, '--json'], { env: { ...process.env, BW_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`built the default demo in ${seconds(t0).toFixed(1)} s`);
  } else {
    db = copyWorkspace(given);
  }
  const lib = await bundle();
  const store = lib.openStore(db, { create: false, passphrase: process.env.BW_PASSPHRASE, backupDir: path.join(dir, 'backups') });
  try {
    const session = lib.localAdminSession('zh-CN');
    const now = new Date();
    const at = { now: now.toISOString(), today: FROM };
    const input = (preview) => lib.taskGenerateInput.parse({ generator: 'maturity', asOf: FROM, days: DAYS, preview });
    const until = new Date(Date.parse(`${FROM}T00:00:00Z`) + DAYS * 86_400_000).toISOString().slice(0, 10);
    const count = store.db.prepare(
      "SELECT count(*) AS holdings, count(DISTINCT client_id) AS clients FROM product_holding WHERE status = 'open' AND product_type IN ('deposit_time', 'wealth') AND maturity_date >= ? AND maturity_date < ?",
    );
    const clients = store.db.prepare('SELECT count(*) FROM client').pluck().get();

    // Warm the page cache for both sides as a user's first look at the data would, then measure each several times.
    count.get(FROM, until);
    lib.generateTasks(store, session, input(true), at);
    const baselines = [];
    let expected;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      expected = count.get(FROM, until);
      baselines.push(seconds(t0));
    }
    const previews = [];
    let preview;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      preview = lib.generateTasks(store, session, input(true), at);
      previews.push(seconds(t0));
    }
    let t0 = performance.now();
    const made = lib.generateTasks(store, session, input(false), at);
    const generate = seconds(t0);
    t0 = performance.now();
    const rerun = lib.generateTasks(store, session, input(false), at);
    const again = seconds(t0);

    const stored = store.db
      .prepare('SELECT count(*) AS items, count(DISTINCT x.task_id) AS tasks FROM task_client x JOIN task t ON t.id = x.task_id WHERE t.generation_id = ?')
      .get(made.generationId);
    const problems = [];
    if (made.clients !== expected.clients) problems.push(`lists hold ${made.clients} clients, the count finds ${expected.clients}`);
    if (stored.items !== made.clients || stored.tasks !== made.groups.length) problems.push(`stored ${stored.items} items in ${stored.tasks} tasks, reported ${made.clients} in ${made.groups.length}`);
    if (preview.clients !== made.clients) problems.push('the preview counted differently');
    if (rerun.clients !== 0 || rerun.skipped !== made.clients) problems.push(`the re-run added ${rerun.clients} and skipped ${rerun.skipped}`);

    const base = median(baselines);
    console.log(`workspace: ${clients} clients; window ${FROM} … ${until} (exclusive): ${expected.holdings} maturing holdings of ${expected.clients} clients`);
    console.log(`baseline (bare SQL count of the same maturing holdings): median ${(base * 1000).toFixed(1)} ms`);
    console.log(`preview (counts per manager, nothing stored): median ${(median(previews) * 1000).toFixed(1)} ms`);
    console.log(`generate: ${(generate * 1000).toFixed(1)} ms → ${made.groups.length} tasks (${made.groups.filter((g) => g.managerId === null).length} outlet lists with no manager), ${made.clients} clients`);
    console.log(`re-run (idempotent, every client skipped): ${(again * 1000).toFixed(1)} ms`);
    console.log(`ratio generate/baseline: ${(generate / base).toFixed(1)}; target: generation < 2 s for 200,000 clients → ${generate < 2 ? 'met' : 'MISSED'}`);
    console.log(`checks: ${problems.length === 0 ? 'the lists hold exactly the counted clients; preview and re-run agree' : problems.join('; ')}`);
    if (problems.length > 0 || generate >= 2) process.exitCode = 1;
  } finally {
    store.close();
  }
} finally {
  if (KEEP) console.log(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
