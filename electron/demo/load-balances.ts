import { MONTH_ENDS } from './calendar.js';
import { fenOfYuanText, parseCsvLine } from './csv.js';
import { BALANCE_HEADER, PRODUCT_LABELS, balanceFileName, invert } from './formats.js';
import type { BalanceProduct } from './formats.js';
import type { ClientIndex } from './load-clients.js';
import type { LoadContext } from './load-context.js';
import { LineReader } from './line-reader.js';

interface MonthFile {
  name: string;
  reader: LineReader;
  batch: number;
  line: number;
  rows: number;
  /** The next unconsumed row, split, or null at the end of the file. */
  head: string[] | null;
}

/**
 * The twelve month-end files, read side by side and merged by client: every file is sorted by
 * client number like the client file, so rows arrive in the snapshot table's key order
 * (client, date) and SQLite appends instead of inserting all over its B-tree.
 */
export function loadBalances(ctx: LoadContext, clients: ClientIndex): number {
  const products = invert<BalanceProduct>(PRODUCT_LABELS);
  const insert = ctx.store.db.prepare(
    'INSERT INTO balance_snapshot (client_id, as_of, product_type, balance_fen, avg_balance_fen, batch_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const months: MonthFile[] = [];
  const advance = (f: MonthFile): void => {
    for (let text = f.reader.next(); text !== null; text = f.reader.next()) {
      f.line++;
      if (text !== '') {
        f.head = parseCsvLine(text);
        return;
      }
    }
    f.head = null;
  };
  try {
    for (const asOf of MONTH_ENDS) {
      const name = balanceFileName(asOf);
      const reader = new LineReader(ctx.file(name), 'utf-8');
      const file: MonthFile = { name, reader, batch: 0, line: 1, rows: 0, head: null };
      months.push(file);
      if (reader.next()?.startsWith(BALANCE_HEADER.join(',')) !== true) ctx.fail(name, 1, 'unexpected header');
      file.batch = ctx.beginBatch({ kind: 'balances', file: name, format: 'csv', encoding: 'utf-8', asOf });
      advance(file);
    }
    let clientsDone = 0;
    let total = 0;
    ctx.tick('load:balances', 0);
    for (;;) {
      let next: string | null = null;
      for (const f of months) {
        const no = f.head?.[0];
        if (no !== undefined && (next === null || no < next)) next = no;
      }
      if (next === null) break;
      const clientId = clients.idOf.get(next);
      for (const f of months) {
        while (f.head !== null && f.head[0] === next) {
          const [, asOf, label, point, avg] = f.head;
          const product = products.get(label ?? '');
          const balance = fenOfYuanText(point ?? '');
          if (clientId === undefined || product === undefined || balance === null || asOf === undefined) ctx.fail(f.name, f.line, 'bad row');
          insert.run(clientId, asOf, product, balance, fenOfYuanText(avg ?? ''), f.batch);
          f.rows++;
          total++;
          advance(f);
        }
      }
      if (++clientsDone % 20_000 === 0) ctx.tick('load:balances', total);
    }
    for (const f of months) ctx.finishBatch(f.batch, 'balanceSnapshots', { ...f.reader.finish(), rowsRead: f.rows, inserted: f.rows });
    ctx.tick('load:balances', total, total);
    return total;
  } finally {
    for (const f of months) f.reader.close();
  }
}
