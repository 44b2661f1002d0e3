import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { AS_OF, isoOfCompact } from './calendar.js';
import { fenOfYuanText, parseCsvLine } from './csv.js';
import type { FixedLayout } from './fixed-width.js';
import { CHANNEL_LABELS, CREDIT_LABEL, DEBIT_LABEL, FILES, TXN_HEADER, WORKLOG_HEADER, invert } from './formats.js';
import type { ContactChannel } from './formats.js';
import type { ClientIndex } from './load-clients.js';
import type { LoadContext } from './load-context.js';
import { LineReader } from './line-reader.js';

/** The fixed-width GBK holdings file, cut at the byte offsets its layout file gives. */
export function loadHoldings(ctx: LoadContext, clients: ClientIndex): number {
  const layout = JSON.parse(fs.readFileSync(ctx.file(FILES.holdingsLayout), 'utf8')) as FixedLayout;
  const bytes = fs.readFileSync(ctx.file(layout.file));
  const batch = ctx.beginBatch({ kind: 'holdings', file: layout.file, format: 'fixed_width', encoding: 'gbk', asOf: layout.asOf, profileName: FILES.holdingsLayout });
  const field = (name: string): { from: number; to: number; decimals: number } => {
    const f = layout.fields.find((x) => x.field === name) ?? ctx.fail(FILES.holdingsLayout, 1, `layout lacks ${name}`);
    return { from: f.start - 1, to: f.start - 1 + f.length, decimals: f.decimals ?? 0 };
  };
  const f = {
    account: field('account_no'),
    client: field('client_no'),
    cls: field('product_class'),
    code: field('product_code'),
    name: field('product_name'),
    amount: field('amount'),
    open: field('open_date'),
    maturity: field('maturity_date'),
    status: field('status'),
  };
  const classes = layout.codes['product_class'] ?? {};
  const statuses = layout.codes['status'] ?? {};
  const gbk = new TextDecoder('gbk');
  const insert = ctx.store.db.prepare(
    `INSERT INTO product_holding (account_no, client_id, product_type, product_code, product_name, amount_fen, open_date, maturity_date, status, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let rows = 0;
  let start = 0;
  ctx.tick('load:holdings', 0);
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const record = bytes.subarray(start, end > start && bytes[end - 1] === 0x0d ? end - 1 : end);
    start = end + 1;
    if (record.length === 0) continue;
    rows++;
    if (record.length !== layout.recordLength) ctx.fail(layout.file, rows, `record is ${record.length} bytes, layout says ${layout.recordLength}`);
    const ascii = (x: { from: number; to: number }): string => record.toString('latin1', x.from, x.to).trim();
    const clientId = clients.idOf.get(ascii(f.client)) ?? ctx.fail(layout.file, rows, `unknown client ${ascii(f.client)}`);
    const productType = classes[ascii(f.cls)] ?? ctx.fail(layout.file, rows, `unknown product class ${ascii(f.cls)}`);
    insert.run(
      ascii(f.account),
      clientId,
      productType,
      ascii(f.code) || null,
      gbk.decode(record.subarray(f.name.from, f.name.to)).trim() || null,
      Number(ascii(f.amount)) * 10 ** (2 - f.amount.decimals),
      isoOfCompact(ascii(f.open)),
      isoOfCompact(ascii(f.maturity)),
      statuses[ascii(f.status)] ?? 'open',
      batch,
    );
    if (rows % 20_000 === 0) ctx.tick('load:holdings', rows);
  }
  ctx.tick('load:holdings', rows, rows);
  ctx.finishBatch(batch, 'holdings', { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, rowsRead: rows, inserted: rows });
  return rows;
}

/** Reads a UTF-8 CSV with a known header, with one import batch, handing each row to `row`. */
function eachCsvRow<const H extends readonly string[]>(
  ctx: LoadContext,
  file: string,
  header: H,
  kind: 'transactions' | 'contacts',
  row: (at: (name: H[number]) => string, batch: number, line: number) => void,
): number {
  const reader = new LineReader(ctx.file(file), 'utf-8');
  try {
    const first = parseCsvLine(reader.next() ?? '');
    const col = new Map<string, number>();
    for (const h of header) {
      const i = first.indexOf(h);
      if (i < 0) ctx.fail(file, 1, `missing column ${h}`);
      col.set(h, i);
    }
    const batch = ctx.beginBatch({ kind, file, format: 'csv', encoding: 'utf-8', asOf: AS_OF });
    let line = 1;
    let rows = 0;
    ctx.tick(`load:${kind}`, 0);
    for (let text = reader.next(); text !== null; text = reader.next()) {
      line++;
      if (text === '') continue;
      const f = parseCsvLine(text);
      row((name) => f[col.get(name) ?? -1] ?? '', batch, line);
      rows++;
      if (rows % 20_000 === 0) ctx.tick(`load:${kind}`, rows);
    }
    ctx.tick(`load:${kind}`, rows, rows);
    ctx.finishBatch(batch, kind, { ...reader.finish(), rowsRead: rows, inserted: rows });
    return rows;
  } finally {
    reader.close();
  }
}

/** Transactions: 借贷标志 gives the sign (贷 = money in, positive). */
export function loadTransactions(ctx: LoadContext, clients: ClientIndex): number {
  const file = FILES.transactions;
  const insert = ctx.store.db.prepare(
    `INSERT INTO txn (txn_ref, client_id, account_no, txn_at, amount_fen, channel, summary, counterparty, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return eachCsvRow(ctx, file, TXN_HEADER, 'transactions', (at, batch, line) => {
    const client = clients.idOf.get(at('客户号')) ?? ctx.fail(file, line, `unknown client ${at('客户号')}`);
    const fen = fenOfYuanText(at('交易金额')) ?? ctx.fail(file, line, `bad amount ${at('交易金额')}`);
    const direction = at('借贷标志');
    if (direction !== CREDIT_LABEL && direction !== DEBIT_LABEL) ctx.fail(file, line, `bad 借贷标志 ${direction}`);
    insert.run(
      at('交易流水号'),
      client,
      at('账号') || null,
      at('交易时间'),
      direction === CREDIT_LABEL ? fen : -fen,
      at('渠道') || null,
      at('摘要') || null,
      at('对方户名') || null,
      batch,
    );
  });
}

/** The work log: 联系方式 labels become channel codes; the log number is kept as ext_ref. */
export function loadWorklog(ctx: LoadContext, clients: ClientIndex, managerIds: Map<string, number>): number {
  const file = FILES.worklog;
  const channels = invert<ContactChannel>(CHANNEL_LABELS);
  const insert = ctx.store.db.prepare(
    `INSERT INTO contact (client_id, manager_id, contact_at, channel, purpose, outcome, next_step, follow_up_on, ext_ref, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return eachCsvRow(ctx, file, WORKLOG_HEADER, 'contacts', (at, batch, line) => {
    insert.run(
      clients.idOf.get(at('客户号')) ?? ctx.fail(file, line, `unknown client ${at('客户号')}`),
      managerIds.get(at('客户经理号')) ?? ctx.fail(file, line, `unknown manager ${at('客户经理号')}`),
      at('联系时间'),
      channels.get(at('联系方式')) ?? ctx.fail(file, line, `unknown channel ${at('联系方式')}`),
      at('联系目的') || null,
      at('联系结果') || null,
      at('下一步计划') || null,
      at('计划跟进日期') || null,
      at('日志编号'),
      batch,
    );
  });
}
