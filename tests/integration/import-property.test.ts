import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/app.js';
import { adminSession } from '../helpers/import.js';

/** Random, often malformed client files: the pipeline answers with a value, and commits all of a batch or nothing. */
let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp('import-property');
});
afterAll(() => t.cleanup());

const HEADER = '客户号,客户名称,证件号码,手机号,开户日期';
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '"', '""', '="C1"', '合计', '11010519491231002X', '110105194912310021', '13812345678', '2026-02-30', '20261031', '\t', '\r', '，'),
);
const line = fc.array(cell, { minLength: 0, maxLength: 7 }).map((cells) => cells.join(','));
const file = fc.tuple(fc.array(line, { maxLength: 3 }), fc.boolean(), fc.array(line, { maxLength: 25 }), fc.constantFrom('\r\n', '\n')).map(
  ([preamble, withHeader, rows, eol]) => [...preamble, ...(withHeader ? [HEADER] : []), ...rows].join(eol),
);

const count = (sql: string): number => (t.app.services.store.db.prepare(sql).get() as { n: number }).n;

describe('import on random input', () => {
  it('never fails with an internal error and never leaves a partial batch', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(file, fc.constantFrom('reject' as const, 'skip' as const), async (text, onError) => {
        const f = path.join(t.dir, `random-${n++}.csv`);
        fs.writeFileSync(f, text);
        const clientsBefore = count('SELECT count(*) n FROM client');
        const batchesBefore = count('SELECT count(*) n FROM import_batch');
        const source = { type: 'path' as const, path: f };
        const mapping = { clientNo: 0, name: 1, idNo: 2, phone: 3, openDate: 4 };
        const r = await t.app.dispatcher.invoke('import.commit', { source, kind: 'clients', mapping, onError }, { session: adminSession });
        if (!r.ok) {
          expect(['IMPORT_INVALID', 'INVALID_INPUT']).toContain(r.error.code);
          expect(count('SELECT count(*) n FROM client')).toBe(clientsBefore);
          expect(count('SELECT count(*) n FROM import_batch')).toBe(batchesBefore);
          return;
        }
        const b = r.value;
        if (b.noop === true) return;
        // The rows carrying this batch are exactly those it inserted or changed (no manager column is mapped,
        // so every change is to the client row itself).
        expect(count(`SELECT count(*) n FROM client WHERE batch_id = ${b.id}`)).toBe(b.inserted + b.updated);
        expect(b.inserted + b.updated + b.unchanged + b.rejected).toBe(b.rowsRead);
        if (onError === 'reject') expect(b.rejected).toBe(0);
      }),
      { numRuns: 60 },
    );
    expect(t.app.services.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 180_000);
});
