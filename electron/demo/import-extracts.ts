import fs from 'node:fs';
import path from 'node:path';
import type { Progress } from '../../shared/api/contract.js';
import type { ImportBatchInfo, ImportOptions } from '../../shared/api/ops/import.js';
import type { ImportKind } from '../../shared/import/kinds.js';
import { KIND_FIELDS } from '../../shared/import/kinds.js';
import { inspectFile } from '../import/inspect.js';
import { runImport } from '../import/run-import.js';
import { resolveSource } from '../import/source-file.js';
import { AppError } from '../platform/app-error.js';
import type { CancelSignal } from '../platform/cancel.js';
import type { Clock } from '../platform/clock.js';
import type { Store } from '../store/store.js';
import { createLogger } from '../platform/log.js';
import { FILES } from './formats.js';

const log = createLogger('demo.import');

export interface ImportExtractsOptions {
  clock: Clock;
  userName: string;
  signal: CancelSignal;
  onProgress: (p: Progress) => void;
}

/** One extract and how a branch would import it. */
interface Step {
  kind: ImportKind;
  file: string;
  options: ImportOptions;
}

/** The extracts in the order a branch receives them: reference data, clients, then everything that refers to them. */
function steps(dir: string): Step[] {
  const names = fs.readdirSync(dir).sort();
  const layout = JSON.parse(fs.readFileSync(path.join(dir, FILES.holdingsLayout), 'utf8')) as unknown;
  const plain = (kind: ImportKind, file: string): Step => ({ kind, file, options: { amountUnit: 'yuan' } });
  return [
    plain('org_units', FILES.orgUnits),
    plain('managers', FILES.managers),
    plain('clients', FILES.clients),
    ...names.filter((n) => /^balances_\d{8}\.csv$/.test(n)).map((n) => plain('balances', n)),
    { kind: 'holdings', file: FILES.holdings, options: { amountUnit: 'yuan', layout } },
    plain('transactions', FILES.transactions),
    plain('worklog', FILES.worklog),
    plain('assignments', FILES.assignmentChanges),
    plain('targets', FILES.targets),
  ];
}

/**
 * Imports a folder of demo extracts through the import pipeline — detection, suggested mapping, validation,
 * commit — exactly as a user's files would go. The caller holds one transaction around it, so each batch is a
 * savepoint and a cancel or error anywhere leaves the store as it was. Every batch must import without a
 * rejected row: the demo is also a test of the pipeline on the formats it claims to read.
 */
export async function importDemoExtracts(store: Store, dir: string, opts: ImportExtractsOptions): Promise<ImportBatchInfo[]> {
  const batches: ImportBatchInfo[] = [];
  for (const step of steps(dir)) {
    const phase = `import:${step.kind}`;
    const started = performance.now();
    opts.onProgress({ phase, done: 0 });
    const file = resolveSource({ type: 'path', path: path.join(dir, step.file) }, null);
    const inspection = await inspectFile(store, file, step.kind, step.options);
    const missing = KIND_FIELDS[step.kind].filter((f) => f.required && inspection.mapping[f.key] === undefined);
    if (missing.length > 0) throw new Error(`demo extract ${step.file}: no column for ${missing.map((f) => f.key).join(', ')}`);
    const result = await runImport(
      file,
      { kind: step.kind, mapping: inspection.mapping, options: step.options, onError: 'reject', commit: true },
      { store, clock: opts.clock, userName: opts.userName, signal: opts.signal, progress: (p) => opts.onProgress({ phase, done: p.done }) },
    );
    const batch = result.batch;
    if (batch === null || batch.rejected > 0) {
      throw new AppError('INTERNAL', { zh: `演示文件 ${step.file} 未能完整导入`, en: `The demo extract ${step.file} did not import cleanly` });
    }
    batches.push(batch);
    log.info('extract imported', { file: step.file, rows: batch.rowsRead, ms: Math.round(performance.now() - started) });
  }
  return batches;
}
