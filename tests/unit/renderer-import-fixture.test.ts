import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLIENTS_GBK_BAD_ROW,
  CLIENTS_GBK_FILE,
  CLIENTS_GBK_ROWS,
  clientsGbkBytes,
  clientsGbkRows,
  idCheckChar,
} from '../fixtures/import/clients-gbk.js';

const file = path.resolve('tests/fixtures/import', CLIENTS_GBK_FILE);

describe('the GBK client fixture of the import wizard', () => {
  if (process.env['BW_WRITE_FIXTURES'] === '1') fs.writeFileSync(file, clientsGbkBytes());

  it('is committed exactly as its builder makes it', () => {
    expect(Buffer.from(fs.readFileSync(file)).equals(Buffer.from(clientsGbkBytes()))).toBe(true);
  });

  it('is GBK (not UTF-8) with a preamble, the header on line 2 and a 合计 footer', () => {
    const bytes = fs.readFileSync(file);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const lines = new TextDecoder('gbk').decode(bytes).trimEnd().split('\r\n');
    expect(lines[0]).toBe('数据日期：2026-10-31');
    expect(lines[1]?.startsWith('客户号,客户名称')).toBe(true);
    expect(lines.at(-1)).toBe(`合计,${CLIENTS_GBK_ROWS}`);
    expect(lines).toHaveLength(CLIENTS_GBK_ROWS + 3);
  });

  it('has exactly one ID number with a wrong check character', () => {
    const bad = clientsGbkRows()
      .map((r, i) => ({ i, id: r[3] ?? '' }))
      .filter(({ id }) => idCheckChar(id.slice(0, 17)) !== id[17]);
    expect(bad.map((b) => b.i)).toEqual([CLIENTS_GBK_BAD_ROW]);
  });
});
