import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationRunDetail } from '../../shared/api/ops/evaluation.js';
import type { OpName, OpOutput } from '../../shared/api/index.js';
import { pointsText } from '../../shared/evaluation/card.js';
import { schemeSchema } from '../../shared/evaluation/scheme.js';
import type { Session } from '../../electron/api/types.js';
import { recomputeScores } from '../../electron/book/recompute.js';
import { readXlsx } from '../../electron/import/read-xlsx.js';
import { fixedClock } from '../../electron/platform/clock.js';
import { makeTestApp } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { adminSession, expectOk, importFile } from '../helpers/import.js';

/**
 * The evaluation's outputs on a real store: the 考核表 PDF (one manager, all managers, a client manager's own), the
 * summary workbook read back with the project's own .xlsx reader, and the CLI's `evaluate --json` and `export`,
 * which must all show the same totals as the stored run. Run `npm run build -- --no-renderer` first (the CLI).
 *
 * Store: 示例银行 › 南京分行 › 鼓楼支行 (负责人 周主任) › 一号网点 (陈行长), 二号网点; M1 王一 and M2 李二 in 一号网点,
 * M3 赵<四>&"' (a name that must print as text) in 二号网点. Scheme: 存款净增 (ratio, 50), 理财销售 (difference per
 * 1 万元, 20, capped at 25), 客户服务 (qualitative, 30), 客户投诉 (2 points each, at most 10).
 */
const OUTPUT = path.join(__dirname, '..', 'output', 'print');
const NOW = '2026-11-22T09:00:00.000Z';
const ODD_NAME = '赵<四>&"\'';
let t: ReturnType<typeof makeTestApp>;
const ids: Record<string, number> = {};
const id = (k: string): number => ids[k] ?? 0;
let runId = 0;
let schemeFile = '';
let detail: EvaluationRunDetail;

const balances = (month: string, lines: string[]): string[] => ['客户号,数据日期,产品类型,时点余额', ...lines.map((l) => l.replace(',', `,${month},活期,`))];

async function load(kind: string, lines: string[], asOf = '2026-10-31'): Promise<void> {
  const file = path.join(t.dir, `${kind}-${Math.random()}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  expect(expectOk(await importFile(t.app, file, kind as 'clients', { options: { asOf } }))).toMatchObject({ rejected: 0 });
}

const scheme = schemeSchema.parse({
  code: 'CM-OUT',
  name: '客户经理月度考核',
  periodType: 'month',
  items: [
    { key: 'dep', name: '存款净增', weight: 50, source: { kind: 'indicator', indicator: 'DEP_NET' }, method: { type: 'ratio' }, fixedTarget: '20000000' },
    {
      key: 'wealth',
      name: '理财销售',
      weight: 20,
      source: { kind: 'indicator', indicator: 'WEALTH_SALES' },
      method: { type: 'difference', per: '1000000', pointsAbove: 1, pointsBelow: 2 },
      fixedTarget: '3000000',
      maxPoints: 25,
      minPoints: 0,
    },
    { key: 'service', name: '客户服务', weight: 30, source: { kind: 'qualitative', rubric: [] }, method: { type: 'entered' } },
    { key: 'complaints', name: '客户投诉', weight: 0, source: { kind: 'count', label: '投诉' }, method: { type: 'deduction', pointsEach: 2, maxPoints: 10 } },
  ],
  gradeRules: [
    { grade: 'standard', maintainAt: 60, promoteAt: 90 },
    { grade: 'senior', maintainAt: 70, promoteAt: 95 },
  ],
});

const invoke = async <K extends OpName>(op: K, input: unknown, session: Session = adminSession): Promise<OpOutput<K>> =>
  expectOk(await t.app.dispatcher.invoke(op, input, { session }));

function poppler(tool: string, ...args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' });
}
const squash = (s: string): string => s.replace(/\s+/g, '');

function savePdf(file: { mimeType: string; base64: string }, name: string): string {
  expect(file.mimeType).toBe('application/pdf');
  const target = path.join(t.dir, name);
  fs.writeFileSync(target, Buffer.from(file.base64, 'base64'));
  return target;
}
const pagesOf = (pdf: string): number => Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf))?.[1]);

beforeAll(async () => {
  t = makeTestApp('evaluation-output');
  await load('org_units', [
    '机构号,机构名称,机构层级,上级机构号,负责人',
    'H,示例银行,总行,,',
    'B,南京分行,二级分行,H,',
    'S,鼓楼支行,支行,B,周主任',
    'O1,一号网点,网点,S,陈行长',
    'O2,二号网点,网点,S,',
  ]);
  await load('managers', [
    '员工号,姓名,所属网点,岗位等级,专兼职,状态,生效日期',
    'M1,王一,O1,客户经理,专职,在岗,2025-01-01',
    'M2,李二,O1,客户经理,专职,在岗,2025-01-01',
    `M3,"${ODD_NAME.replace(/"/g, '""')}",O2,高级客户经理,兼职,在岗,2025-01-01`,
  ]);
  await load('clients', [
    '客户号,客户名称,开户日期,所属网点,客户经理号,管户日期',
    'A,客户A,20200101,O1,M1,20250101',
    'B,客户B,20200101,O1,M1,20250101',
    'C,客户C,20200101,O1,M2,20250101',
    'D,客户D,20200101,O2,M3,20250101',
  ]);
  await load('balances', balances('2026-09-30', ['A,100000.00', 'B,100000.00', 'C,150000.00', 'D,50000.00']), '2026-09-30');
  await load('balances', balances('2026-10-31', ['A,400000.00', 'B,200000.00', 'C,100000.00', 'D,250000.00']));
  await load('holdings', ['账号,客户号,产品类型,金额,起始日期', 'W1,A,理财,50000.00,2026-10-10', 'W2,D,理财,20000.00,2026-10-20', 'W3,C,理财,10000.00,2026-10-25']);
  const store = t.app.services.store;
  recomputeScores(store, { clock: fixedClock(NOW), userName: 'u', signal: { aborted: false } });
  for (const r of store.db.prepare('SELECT client_no AS k, id FROM client UNION ALL SELECT staff_no, id FROM manager').all() as Array<{ k: string; id: number }>) ids[r.k] = r.id;
  await invoke('assignment.assign', { clientIds: [id('A')], managerId: id('M2'), from: '2026-10-16' });
  await invoke('assignment.setTeam', { clientId: id('B'), from: '2026-01-01', primaryId: id('M1'), secondaries: [{ managerId: id('M2'), shareBp: 3000 }] });
  await invoke('evaluation.saveScheme', { scheme, validFrom: '2026-01-01' });
  runId = (await invoke('evaluation.compute', { schemeCode: 'CM-OUT', period: '2026-10' })).id;
  const entries: Array<[string, string, number, string?]> = [
    ['M1', 'service', 27, '服务规范，客户评价高'],
    ['M2', 'service', 22.5, '需加强<回访>&跟进'],
    [ODD_NAME, 'service', 18],
    ['M2', 'complaints', 2, '两次有效投诉'],
  ];
  for (const [who, itemKey, value, comment] of entries) {
    const managerId = who === ODD_NAME ? id('M3') : id(who);
    await invoke('evaluation.setEntry', { runId, managerId, itemKey, value, ...(comment === undefined ? {} : { comment }) });
  }
  await invoke('evaluation.compute', { schemeCode: 'CM-OUT', period: '2026-10' });
  detail = await invoke('evaluation.run', { runId });
  schemeFile = path.join(t.dir, 'scheme.json');
  fs.writeFileSync(schemeFile, JSON.stringify(scheme, null, 2));
}, 120_000);

afterAll(async () => {
  await t.app.services.printer.close();
  t.cleanup();
});

const totalOf = (staffNo: string): string | null => detail.cards.find((c) => c.manager.staffNo === staffNo)?.total ?? null;

describe('evaluation sheets (考核表) as PDF', () => {
  it('every manager has a total once the qualitative scores are in', () => {
    expect(detail.cards).toHaveLength(3);
    expect(detail.cards.every((c) => c.total !== null && c.rankBranch !== null)).toBe(true);
  });

  it("one manager's sheet: heading, totals, ranks, comments, signatures and the calculation appendix", async () => {
    const file = await invoke('evaluation.sheets', { runId, managerId: id('M2') });
    expect(file.fileName).toBe('考核表-李二-2026-10.pdf');
    const pdf = savePdf(file, 'one.pdf');
    const text = squash(poppler('pdftotext', '-layout', pdf, '-'));
    const m2 = detail.cards.find((c) => c.manager.staffNo === 'M2');
    for (const expected of [
      '考核表',
      '示例银行南京分行一号网点',
      '李二（M2）',
      '一号网点（O1）',
      '2026-10（2026-10-01至2026-10-31）',
      '一、定量指标',
      '二、定性评价',
      '三、扣分项',
      '四、考核结果',
      '五、主管评语',
      `${pointsText(m2?.total ?? null)}`,
      '需加强<回访>&跟进',
      '两次有效投诉',
      '客户经理（签字）',
      '主管（签字）',
      '陈行长',
      '日期：',
      '附录：计算过程',
      '完成率=实际÷目标',
    ]) {
      expect(text).toContain(squash(expected));
    }
    expect(text).not.toContain('王一（M1）');
    const fonts = poppler('pdffonts', pdf);
    expect(fonts).not.toContain('Type 3');
    expect(fonts).toContain('CID TrueType');
    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.copyFileSync(pdf, path.join(OUTPUT, 'evaluation-sheet.pdf'));
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', pdf, path.join(OUTPUT, 'evaluation-page')]);
  });

  it('all sheets in one PDF: each manager starts a new page, names print as text, totals match the run', async () => {
    const all = savePdf(await invoke('evaluation.sheets', { runId }), 'all.pdf');
    const pages = poppler('pdftotext', '-layout', all, '-').split('\f').map(squash);
    const people = detail.cards.map((c) => `${c.manager.name}（${c.manager.staffNo}）`);
    // A page belongs to one manager only, and every manager's first page opens with the heading.
    for (const page of pages) expect(people.filter((p) => page.includes(squash(p))).length).toBeLessThanOrEqual(1);
    for (const c of detail.cards) {
      const first = pages.findIndex((p) => p.includes(squash(`${c.manager.name}（${c.manager.staffNo}）`)));
      expect(first).toBeGreaterThanOrEqual(0);
      expect(pages[first]).toContain('考核编号');
      expect(pages[first]).toContain(pointsText(c.total));
    }
    expect(pages.join('')).toContain(squash(`${ODD_NAME}（M3）`));
    // Same page count as the three sheets printed one by one: nothing shares a page.
    let separately = 0;
    for (const c of detail.cards) separately += pagesOf(savePdf(await invoke('evaluation.sheets', { runId, managerId: c.managerId }), `m${c.managerId}.pdf`));
    expect(pagesOf(all)).toBe(separately);
    // Each page's footer names the manager the page belongs to (a named page per sheet).
    for (const c of detail.cards) {
      const person = squash(`${c.manager.name}（${c.manager.staffNo}）`);
      const mine = pages.filter((p) => p.includes(person));
      expect(mine.length).toBeGreaterThan(0);
      for (const p of mine) expect(p).toContain(squash(`考核表 · ${c.manager.name}（${c.manager.staffNo}） · 2026-10 · CM-OUT 第 1 版`));
    }
    expect(poppler('pdffonts', all)).not.toContain('Type 3');
  });

  it("a client manager gets only their own sheet; another manager's is refused", async () => {
    const own: Session = { ...adminSession, role: 'manager', managerId: id('M1'), orgUnitIds: null, userName: 'm1' };
    const pdf = savePdf(await invoke('evaluation.sheets', { runId }, own), 'own.pdf');
    const text = squash(poppler('pdftotext', '-layout', pdf, '-'));
    expect(text).toContain('王一（M1）');
    expect(text).not.toContain('李二（M2）');
    expect(text).not.toContain(squash(`${ODD_NAME}（M3）`));
    const refused = await t.app.dispatcher.invoke('evaluation.sheets', { runId, managerId: id('M2') }, { session: own });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
  });
});

async function sheetRows(file: string, sheet: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of readXlsx(file, { sheet })) rows.push(...batch.map((r) => r.cells));
  return rows;
}

/** staff no → total as the workbook's 考核汇总 holds it, with two decimals. */
async function workbookTotals(file: string): Promise<Map<string, string>> {
  const rows = await sheetRows(file, '考核汇总');
  const head = rows[1] ?? [];
  const col = head.indexOf('总分');
  return new Map(rows.slice(2).map((r) => [r[0] ?? '', Number(r[col]).toFixed(2)]));
}

describe('summary workbook (.xlsx)', () => {
  it("read back with the project's reader: totals, item points, ranks and org results equal the run", async () => {
    const file = await invoke('evaluation.workbook', { runId });
    expect(file.fileName).toBe('考核汇总-CM-OUT-2026-10.xlsx');
    const xlsx = path.join(t.dir, file.fileName);
    fs.writeFileSync(xlsx, Buffer.from(file.base64, 'base64'));
    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.copyFileSync(xlsx, path.join(OUTPUT, 'evaluation-summary.xlsx'));
    const totals = await workbookTotals(xlsx);
    expect(totals).toEqual(new Map(detail.cards.map((c) => [c.manager.staffNo, pointsText(c.total)])));
    const summary = await sheetRows(xlsx, '考核汇总');
    const head = summary[1] ?? [];
    const depCol = head.findIndex((h) => h.startsWith('存款净增'));
    for (const c of detail.cards) {
      const row = summary.find((r) => r[0] === c.manager.staffNo) ?? [];
      expect(Number(row[depCol]).toFixed(2)).toBe(pointsText(c.items.find((i) => i.key === 'dep')?.points ?? null));
      expect(Number(row[head.indexOf('全行排名')])).toBe(c.rankBranch);
    }
    // 存款净增 sheet: actual in 元 from the traced fen, exactly.
    const dep = await sheetRows(xlsx, '1.存款净增');
    const m1 = dep.find((r) => r[0] === 'M1') ?? [];
    const traced = detail.cards.find((c) => c.manager.staffNo === 'M1')?.items.find((i) => i.key === 'dep')?.trace.find((s) => s.en === 'Actual')?.value ?? '';
    expect(BigInt(Math.round(Number(m1[4]) * 100))).toBe(BigInt(traced));
    expect(m1[3]).toBe('200000');
    // 机构汇总: 一号网点 has M1 and M2; the average is their mean to 0.01, half away from zero.
    const org = await sheetRows(xlsx, '机构汇总');
    const o1 = org.find((r) => r[0] === 'O1') ?? [];
    const [a, b] = [BigInt(totalOf('M1') ?? '0'), BigInt(totalOf('M2') ?? '0')];
    expect(o1.slice(2, 4)).toEqual(['2', '2']);
    expect(Math.round(Number(o1[4]) * 100)).toBe(Number((a + b + 1n) / 2n));
    expect(org[org.length - 1]?.[1]).toBe('合计');
    expect(org[org.length - 1]?.[2]).toBe('3');
  });
});

describe('CLI evaluate and export', () => {
  it('evaluate --json recomputes with the unchanged scheme (no new version) and agrees with the workbook; export writes both files', async () => {
    const db = t.app.services.store.file;
    const run = runCli(['evaluate', '--db', db, '--scheme', schemeFile, '--period', '2026-10', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as EvaluationRunDetail;
    expect(json.run.id).toBe(runId);
    expect(json.run.schemeVersion).toBe(1);
    const cliTotals = new Map(json.cards.map((c) => [c.manager.staffNo, pointsText(c.total)]));
    expect(cliTotals).toEqual(new Map(detail.cards.map((c) => [c.manager.staffNo, pointsText(c.total)])));

    const out = path.join(t.dir, 'export');
    const exported = runCli(['export', '--db', db, '--period', '2026-10', '--out', out, '--json']);
    expect(exported.status).toBe(0);
    const files = (JSON.parse(exported.stdout) as { files: Array<{ file: string }> }).files.map((f) => path.basename(f.file));
    expect(files).toEqual(['考核表-CM-OUT-2026-10-3人.pdf', '考核汇总-CM-OUT-2026-10.xlsx']);
    expect(await workbookTotals(path.join(out, files[1] ?? ''))).toEqual(cliTotals);
    const text = squash(poppler('pdftotext', '-layout', path.join(out, files[0] ?? ''), '-'));
    for (const c of json.cards) expect(text).toContain(pointsText(c.total));

    const human = runCli(['evaluate', '--db', db, '--scheme', schemeFile, '--period', '2026-10']);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain(`M1  王一  一号网点  总分 total ${cliTotals.get('M1') ?? ''}`);
  }, 120_000);

  it('a changed scheme file becomes a new version in force from the period; the same file again saves nothing', () => {
    const db = t.app.services.store.file;
    const changed = path.join(t.dir, 'scheme-v2.json');
    fs.writeFileSync(changed, JSON.stringify({ ...scheme, name: '客户经理月度考核（修订）' }));
    const first = JSON.parse(runCli(['evaluate', '--db', db, '--scheme', changed, '--period', '2026-10', '--json']).stdout) as EvaluationRunDetail;
    expect([first.run.schemeVersion, first.run.schemeName]).toEqual([2, '客户经理月度考核（修订）']);
    const again = JSON.parse(runCli(['evaluate', '--db', db, '--scheme', changed, '--period', '2026-10', '--json']).stdout) as EvaluationRunDetail;
    expect(again.run.schemeVersion).toBe(2);
    expect(t.app.services.store.db.prepare("SELECT valid_from FROM scheme WHERE code = 'CM-OUT' AND version = 2").pluck().get()).toBe('2026-10-01');
    expect(runCli(['evaluate', '--db', db, '--period', '2026-10']).status).toBe(2);
  }, 120_000);
});
