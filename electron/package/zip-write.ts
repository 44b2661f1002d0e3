import zlib from 'node:zlib';

/**
 * Writes a plain zip archive (no zip64, no encryption, UTF-8 names) in the order given — the counterpart of
 * zip-read.ts. Members are deflated with Node's zlib (native: the 200,000-client CSV deflates in a fifth of the time
 * a JavaScript deflater takes) or stored when already compressed (the workbook, the PDF).
 */
export interface ZipMember {
  name: string;
  data: Uint8Array;
  /** Store without compressing (data that is already compressed). */
  store?: boolean;
}

const MAX_32 = 0xffffffff;

/** DOS date and time of a moment (local time, as zip tools show it; 2-second steps). */
function dosTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getFullYear(), 1980), 2107);
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

export function writeZip(members: readonly ZipMember[], modifiedAt: Date): Buffer {
  if (members.length >= 0xffff) throw new RangeError('too many zip members');
  const { time, date } = dosTime(modifiedAt);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const data = Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength);
    const method = m.store === true ? 0 : 8;
    const packed = method === 0 ? data : zlib.deflateRawSync(data, { level: 6 });
    if (data.length >= MAX_32 || packed.length >= MAX_32 || offset >= MAX_32) throw new RangeError(`${m.name} is too large for a zip without zip64`);
    const crc = zlib.crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
