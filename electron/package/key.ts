import crypto from 'node:crypto';
import type { LocalizedText } from '../../shared/i18n/locale.js';

/**
 * The head-office key file (docs/export-package.md): UTF-8 text; lines starting with `#` are comments; the rest,
 * with all whitespace removed, is the key as `hex:…`, `base64:…`, or bare — bare text of hex digits only is read
 * as hex, anything else as base64 (standard or URL-safe alphabet). The key must be at least 32 bytes. Example:
 *
 *   # 南京分行 上报包签名密钥 2026
 *   hex:5f0c…(64 or more hex digits)
 */
export const MIN_KEY_BYTES = 32;

export interface PackageKey {
  bytes: Buffer;
  /** First 16 hex digits of the key's SHA-256: names the key in a signature without revealing it. */
  id: string;
}

export type ParsedKey = { ok: true; key: PackageKey } | { ok: false; message: LocalizedText };

const bad = (zh: string, en: string): ParsedKey => ({ ok: false, message: { zh, en } });

export function keyId(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

function decode(body: string): Buffer | null {
  const m = /^(hex|base64):(.*)$/i.exec(body);
  const form = m?.[1]?.toLowerCase() ?? (/^[0-9a-fA-F]+$/.test(body) ? 'hex' : 'base64');
  const text = m?.[2] ?? body;
  if (form === 'hex') return /^([0-9a-fA-F]{2})+$/.test(text) ? Buffer.from(text, 'hex') : null;
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(standard)) return null;
  const padded = standard.padEnd(Math.ceil(standard.length / 4) * 4, '=');
  const bytes = Buffer.from(padded, 'base64');
  // Buffer's decoder skips what it cannot read; a round trip proves every character was key material.
  return bytes.toString('base64').replace(/=+$/, '') === padded.replace(/=+$/, '') ? bytes : null;
}

export function parseKeyFile(text: string): ParsedKey {
  const body = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('')
    .replace(/\s+/g, '');
  if (body === '') return bad('密钥文件是空的', 'The key file holds no key');
  const bytes = decode(body);
  if (bytes === null) return bad('密钥文件不是十六进制或 Base64 文本', 'The key file is neither hex nor base64 text');
  if (bytes.length < MIN_KEY_BYTES) {
    return bad(`密钥只有 ${bytes.length} 字节，至少需要 ${MIN_KEY_BYTES} 字节`, `The key has ${bytes.length} bytes; at least ${MIN_KEY_BYTES} are needed`);
  }
  return { ok: true, key: { bytes, id: keyId(bytes) } };
}

/** A new random key in the file format above (for head office to issue). */
export function newKeyFile(label: string, bytes: Buffer = crypto.randomBytes(MIN_KEY_BYTES)): string {
  return `# Branch Workbench package key (HMAC-SHA256) · ${label.replace(/[\r\n]+/g, ' ')}\n# key id ${keyId(bytes)}\nhex:${bytes.toString('hex')}\n`;
}

export function hmacHex(key: PackageKey, data: Uint8Array): string {
  return crypto.createHmac('sha256', key.bytes).update(data).digest('hex');
}
