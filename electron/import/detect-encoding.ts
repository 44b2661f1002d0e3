/**
 * Text encoding of an extract: a BOM if there is one, else strict UTF-8 if the sample decodes, else GB18030
 * (a superset of GBK). Statistical detectors misjudge GBK files where Chinese is sparse; this order did not.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface EncodingGuess {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** How the guess was made, shown to the user next to the override. */
  basis: 'bom' | 'utf8-valid' | 'utf16-zeros' | 'fallback-gb18030' | 'ascii';
}

/** Drops a multi-byte UTF-8 sequence cut off at the end of the sample, so a valid file is not misjudged. */
function trimIncompleteUtf8Tail(bytes: Uint8Array): Uint8Array {
  let i = bytes.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && ((bytes[i] ?? 0) & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return bytes;
  const lead = bytes[i] ?? 0;
  const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
  return need > continuation ? bytes.subarray(0, i) : bytes;
}

function looksUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  const n = Math.min(sample.length, 4096) & ~1;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

export function detectEncoding(sample: Uint8Array): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, basis: 'bom' };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, basis: 'bom' };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, basis: 'bom' };
  const utf16 = looksUtf16(sample);
  if (utf16 !== null) return { encoding: utf16, bomLength: 0, basis: 'utf16-zeros' };
  if (sample.every((b) => b < 0x80)) return { encoding: 'utf-8', bomLength: 0, basis: 'ascii' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimIncompleteUtf8Tail(sample));
    return { encoding: 'utf-8', bomLength: 0, basis: 'utf8-valid' };
  } catch {
    return { encoding: 'gb18030', bomLength: 0, basis: 'fallback-gb18030' };
  }
}

/** Names users type for an encoding override. */
export function normalizeEncodingName(name: string): TextEncoding | null {
  const n = name.trim().toLowerCase().replace(/[_\s]/g, '-');
  if (['utf-8', 'utf8', 'utf-8-bom', 'utf8-bom'].includes(n)) return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', 'cp936', 'ansi', 'gb-2312', 'gb-18030'].includes(n)) return 'gb18030';
  if (['utf-16', 'utf-16le', 'utf16le', 'ucs-2', 'unicode'].includes(n)) return 'utf-16le';
  if (['utf-16be', 'utf16be'].includes(n)) return 'utf-16be';
  return null;
}
