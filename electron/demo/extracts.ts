import type { DemoPhase } from '../../shared/api/ops/demo-phases.js';
import fs from 'node:fs';
import type { z } from 'zod';
import type { Progress } from '../../shared/api/contract.js';
import { demoInput } from '../../shared/api/ops/demo.js';
import { throwIfCancelled } from '../platform/cancel.js';
import type { CancelSignal } from '../platform/cancel.js';
import { createLogger } from '../platform/log.js';
import { BalanceSimulator } from './balances.js';
import { AS_OF, HISTORY_START_DAY, MONTHS, MONTH_ENDS, compactOf, isoOf } from './calendar.js';
import { clientDetail } from './clients.js';
import { csvLine, yuanText } from './csv.js';
import { formatRecord, holdingsLayout } from './fixed-width.js';
import {
  ASSIGNMENT_CHANGE_HEADER,
  BALANCE_HEADER,
  BALANCE_PRODUCTS,
  CHANNEL_LABELS,
  CLIENT_FOOTER_LABEL,
  CLIENT_HEADER,
  CLIENT_PREAMBLE_PREFIX,
  CREDIT_LABEL,
  DEBIT_LABEL,
  FILES,
  GENDER_LABELS,
  ID_TYPE_LABELS,
  PRODUCT_LABELS,
  TXN_HEADER,
  WORKLOG_HEADER,
  balanceFileName,
} from './formats.js';
import { AccountNumbers, clientHoldings } from './holdings.js';
import { OUTLETS } from './org.js';
import type { TextEncoding, WrittenFile } from './sink.js';
import { TextSink, writeWholeFile } from './sink.js';
import { buildTargets } from './targets.js';
import type { Txn } from './transactions.js';
import { clientMonthTxns, debitCardNo, formatTxnTime, txnRef } from './transactions.js';
import { orgSheet, rosterSheet, targetsSheet } from './workbooks.js';
import type { Contact } from './worklog.js';
import { clientMonthContacts, formatContactTime } from './worklog.js';
import type { DemoWorld } from './world.js';
import { buildWorld } from './world.js';
import { buildXlsx } from '../xlsx/build-xlsx.js';

const log = createLogger('demo.extracts');

export interface ExtractOptions {
  onProgress?: (p: Progress) => void;
  signal?: CancelSignal;
}

/** Clients between flush/cancel checks; a few hundred kilobytes of text. */
const CHUNK = 4_000;

interface Run {
  dir: string;
  world: DemoWorld;
  signal: CancelSignal;
  progress: (p: Progress) => void;
  files: WrittenFile[];
}

/** Opens a text file, lets `body` fill it, and always releases the handle. */
async function textFile(run: Run, name: string, encoding: TextEncoding, body: (sink: TextSink) => Promise<void>): Promise<void> {
  const sink = TextSink.open(run.dir, name, encoding);
  try {
    await body(sink);
  } catch (e) {
    sink.abandon();
    throw e;
  }
  run.files.push(sink.close());
}

/** Between chunks: let other work (a cancel request) in, honour a cancel, report progress. */
async function checkpoint(run: Run, phase: DemoPhase, done: number, total: number): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  throwIfCancelled(run.signal);
  run.progress({ phase, done, total });
}

function staffNoOf(run: Run, manager: number): string {
  return manager < 0 ? '' : (run.world.roster.managers[manager]?.staffNo ?? '');
}

async function writeClients(run: Run): Promise<void> {
  const { profiles, params } = run.world;
  await textFile(run, FILES.clients, 'gbk', async (sink) => {
    await checkpoint(run, 'extracts:clients', 0, profiles.length);
    sink.write(csvLine([`${CLIENT_PREAMBLE_PREFIX}${AS_OF}`]));
    sink.write(csvLine(CLIENT_HEADER));
    let previousPhone = '';
    for (const p of profiles) {
      const d = clientDetail(params.seed, p, previousPhone);
      if (d.phone !== '') previousPhone = d.phone;
      sink.write(
        csvLine([
          p.clientNo,
          d.name,
          ID_TYPE_LABELS[d.idType],
          d.idNo,
          d.phone,
          GENDER_LABELS[p.gender],
          compactOf(p.birthDay),
          compactOf(p.openDay),
          OUTLETS[p.outlet]?.code ?? '',
          staffNoOf(run, p.manager),
          p.manager < 0 ? '' : compactOf(p.managedSince),
        ]),
      );
      if (p.index % CHUNK === CHUNK - 1) await checkpoint(run, 'extracts:clients', p.index + 1, profiles.length);
    }
    sink.write(csvLine([CLIENT_FOOTER_LABEL, profiles.length.toString()]));
    await checkpoint(run, 'extracts:clients', profiles.length, profiles.length);
  });
}

async function writeBalances(run: Run, sim: BalanceSimulator): Promise<void> {
  const { profiles } = run.world;
  const labels = BALANCE_PRODUCTS.map((k) => PRODUCT_LABELS[k]);
  const total = MONTHS * profiles.length;
  await checkpoint(run, 'extracts:balances', 0, total);
  for (let m = 0; m < MONTHS; m++) {
    const asOf = MONTH_ENDS[m] ?? AS_OF;
    await textFile(run, balanceFileName(asOf), 'utf-8-bom', async (sink) => {
      sink.write(csvLine(BALANCE_HEADER));
      for (let i = 0; i < profiles.length; i++) {
        const prefix = `${profiles[i]?.clientNo ?? ''},${asOf},`;
        sim.month(m, i, (k, point, avg) => sink.write(`${prefix}${labels[k] ?? ''},${yuanText(point)},${yuanText(avg)}\r\n`));
        if (i % CHUNK === CHUNK - 1) await checkpoint(run, 'extracts:balances', m * profiles.length + i + 1, total);
      }
    });
  }
  await checkpoint(run, 'extracts:balances', total, total);
}

async function writeHoldings(run: Run, sim: BalanceSimulator): Promise<void> {
  const { profiles, params } = run.world;
  const layout = holdingsLayout(FILES.holdings, AS_OF);
  const accounts = new AccountNumbers();
  await textFile(run, FILES.holdings, 'gbk', async (sink) => {
    await checkpoint(run, 'extracts:holdings', 0, profiles.length);
    for (const p of profiles) {
      for (const h of clientHoldings(params.seed, p, sim, accounts)) {
        const record = formatRecord(layout, {
          account_no: h.accountNo,
          client_no: p.clientNo,
          product_class: h.classCode,
          product_code: h.productCode,
          product_name: h.productName,
          currency: 'CNY',
          amount: h.amountFen,
          open_date: compactOf(h.openDay),
          maturity_date: h.maturityDay === null ? '' : compactOf(h.maturityDay),
          status: h.closed ? '1' : '0',
        });
        sink.write(`${record}\r\n`);
      }
      if (p.index % CHUNK === CHUNK - 1) await checkpoint(run, 'extracts:holdings', p.index + 1, profiles.length);
    }
    await checkpoint(run, 'extracts:holdings', profiles.length, profiles.length);
  });
  run.files.push(await writeWholeFile(run.dir, FILES.holdingsLayout, Buffer.from(`${JSON.stringify(layout, null, 2)}\n`, 'utf8')));
}

async function writeTransactions(run: Run): Promise<void> {
  const { profiles, params } = run.world;
  let seq = 0;
  await textFile(run, FILES.transactions, 'utf-8', async (sink) => {
    sink.write(csvLine(TXN_HEADER));
    await checkpoint(run, 'extracts:transactions', 0, MONTHS);
    for (let m = 0; m < MONTHS; m++) {
      const month: Txn[] = [];
      for (const p of profiles) clientMonthTxns(params.seed, p, m, month);
      month.sort((a, b) => a.at - b.at || a.client - b.client);
      for (const t of month) {
        const p = profiles[t.client];
        if (p === undefined) continue;
        sink.write(
          csvLine([txnRef(t, ++seq), formatTxnTime(t), p.clientNo, debitCardNo(p), t.credit ? CREDIT_LABEL : DEBIT_LABEL, yuanText(t.amountFen), t.channel, t.summary, t.counterparty]),
        );
      }
      await checkpoint(run, 'extracts:transactions', m + 1, MONTHS);
    }
  });
}

async function writeWorklog(run: Run): Promise<void> {
  const { profiles, params, roster } = run.world;
  let seq = 0;
  await textFile(run, FILES.worklog, 'utf-8', async (sink) => {
    sink.write(csvLine(WORKLOG_HEADER));
    await checkpoint(run, 'extracts:worklog', 0, MONTHS);
    for (let m = 0; m < MONTHS; m++) {
      const month: Contact[] = [];
      for (const p of profiles) clientMonthContacts(params.seed, p, roster, m, month);
      month.sort((a, b) => a.at - b.at || a.client - b.client);
      for (const c of month) {
        sink.write(
          csvLine([
            `WL${compactOf(c.day)}${(++seq).toString().padStart(6, '0')}`,
            profiles[c.client]?.clientNo ?? '',
            staffNoOf(run, c.manager),
            formatContactTime(c),
            CHANNEL_LABELS[c.channel],
            c.purpose,
            c.outcome,
            c.nextStep,
            c.followUpDay === null ? '' : isoOf(c.followUpDay),
          ]),
        );
      }
      await checkpoint(run, 'extracts:worklog', m + 1, MONTHS);
    }
  });
}

/** Handovers during the year (the client file only knows the current manager). */
async function writeAssignmentChanges(run: Run): Promise<void> {
  await textFile(run, FILES.assignmentChanges, 'utf-8-bom', (sink) => {
    sink.write(csvLine(ASSIGNMENT_CHANGE_HEADER));
    for (const p of run.world.profiles) {
      if (p.prevManager < 0) continue;
      // The previous manager looked after the client since it opened, or since the history window began.
      const since = Math.max(p.openDay, HISTORY_START_DAY);
      sink.write(csvLine([p.clientNo, staffNoOf(run, p.prevManager), staffNoOf(run, p.manager), isoOf(p.managedSince), isoOf(since), '客户经理调动，管户移交']));
    }
    return Promise.resolve();
  });
}

/**
 * Writes the demo branch as the extracts a core-banking system would hand over (see formats.ts).
 * Same input, same bytes: everything derives from the seed and the fixed as-of date.
 */
export async function writeDemoExtracts(outDir: string, input: z.input<typeof demoInput>, opts: ExtractOptions = {}): Promise<WrittenFile[]> {
  const params = demoInput.parse(input);
  await fs.promises.mkdir(outDir, { recursive: true });
  const run: Run = {
    dir: outDir,
    world: buildWorld(params),
    signal: opts.signal ?? new AbortController().signal,
    progress: opts.onProgress ?? ((): void => undefined),
    files: [],
  };
  log.info('writing demo extracts', { outDir, ...params });
  run.files.push(await writeWholeFile(outDir, FILES.orgUnits, buildXlsx([orgSheet()])));
  run.files.push(await writeWholeFile(outDir, FILES.managers, buildXlsx([rosterSheet(run.world.roster)])));
  await writeClients(run);
  const sim = new BalanceSimulator(params.seed, run.world.profiles, OUTLETS.length);
  await writeBalances(run, sim);
  await writeHoldings(run, sim);
  await writeTransactions(run);
  await writeWorklog(run);
  await writeAssignmentChanges(run);
  const targets = buildTargets(params.seed, run.world.profiles, sim);
  run.files.push(await writeWholeFile(outDir, FILES.targets, buildXlsx([targetsSheet(targets)])));
  return run.files;
}
