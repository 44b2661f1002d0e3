import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/api/errors.js';
import type { ImportPreview, ImportRowError } from '../../shared/api/ops/import.js';
import { errorsByColumn, groupByColumn, previewErrorLines, problemsOf } from '../../renderer/src/pages/import/errors.js';
import { encodingName, formatSize } from '../../renderer/src/pages/import/labels.js';
import { formatDuration, rateStats } from '../../renderer/src/pages/import/rate.js';

describe('import progress figures', () => {
  it('computes rate, elapsed, time left and percent', () => {
    expect(rateStats({ startedAt: 1000, now: 3000, done: 500, total: 2000 })).toEqual({
      elapsedMs: 2000,
      rowsPerSecond: 250,
      remainingMs: 6000,
      percent: 25,
    });
  });

  it('gives no rate in the first instant and no time left without a total', () => {
    expect(rateStats({ startedAt: 0, now: 100, done: 50, total: 100 })).toMatchObject({ rowsPerSecond: null, remainingMs: null, percent: 50 });
    expect(rateStats({ startedAt: 0, now: 1000, done: 50, total: null })).toMatchObject({ rowsPerSecond: 50, remainingMs: null, percent: null });
    expect(rateStats({ startedAt: 0, now: 1000, done: 150, total: 100 }).percent).toBe(100);
    expect(rateStats({ startedAt: 5, now: 1, done: 0, total: 0 })).toMatchObject({ elapsedMs: 0, percent: null });
  });

  it('formats durations as m:ss or h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('names encodings and sizes the way users read them', () => {
    expect(encodingName('gb18030')).toBe('GB18030 (GBK)');
    expect(encodingName('UTF-8')).toBe('UTF-8');
    expect(encodingName('big5')).toBe('BIG5');
    expect(formatSize(512, 'en')).toBe('512 B');
    expect(formatSize(10_136, 'en')).toBe('9.9 KB');
  });
});

describe('import error grouping', () => {
  const reason = (zh: string) => ({ zh, en: zh });
  const preview: ImportPreview = {
    headers: ['客户号', '证件号码'],
    rows: [
      { record: 4, cells: ['1', 'x'], errors: [{ columnIndex: 1, field: 'idNo', reason: reason('校验位错误') }] },
      { record: 3, cells: ['2', 'y'], errors: [] },
      { record: 5, cells: ['', 'z'], errors: [{ columnIndex: null, field: 'clientNo', reason: reason('重复') }, { columnIndex: 1, field: 'idNo', reason: reason('应为18位') }] },
    ],
    skipped: [],
  };

  it('puts each preview error on its cell, and row-level ones apart', () => {
    const [first, , third] = preview.rows;
    expect(first === undefined ? [] : [...errorsByColumn(first)]).toEqual([[1, [reason('校验位错误')]]]);
    expect(third === undefined ? null : errorsByColumn(third).get(null)).toEqual([reason('重复')]);
  });

  it('lists preview errors in file order, naming the file’s column', () => {
    expect(previewErrorLines(preview).map((l) => [l.record, l.column, l.reason.zh])).toEqual([
      [4, '证件号码', '校验位错误'],
      [5, 'clientNo', '重复'],
      [5, '证件号码', '应为18位'],
    ]);
  });

  it('groups plan errors by column, biggest first, with the first records', () => {
    const e = (record: number, column: string): ImportRowError => ({ record, column, field: column, value: '', reason: reason('x') });
    const errors = [e(3, '手机号'), e(4, '证件号码'), e(9, '证件号码'), e(9, '证件号码'), e(12, '证件号码')];
    expect(groupByColumn(errors, 2)).toEqual([
      { column: '证件号码', count: 4, records: [4, 9] },
      { column: '手机号', count: 1, records: [3] },
    ]);
  });

  it('reads the problems of an import error, or none', () => {
    const error: ApiError = { code: 'IMPORT_INVALID', message: 'm', details: { problems: [{ file: 'a.csv', row: 6, column: '证件号码', message: 'bad' }] } };
    expect(problemsOf(error)).toHaveLength(1);
    expect(problemsOf({ code: 'INTERNAL', message: 'x' })).toEqual([]);
  });
});
