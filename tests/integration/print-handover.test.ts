import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFen } from '../../shared/model/money.js';
import { createChromiumPrinter } from '../../electron/print/chromium-printer.js';
import { handoverSheetDocument } from '../../electron/print/handover-sheet.js';
import { printPageHtml } from '../../electron/print/page.js';
import { raw } from '../../electron/print/html.js';
import type { PdfPrinter } from '../../electron/print/printer.js';
import { MARKED_CLIENT, sampleHandoverSheet } from '../helpers/handover-sheet.js';
import { makeTempDir } from '../helpers/temp.js';

/** Real Chromium, real PDF: what a supervisor would print, read back with poppler's tools. */
const OUTPUT = path.join(__dirname, '..', 'output', 'print');
const sheet = sampleHandoverSheet();
const temp = makeTempDir('print');
let printer: PdfPrinter;
let pdfFile: string;
let text: string;
let printMs: number;

function poppler(tool: string, ...args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' });
}

/** pdftotext keeps the page's spacing; compare with all whitespace removed so column gaps do not matter. */
const squash = (s: string): string => s.replace(/\s+/g, '');

beforeAll(async () => {
  printer = createChromiumPrinter();
  const doc = handoverSheetDocument(sheet);
  // The first print launches the browser; a different, smaller sheet, so the measured one still has font slices to
  // fetch into the warm page.
  await printer.print(handoverSheetDocument(sampleHandoverSheet({ clients: 5, nameOf: () => '丁一' })));
  const started = Date.now();
  const pdf = await printer.print(doc);
  printMs = Date.now() - started;
  pdfFile = path.join(temp.dir, 'handover.pdf');
  fs.writeFileSync(pdfFile, pdf);
  text = poppler('pdftotext', '-layout', pdfFile, '-');
  // A picture of page 1 for a person to look at (tests/output is git-ignored).
  fs.mkdirSync(OUTPUT, { recursive: true });
  fs.copyFileSync(pdfFile, path.join(OUTPUT, 'handover-sheet.pdf'));
  execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', pdfFile, path.join(OUTPUT, 'handover-page')]);
}, 120_000);

afterAll(async () => {
  await printer.close();
  temp.cleanup();
});

describe('handover sheet PDF', () => {
  it('prints quickly and small', () => {
    const size = fs.statSync(pdfFile).size;
    expect(size).toBeGreaterThan(10_000);
    expect(size).toBeLessThan(400_000);
    expect(printMs).toBeLessThan(15_000);
  });

  it('has the title, the managers and the change number', () => {
    const flat = squash(text);
    expect(flat).toContain('客户移交清单');
    expect(flat).toContain('张建国（M0007）');
    for (const r of sheet.plan.receivers) expect(flat).toContain(`${r.name}（${r.code}）`);
    expect(flat).toContain('第4217号');
    expect(flat).toContain('生效日期2025-07-01');
  });

  it("shows each receiver's client count and the totals as formatted", () => {
    const flat = squash(text);
    for (const r of sheet.plan.receivers) {
      const mine = sheet.plan.clients.filter((c) => c.toManagerId === r.managerId);
      expect(r.clientsReceived).toBe(mine.length);
      const aum = formatFen(mine.reduce((s, c) => s + c.aumFen, 0));
      expect(flat).toContain(`接收人：${r.name}（${r.code}）共${mine.length}户，资产${aum}元`);
    }
    const { totals } = sheet.plan;
    expect(flat).toContain(`本次移交客户${totals.clients}户（其中贵宾${totals.vip}户，未安排2户），资产合计${formatFen(totals.aumFen)}元；未完成任务${totals.tasks}项`);
    expect(flat).toContain(`合计${totals.clients}户${formatFen(totals.aumFen)}`);
  });

  it('lists a given client with number, name, tier and exact amount', () => {
    const line = text.split('\n').find((l) => l.includes(MARKED_CLIENT.clientNo));
    expect(line).toBeDefined();
    expect(line).toContain(MARKED_CLIENT.name);
    expect(line).toContain('9,876,543.21');
  });

  it('flags unplaced clients and lists the open tasks', () => {
    const flat = squash(text);
    expect(flat).toContain('※未安排接收人');
    expect(flat).toContain('到期定期存款续作提醒');
    expect(flat).toContain('紧急');
  });

  it('ends with the signature block and numbers its pages', () => {
    const flat = squash(text);
    for (const label of ['移交人（签字）', '接收人（签字）', '主管（签字）']) expect(flat).toContain(label);
    expect(flat.split('接收人（签字）').length - 1).toBe(3);
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdfFile))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(flat).toContain(`第1页/共${pages}页`);
    expect(flat).toContain(`第${pages}页/共${pages}页`);
  });

  it('embeds its fonts as TrueType, never as Type 3', () => {
    const fonts = poppler('pdffonts', pdfFile).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f).not.toMatch(/Type 3/);
      expect(f).toMatch(/NotoSansSC.*CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
  });
});

describe('chromium printer', () => {
  it('runs no script of the page and fetches nothing outside its own origin', async () => {
    const hostile = printPageHtml({
      title: 'hostile',
      body: raw(`<p id="p">静态文字</p><script>document.getElementById('p').textContent = 'SCRIPT RAN'</script>
<img src="https://example.com/pixel.png"><link rel="stylesheet" href="file:///etc/passwd"><iframe src="http://127.0.0.1:9/"></iframe>`),
    });
    const started = Date.now();
    const pdf = await printer.print({ html: hostile, title: 'hostile' });
    expect(Date.now() - started).toBeLessThan(15_000);
    const file = path.join(temp.dir, 'hostile.pdf');
    fs.writeFileSync(file, pdf);
    const out = poppler('pdftotext', file, '-');
    expect(out).toContain('静态文字');
    expect(out).not.toContain('SCRIPT RAN');
  });

  it('prints each document alone in the reused page', async () => {
    const draft = sampleHandoverSheet({ clients: 5, changeId: null, nameOf: (i) => `测试客户${i}` });
    const file = path.join(temp.dir, 'draft.pdf');
    fs.writeFileSync(file, await printer.print(handoverSheetDocument(draft)));
    const flat = squash(poppler('pdftotext', '-layout', file, '-'));
    expect(flat).toContain('草稿（未生效）');
    expect(flat).toContain('测试客户4');
    expect(flat).not.toContain(MARKED_CLIENT.name);
    expect(flat).not.toContain('SCRIPT');
    expect(poppler('pdfinfo', file)).toMatch(/Title:\s+客户移交清单 张建国 2025-07-01/);
  });

  it('says in both languages when Chromium is missing', async () => {
    const missing = createChromiumPrinter({ executablePath: path.join(temp.dir, 'no-chromium') });
    await expect(missing.print({ html: '<p>x</p>', title: 'x' })).rejects.toMatchObject({
      code: 'PRINT_UNAVAILABLE',
      text: { zh: expect.stringContaining('Chromium') as unknown, en: expect.stringContaining('BW_CHROMIUM') as unknown },
    });
    await missing.close();
  });
});
