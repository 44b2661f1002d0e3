/**
 * A GBK encoder. Node decodes GBK (WHATWG's gb18030 decoder) but cannot encode it, so the reverse
 * table is built once by decoding every two-byte code; it takes a few milliseconds.
 */
let table: Uint16Array | null = null;

function reverseTable(): Uint16Array {
  if (table !== null) return table;
  const t = new Uint16Array(65_536);
  const decoder = new TextDecoder('gbk');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const s = decoder.decode(pair);
      if (s.length !== 1) continue;
      const code = s.charCodeAt(0);
      if (code >= 0x80 && code !== 0xfffd && t[code] === 0) t[code] = (lead << 8) | trail;
    }
  }
  table = t;
  return t;
}

/** Encodes text as GBK; characters GBK lacks become '?'. */
export function encodeGbk(text: string): Uint8Array {
  const { bytes } = encodeGbkInto(text, new Uint8Array(text.length * 2), 0);
  return bytes;
}

/** Encodes into `out` from `offset` (which must have room for 2 bytes per character). */
export function encodeGbkInto(text: string, out: Uint8Array, offset: number): { end: number; bytes: Uint8Array } {
  const t = reverseTable();
  let j = offset;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[j++] = c;
      continue;
    }
    const g = t[c] ?? 0;
    if (g === 0) {
      out[j++] = 0x3f;
    } else {
      out[j++] = g >> 8;
      out[j++] = g & 0xff;
    }
  }
  return { end: j, bytes: out.subarray(offset, j) };
}

export function canEncodeGbk(text: string): boolean {
  const t = reverseTable();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && (t[c] ?? 0) === 0) return false;
  }
  return true;
}

/** Bytes the text takes in GBK (1 for ASCII, 2 for everything else it can encode). */
export function gbkByteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) n += text.charCodeAt(i) < 0x80 ? 1 : 2;
  return n;
}
