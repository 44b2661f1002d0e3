// Benchmark: evaluating a month (electron/evaluation/run.ts computeRun) for 200 managers × a 20-item scheme over
// 1,000,000 clients, then printing 50 evaluation sheets (考核表) to PDF with the product's printer
// (createChromiumPrinter, warm page), beside a bare Chromium print of the same HTML measured in the same run (a fresh
// page per sheet, the same in-memory origin and fonts, page.pdf). Prints the times and the ratios.
// Targets from issue 8: compute < 5 s; 50 sheets < 20 s.
// Usage: node tests/bench/evaluate.mjs [clients] [workspace.db] [--keep]   (after `npm run build -- --no-renderer`; a
// workspace.db made by an earlier --keep run is used as it is, skipping the generation)
//
// The store is written with set-based SQL straight into a migrated workspace inside one transaction: a bank, a
// branch, 20 outlets of 10 managers; clients spread over the managers (2 % moved mid-month to another manager,
// 2 % shared 70/30 with a secondary), 活期 for every client and 定期 for 40 % at 2026-09-30 and 2026-10-31 (1 % are
// new clients opened in October, without the September rows), the balance changes of both dates, and about 10 %
// of clients with a holding opened in October (理财, 基金, 保险, 信用卡, 贷款: the event indicators). Values come
// from a multiplicative hash of the client id, so every run builds the same store. The scheme repeats the nine
// built-in indicators with different methods (ratio, bands, difference) to reach 20 items of 5 points; the targets
// are the branch totals shared equally, so completions spread around 100 %.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const CLIENTS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const GIVEN = process.argv.slice(2).find((a) => a.endsWith('.db'));
const KEEP = process.argv.includes('--keep');
const MANAGERS = 200;
const OUTLETS = 20;
const SHEETS = 50;
const root = path.resolve('.');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-bench-evaluate-'));
const db = GIVEN === undefined ? path.join(dir, 'evaluate.db') : path.resolve(GIVEN);
const seconds = (t0) => (performance.now() - t0) / 1000;

async function bundle() {
  const outfile = path.join(dir, 'evaluate.cjs');
  // Native driver and playwright-core stay outside the bundle, loaded from this checkout's node_modules.
  // playwright-core by its ESM entry: the product loads it with import(), which needs the named exports.
  const externals = { 'better-sqlite3-multiple-ciphers': require.resolve('better-sqlite3-multiple-ciphers'), 'playwright-core': fileURLToPath(import.meta.resolve('playwright-core')) };
  await build({
    stdin: {
      contents: `export { openStore } from './electron/store/store.ts';
        export { computeRun } from './electron/evaluation/run.ts';
        export { saveScheme } from './electron/evaluation/schemes.ts';
        export { runDetail } from './electron/evaluation/access.ts';
        export { evaluationSheets } from './electron/evaluation/sheet-data.ts';
        export { evaluationSheetsDocument } from './electron/print/evaluation-sheet.ts';
        export { createChromiumPrinter, chromiumExecutable } from './electron/print/chromium-printer.ts';
        export { answerPrintRequest, PRINT_PAGE_URL } from './electron/print/print-route.ts';
        export { loadPrintFonts } from './electron/print/fonts.ts';
        export { localAdminSession } from './electron/api/types.ts';
        export { schemeSchema } from './shared/evaluation/scheme.ts';
        export { creditedActuals, periodWindow } from './electron/targets/credit.ts';
        export { sourceOf } from './electron/targets/org-actuals.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    plugins: [
      {
        name: 'externals',
        setup: (b) => b.onResolve({ filter: /^(better-sqlite3-multiple-ciphers|playwright-core)$/ }, (args) => ({ path: externals[args.path], external: true })),
      },
    ],
  });
  return require(outfile);
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟';
const GIVEN_NAMES = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建国文辉力永健世广志义兴良海山仁波宁贵福生龙元全胜学祥才';

function generate() {
  execFileSync(process.execPath, [path.resolve('dist/cli.cjs'), 'init', '--db', db], { env: { ...process.env, BW_LOG_LEVEL: 'warn' } });
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
    INSERT INTO org_unit (id, code, name, level, parent_id, head_name) VALUES (1, 'H', '基准银行', 'head', NULL, NULL), (2, 'B', '基准分行', 'tier2', 1, '钱行长');
    INSERT INTO assignment_change (id, kind, reason, created_by, created_at) VALUES (1, 'import', 'bench', 'bench', '2025-01-01');
  `);
  const unit = s.prepare("INSERT INTO org_unit (id, code, name, level, parent_id, head_name) VALUES (?, ?, ?, 'outlet', 2, ?)");
  for (let o = 0; o < OUTLETS; o++) unit.run(3 + o, `O${String(o + 1).padStart(2, '0')}`, `第${o + 1}网点`, `网点主任${o + 1}`);
  const manager = s.prepare('INSERT INTO manager (id, staff_no, name) VALUES (?, ?, ?)');
  const period = s.prepare("INSERT INTO manager_period (manager_id, valid_from, org_unit_id, grade, type, status) VALUES (?, '2025-01-01', ?, ?, ?, 'active')");
  for (let m = 1; m <= MANAGERS; m++) {
    manager.run(m, `M${String(m).padStart(4, '0')}`, SURNAMES[m % SURNAMES.length] + GIVEN_NAMES[(m * 7) % GIVEN_NAMES.length] + GIVEN_NAMES[(m * 13) % GIVEN_NAMES.length]);
    period.run(m, 3 + Math.floor((m - 1) / (MANAGERS / OUTLETS)), m % 10 < 2 ? 'senior' : m % 10 === 2 ? 'trainee' : 'standard', m % 7 === 0 ? 'part_time' : 'full_time');
  }
  // m(i) = i mod 200 + 1 holds client i; m2(i) = the next manager (a mid-month receiver or a secondary).
  s.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO client (id, client_no, name, open_date, org_unit_id)
     SELECT i, printf('%010d', i), '客户' || i,
            CASE WHEN ((i * 2654435761) % 4294967296 >> 7) % 100 = 0 THEN date('2026-10-01', '+' || (i % 31) || ' days') ELSE date('2000-01-01', '+' || ((i * 7919) % 9000) || ' days') END,
            3 + ((i % ${MANAGERS}) / ${MANAGERS / OUTLETS}) FROM n`,
  ).run(CLIENTS);
  s.exec(`
    CREATE TEMP TABLE h AS SELECT id, h, (h >> 7) % 100 = 0 AS nw, id % ${MANAGERS} + 1 AS m, (id + 1) % ${MANAGERS} + 1 AS m2
      FROM (SELECT id, (id * 2654435761) % 4294967296 AS h FROM client) ORDER BY id;
    INSERT INTO assignment (client_id, manager_id, role, share_bp, valid_from, valid_to, change_id)
      SELECT id, m, 'primary', CASE WHEN id % 50 = 2 THEN 7000 ELSE 10000 END, '2025-01-01', CASE WHEN id % 50 = 1 THEN '2026-10-16' END, 1 FROM temp.h;
    INSERT INTO assignment (client_id, manager_id, role, share_bp, valid_from, valid_to, change_id)
      SELECT id, m2, 'primary', 10000, '2026-10-16', NULL, 1 FROM temp.h WHERE id % 50 = 1;
    INSERT INTO assignment (client_id, manager_id, role, share_bp, valid_from, valid_to, change_id)
      SELECT id, m2, 'secondary', 3000, '2025-01-01', NULL, 1 FROM temp.h WHERE id % 50 = 2;
    CREATE TEMP TABLE bal AS
      SELECT id, h, nw, 'deposit_demand' AS p, (h % 20000000) AS sep, (h % 20000000) * (96 + (h >> 8) % 10) / 100 AS oct FROM temp.h
      UNION ALL
      SELECT id, h, nw, 'deposit_time', (h >> 3) % 50000000, ((h >> 3) % 50000000) * (97 + (h >> 12) % 8) / 100 FROM temp.h WHERE h % 10 < 4;
    INSERT INTO balance_snapshot (client_id, as_of, product_type, balance_fen, avg_balance_fen, batch_id)
      SELECT id, '2026-09-30', p, sep, sep * 99 / 100, 1 FROM temp.bal WHERE NOT nw;
    INSERT INTO balance_snapshot (client_id, as_of, product_type, balance_fen, avg_balance_fen, batch_id)
      SELECT id, '2026-10-31', p, oct, (sep + oct) / 2, 1 FROM temp.bal;
    INSERT INTO balance_change (client_id, as_of, prev_as_of, aum_fen, prev_aum_fen, net_growth_fen, is_new, is_lost, complete)
      SELECT id, '2026-09-30', NULL, sum(sep), 0, sum(sep), 1, 0, 1 FROM temp.bal WHERE NOT nw GROUP BY id;
    INSERT INTO balance_change (client_id, as_of, prev_as_of, aum_fen, prev_aum_fen, net_growth_fen, is_new, is_lost, complete)
      SELECT id, '2026-10-31', '2026-09-30', sum(oct), sum(CASE WHEN nw THEN 0 ELSE sep END), sum(oct) - sum(CASE WHEN nw THEN 0 ELSE sep END),
             max(nw), 0, 1 FROM temp.bal GROUP BY id;
    INSERT INTO product_holding (account_no, client_id, product_type, amount_fen, open_date, status)
      SELECT 'H' || id, id, CASE (h >> 11) % 5 WHEN 0 THEN 'wealth' WHEN 1 THEN 'fund' WHEN 2 THEN 'insurance' WHEN 3 THEN 'credit_card' ELSE 'loan' END,
             100000 + (h >> 5) % 50000000, date('2026-10-01', '+' || (id % 31) || ' days'), 'open' FROM temp.h WHERE (h >> 16) % 10 = 3;
  `);
  s.exec('COMMIT');
  s.exec('ANALYZE');
  s.pragma('wal_checkpoint(TRUNCATE)');
  const count = (t) => s.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
  const counts = { clients: count('client'), assignments: count('assignment'), snapshots: count('balance_snapshot'), changes: count('balance_change'), holdings: count('product_holding') };
  s.close();
  return { ...counts, seconds: seconds(t0) };
}

/** Targets: the branch's October figure shared equally by the managers (completions then spread around 100 %). */
function branchTargets() {
  const s = new Database(db, { readonly: true });
  const one = (sql) => Number(s.prepare(sql).pluck().get() ?? 0);
  const per = (v) => String(Math.max(1, Math.round(v / MANAGERS)));
  const deposits = "product_type IN ('deposit_demand', 'deposit_time')";
  const holdings = (p, what) => one(`SELECT ${what} FROM product_holding WHERE product_type = '${p}' AND open_date BETWEEN '2026-10-01' AND '2026-10-31'`);
  const targets = {
    DEP_NET: per(one(`SELECT sum(balance_fen) FROM balance_snapshot WHERE as_of = '2026-10-31' AND ${deposits}`) - one(`SELECT sum(balance_fen) FROM balance_snapshot WHERE as_of = '2026-09-30' AND ${deposits}`)),
    DEP_AVG: per(one(`SELECT sum(avg_balance_fen) FROM balance_snapshot WHERE as_of = '2026-10-31' AND ${deposits}`)),
    NEW_CLIENT: per(one("SELECT count(*) FROM client WHERE open_date >= '2026-10-01'")),
    WEALTH_SALES: per(holdings('wealth', 'sum(amount_fen)')),
    FUND_SALES: per(holdings('fund', 'sum(amount_fen)')),
    INS_PREMIUM: per(holdings('insurance', 'sum(amount_fen)')),
    CARD_NEW: per(holdings('credit_card', 'count(*)')),
    LOAN_NEW: per(holdings('loan', 'sum(amount_fen)')),
    VIP_NEW: per(one("SELECT count(*) FROM balance_change n LEFT JOIN balance_change b ON b.client_id = n.client_id AND b.as_of = '2026-09-30' WHERE n.as_of = '2026-10-31' AND n.aum_fen >= 5000000 AND coalesce(b.aum_fen, 0) < 5000000")),
  };
  s.close();
  return targets;
}

const NAMES = { DEP_NET: '存款净增', DEP_AVG: '日均存款', NEW_CLIENT: '新增有效客户', WEALTH_SALES: '理财销售', FUND_SALES: '基金销量', INS_PREMIUM: '保险标保', CARD_NEW: '信用卡新增', LOAN_NEW: '贷款投放', VIP_NEW: '中高端客户新增' };

function scheme(targets) {
  const codes = Object.keys(NAMES);
  const item = (code, suffix, method) => ({ key: `${code.toLowerCase()}_${suffix}`, name: `${NAMES[code]}（${{ r: '比例', b: '分档', d: '差额' }[suffix]}）`, weight: 5, source: { kind: 'indicator', indicator: code }, method, fixedTarget: targets[code] });
  const bands = { type: 'bands', bands: [{ fromPct: 120, scorePct: 120 }, { fromPct: 100, scorePct: 100 }, { fromPct: 80, scorePct: 70 }, { fromPct: 60, scorePct: 40 }] };
  const items = [
    ...codes.map((c) => item(c, 'r', { type: 'ratio', capPct: 150 })),
    ...codes.map((c) => ({ ...item(c, 'b', bands), zeroBelowPct: 50 })),
    { ...item('DEP_NET', 'd', { type: 'difference', per: String(Math.max(1, Math.round(Number(targets.DEP_NET) / 20))), pointsAbove: 0.25, pointsBelow: 0.25 }), maxPoints: 8, minPoints: 0 },
    { ...item('WEALTH_SALES', 'd', { type: 'difference', per: String(Math.max(1, Math.round(Number(targets.WEALTH_SALES) / 20))), pointsAbove: 0.25, pointsBelow: 0.25, prorate: false }), maxPoints: 8, minPoints: 0, gate: { item: 'dep_net_r', minPct: 60 } },
  ];
  return {
    code: 'BENCH-M',
    name: '客户经理月度考核（基准）',
    periodType: 'month',
    items,
    coefficients: { grade: { trainee: 1.1 }, outlet: { O01: 1.05, O02: 0.95 } },
    gradeRules: [
      { grade: 'trainee', promoteAt: 95, maintainAt: 60 },
      { grade: 'standard', promoteAt: 100, maintainAt: 70 },
      { grade: 'senior', promoteAt: null, maintainAt: 80 },
    ],
    bottomWarning: 5,
  };
}

/** The bare engine: a fresh page per document on the same in-memory origin and fonts, waiting for fonts, page.pdf. */
async function barePrint(lib, docs) {
  const { chromium } = require('playwright-core');
  const t0 = performance.now();
  const browser = await chromium.launch({ executablePath: lib.chromiumExecutable(), headless: true, chromiumSandbox: process.getuid?.() !== 0 });
  const fonts = lib.loadPrintFonts();
  const sizes = [];
  try {
    const context = await browser.newContext();
    for (const doc of docs) {
      await context.unroute('**/*');
      await context.route('**/*', (route) => {
        const r = route.request();
        const answer = lib.answerPrintRequest(r.method(), r.url(), doc.html, fonts);
        return answer === null ? route.abort('blockedbyclient') : route.fulfill({ status: answer.status, contentType: answer.contentType, headers: answer.headers, body: answer.body });
      });
      const page = await context.newPage();
      await page.goto(lib.PRINT_PAGE_URL, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      sizes.push((await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })).length);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { seconds: seconds(t0), sizes };
}

async function productPrint(lib, docs) {
  const printer = lib.createChromiumPrinter();
  const t0 = performance.now();
  const sizes = [];
  let first = 0;
  try {
    for (const doc of docs) {
      sizes.push((await printer.print(doc)).length);
      if (first === 0) first = seconds(t0);
    }
  } finally {
    await printer.close();
  }
  return { seconds: seconds(t0), first, sizes };
}

function pagesOf(buf) {
  const file = path.join(dir, 'all.pdf');
  fs.writeFileSync(file, buf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
}

try {
  if (GIVEN === undefined) {
    const g = generate();
    console.log(
      `generated ${g.clients} clients, ${MANAGERS} managers in ${OUTLETS} outlets, ${g.assignments} assignments, ${g.snapshots} snapshot rows, ${g.changes} balance changes, ${g.holdings} holdings in ${g.seconds.toFixed(1)} s`,
    );
  }
  const g = { targets: branchTargets() };
  const lib = await bundle();
  const store = lib.openStore(db, { create: false });
  try {
    const now = '2026-11-22T09:00:00.000Z';
    lib.saveScheme(store, lib.schemeSchema.parse(scheme(g.targets)), '2026-01-01', 'bench', now);
    const request = { schemeCode: 'BENCH-M', period: '2026-10', outletIds: null, orgUnitId: null };
    // Baseline in the same run: one plain read of the rows the evaluation cannot avoid (both snapshots, every
    // assignment, every balance change, October's holdings), summed in SQL.
    let t0 = performance.now();
    for (const sql of [
      "SELECT count(*), sum(balance_fen) FROM balance_snapshot WHERE +as_of IN ('2026-09-30', '2026-10-31')",
      'SELECT count(*), sum(share_bp) FROM assignment',
      "SELECT count(*), sum(aum_fen) FROM balance_change WHERE +as_of IN ('2026-09-30', '2026-10-31')",
      "SELECT count(*), sum(amount_fen) FROM product_holding WHERE open_date BETWEEN '2026-10-01' AND '2026-10-31'",
    ]) store.db.prepare(sql).raw().get();
    const bareRead = seconds(t0);
    t0 = performance.now();
    const first = lib.computeRun(store, request, 'bench', now);
    const compute = seconds(t0);
    t0 = performance.now();
    lib.computeRun(store, request, 'bench', now);
    const again = seconds(t0);
    const cards = first.computed.cards;
    const totals = cards.map((c) => Number(c.total ?? 0n) / 100);
    console.log(`scheme: ${scheme(g.targets).items.length} items over 9 built-in indicators; ${cards.length} managers scored, ${cards.filter((c) => c.total !== null).length} with a total (min ${Math.min(...totals).toFixed(2)}, max ${Math.max(...totals).toFixed(2)})`);
    console.log(`baseline plain read of the rows it needs (snapshots, assignments, balance changes, holdings): ${bareRead.toFixed(2)} s`);
    console.log(`compute  computeRun (gather + score + rank + store): ${compute.toFixed(2)} s (again, same data: ${again.toFixed(2)} s); target < 5 s → ${compute < 5 ? 'met' : 'MISSED'}`);
    console.log(`ratio compute/baseline: ${(compute / bareRead).toFixed(1)}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);

    // Where the time goes: each indicator's credited actuals once (an item repeats its indicator's).
    const window = lib.periodWindow(store, '2026-10', '2026-10-31');
    const profile = Object.keys(NAMES).map((code) => {
      const row = store.db.prepare('SELECT code, source FROM indicator WHERE code = ?').get(code);
      const t = performance.now();
      const credited = lib.creditedActuals(store, lib.sourceOf(row.code, row.source), window);
      return `${code} ${seconds(t).toFixed(2)} s (${credited.size} managers)`;
    });
    console.log(`  creditedActuals per indicator, one at a time (computeRun reads the balance ones together): ${profile.join(', ')}`);
    const completion = (key) => {
      const xs = cards.map((c) => c.items.find((i) => i.key === key)?.completion).filter((x) => x != null).map((x) => Number(x.num) / Number(x.den));
      return xs.length === 0 ? '—' : `${((xs.reduce((a, b) => a + b, 0) / xs.length) * 100).toFixed(0)}%`;
    };
    console.log(`  mean completion: ${Object.keys(NAMES).map((c) => `${c} ${completion(`${c.toLowerCase()}_r`)}`).join(', ')}`);

    const detail = lib.runDetail({ store, session: lib.localAdminSession() }, first.runId);
    const sheets = lib.evaluationSheets(store, detail, 'bench', now).slice(0, SHEETS);
    const docs = sheets.map((s) => lib.evaluationSheetsDocument([s]));
    const bare = await barePrint(lib, docs);
    const product = await productPrint(lib, docs);
    const avgKb = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length / 1024;
    console.log(`bare     fresh page per sheet + page.pdf (launch included): ${docs.length} sheets in ${bare.seconds.toFixed(2)} s, ${avgKb(bare.sizes).toFixed(0)} KB average`);
    console.log(
      `printer  createChromiumPrinter (launch included, first ${product.first.toFixed(2)} s): ${docs.length} sheets in ${product.seconds.toFixed(2)} s, ${avgKb(product.sizes).toFixed(0)} KB average; target < 20 s → ${product.seconds < 20 ? 'met' : 'MISSED'}`,
    );
    console.log(`ratio printer/bare: ${(product.seconds / bare.seconds).toFixed(2)}`);
    const all = lib.createChromiumPrinter();
    try {
      t0 = performance.now();
      const pdf = await all.print(lib.evaluationSheetsDocument(sheets));
      console.log(`one PDF of all ${sheets.length} sheets (launch included): ${seconds(t0).toFixed(2)} s, ${pagesOf(pdf)} pages, ${(pdf.length / 1024).toFixed(0)} KB`);
    } finally {
      await all.close();
    }
  } finally {
    store.close();
  }
} finally {
  if (KEEP) console.log(`kept ${db}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
