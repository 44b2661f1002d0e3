import fs from 'node:fs';
import path from 'node:path';
import type { Progress } from '../../shared/api/contract.js';
import type { ImportOptions } from '../../shared/api/ops/import.js';
import { IMPORT_KINDS } from '../../shared/import/kinds.js';
import type { ImportKind } from '../../shared/import/kinds.js';
import { createApp } from '../app.js';
import { localAdminSession } from '../api/types.js';
import type { CommonFlags, Flags } from './commands.js';
import { storeFileOf, unwrap, workerFileOf, passphraseFromEnv } from './commands.js';
import type { Output } from './output.js';
import { UsageError } from './output.js';

/** A mapping file: {"field": "header name" | column number (0-based)}. */
function readMappingFile(file: string, headers: readonly string[]): Record<string, number> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--mapping ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof raw !== 'object' || raw === null) throw new UsageError(`--mapping ${file}: expected a JSON object`);
  const mapping: Record<string, number> = {};
  for (const [field, value] of Object.entries(raw)) {
    const index = typeof value === 'number' ? value : headers.indexOf(String(value));
    if (index < 0) throw new UsageError(`--mapping ${file}: column “${String(value)}” for ${field} is not in the file's header`);
    mapping[field] = index;
  }
  return mapping;
}

function progressLine(p: Progress): void {
  process.stderr.write(`\r${p.phase}: ${p.done}${p.total !== undefined ? `/${p.total}` : ''}   `);
}

/** `branch-workbench import --kind K FILE`: detect → map → commit as one batch, through the same API as the wizard. */
export async function runImportCommand(common: CommonFlags, flags: Flags, files: string[], out: Output): Promise<boolean> {
  const kind = flags['kind'];
  if (typeof kind !== 'string' || !(IMPORT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of: ${IMPORT_KINDS.join(', ')}`);
  const file = files[0];
  if (file === undefined || files.length > 1) throw new UsageError('import takes exactly one FILE');
  const onError = flags['on-error'] ?? 'reject';
  if (onError !== 'reject' && onError !== 'skip') throw new UsageError('--on-error must be reject or skip');
  const options: ImportOptions = {};
  if (typeof flags['as-of'] === 'string') options.asOf = flags['as-of'];
  if (typeof flags['encoding'] === 'string') options.encoding = flags['encoding'];
  if (typeof flags['sheet'] === 'string') options.sheet = /^\d+$/.test(flags['sheet']) ? Number(flags['sheet']) : flags['sheet'];
  if (typeof flags['unit'] === 'string') options.amountUnit = flags['unit'] === 'wan' ? 'wan' : 'yuan';
  if (typeof flags['layout'] === 'string') options.layout = JSON.parse(fs.readFileSync(flags['layout'], 'utf8')) as unknown;

  const app = createApp({ storeFile: storeFileOf(common), mode: 'cli', workerFile: workerFileOf(), passphrase: passphraseFromEnv(storeFileOf(common)) });
  try {
    const session = localAdminSession();
    const source = { type: 'path' as const, path: path.resolve(file) };
    const profile = typeof flags['profile'] === 'string' ? flags['profile'] : undefined;
    const inspection = unwrap(await app.dispatcher.invoke('import.inspect', { source, kind: kind as ImportKind, options, ...(profile !== undefined ? { profile } : {}) }, { session }));
    const mapping = typeof flags['mapping'] === 'string' ? readMappingFile(flags['mapping'], inspection.headers) : inspection.mapping;
    const expected = flags['expected-rows'];
    const started = performance.now();
    const result = await app.dispatcher.invoke(
      'import.commit',
      { source, kind: kind as ImportKind, mapping, options, onError, ...(typeof expected === 'string' ? { expectedRows: Number(expected) } : {}) },
      out.json ? { session } : { session, onProgress: progressLine },
    );
    if (!out.json) process.stderr.write('\n');
    if (!result.ok) {
      const problems = result.error.details?.problems ?? [];
      for (const p of problems.slice(0, 20)) process.stderr.write(`  ${p.file ?? file} 行 row ${p.row ?? '?'} 列 column ${p.column ?? '?'} 值 value “${p.value ?? ''}”: ${p.message}\n`);
      if (problems.length > 20) process.stderr.write(`  … ${problems.length - 20} more\n`);
      unwrap(result);
      return false;
    }
    // The commit alone (worker start, its open of the store, the import and the COMMIT), with the store already open
    // in this process: what the encryption benchmark compares.
    const commitMs = Math.round(performance.now() - started);
    const b = result.value;
    out.result(
      { inspection: { format: inspection.format, encoding: inspection.encoding, headerRecord: inspection.headerRecord, mapping }, batch: b, commitMs },
      b.noop === true
        ? `同一文件已导入（批次 #${b.id}），未做任何更改 / Same file already imported as batch #${b.id}; nothing changed`
        : `批次 #${b.id} 已导入 Batch #${b.id} committed (${b.kind}, v${b.version}${b.asOf !== null ? `, as of ${b.asOf}` : ''}): ` +
            `read ${b.rowsRead}, new ${b.inserted}, changed ${b.updated}, unchanged ${b.unchanged}, rejected ${b.rejected}`,
    );
    return true;
  } finally {
    app.close();
  }
}
