/**
 * What kind of file this is, from its first bytes, never from its extension alone
 * (hxsec's ".xls" exports are tab-separated GBK text).
 */
export type FileFormat = 'xlsx' | 'xls' | 'ole-encrypted' | 'zip' | 'text';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'ascii');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/**
 * `head` should be the first few KB. An encrypted OOXML workbook is an OLE container holding an
 * "EncryptionInfo" stream (names stored as UTF-16), so it is told apart from a legacy BIFF .xls.
 */
export function detectFormat(head: Uint8Array): FileFormat {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    return containsAscii(head, '[Content_Types].xml') || containsAscii(head, 'xl/') ? 'xlsx' : 'zip';
  }
  if (startsWith(head, OLE_MAGIC)) {
    const utf16 = (s: string): string => [...s].map((c) => `${c}\0`).join('');
    return containsAscii(head, utf16('EncryptionInfo')) || containsAscii(head, utf16('EncryptedPackage')) ? 'ole-encrypted' : 'xls';
  }
  return 'text';
}
