// A GBK encoder for benchmark data: the reverse of the platform's GBK decoder, built once.
export function makeGbkEncoder() {
  const table = new Map();
  const dec = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return (text) => {
    const out = [];
    for (const ch of text) {
      const c = ch.charCodeAt(0);
      if (c < 0x80) out.push(c);
      else out.push(...(table.get(ch) ?? [0x3f]));
    }
    return Buffer.from(out);
  };
}
