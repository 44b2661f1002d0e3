import { Unzip, UnzipInflate } from 'fflate';
import type { SourceFile } from './source-file.js';

function decodeXmlAttr(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/**
 * The worksheet names of a workbook, in order, read from xl/workbook.xml while streaming the zip:
 * no other entry is inflated, so a large workbook costs one pass over its bytes.
 */
export async function listSheets(file: SourceFile): Promise<string[]> {
  const chunks: Uint8Array[] = [];
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (entry) => {
    if (entry.name !== 'xl/workbook.xml') return;
    entry.ondata = (err, data) => {
      if (err === null) chunks.push(data);
    };
    entry.start();
  };
  for await (const chunk of file.open()) unzip.push(chunk as Uint8Array);
  unzip.push(new Uint8Array(0), true);
  const xml = new TextDecoder().decode(Buffer.concat(chunks));
  return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => decodeXmlAttr(m[1] ?? ''));
}
