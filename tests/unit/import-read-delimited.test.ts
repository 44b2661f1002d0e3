import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDelimited } from '../../electron/import/read-delimited.js';
import type { RawRow } from '../../electron/import/read-delimited.js';
import { makeTempDir } from '../helpers/temp.js';

const tmp = makeTempDir('read');
afterAll(() => tmp.cleanup());

async function readAll(file: string, opts: Parameters<typeof readDelimited>[1]): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const batch of readDelimited(file, opts)) rows.push(...batch);
  return rows;
}

describe('readDelimited', () => {
  it('keeps quoted fields with embedded newlines and delimiters whole, CRLF or LF', async () => {
    const file = path.join(tmp.dir, 'a.csv');
    for (const eol of ['\r\n', '\n']) {
      fs.writeFileSync(file, `a,b${eol}"line1\nline2","1,234.56"${eol}x,y${eol}`);
      const rows = await readAll(file, { encoding: 'utf-8', bomLength: 0, delimiter: ',' });
      expect(rows.map((r) => r.cells)).toEqual([['a', 'b'], ['line1\nline2', '1,234.56'], ['x', 'y']]);
      expect(rows.map((r) => r.record)).toEqual([1, 2, 3]);
    }
  });

  it('decodes GB18030 split across chunk boundaries', async () => {
    const file = path.join(tmp.dir, 'g.csv');
    // 张 = D5 C5, 三 = C8 FD in GBK; a tiny batch and many rows force many chunk edges.
    const row = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31, 0x0a]);
    fs.writeFileSync(file, Buffer.concat(Array.from({ length: 300_000 }, () => row)));
    let n = 0;
    for await (const batch of readDelimited(file, { encoding: 'gb18030', bomLength: 0, delimiter: ',' })) {
      for (const r of batch) {
        if (r.cells.length === 1 && r.cells[0] === '') continue;
        expect(r.cells).toEqual(['张三', '1']);
        n++;
      }
    }
    expect(n).toBe(300_000);
  });

  it('skips the BOM and reads UTF-16LE', async () => {
    const file = path.join(tmp.dir, 'u16.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('客户号;名称\nC1;李四\n', 'utf16le')]));
    const rows = await readAll(file, { encoding: 'utf-16le', bomLength: 2, delimiter: ';' });
    expect(rows[0]?.cells).toEqual(['客户号', '名称']);
    expect(rows[1]?.cells).toEqual(['C1', '李四']);
  });

  it('fails cleanly on a missing file', async () => {
    await expect(readAll(path.join(tmp.dir, 'none.csv'), { encoding: 'utf-8', bomLength: 0, delimiter: ',' })).rejects.toThrow(/ENOENT/);
  });
});
