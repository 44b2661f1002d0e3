import type { LocalizedText } from '../../shared/i18n/locale.js';
import { ZipEntryError, readCentralDirectory } from '../zip/central-directory.js';
import type { ZipArchive } from '../zip/central-directory.js';
import { checkCrc, inflateEntry } from '../zip/inflate.js';

/**
 * The verifier's reading of a zip (the package, and the .xlsx inside it), on top of electron/zip/: every
 * central-directory entry with its raw name (an entry named `../x` or `/etc/x` is reported, never resolved),
 * duplicate names, and each member that cannot be read — encrypted, zip64, a CRC-32 or size that does not match,
 * a member that would inflate past what it declares — reported next to the others instead of stopping the read.
 */
export interface ZipEntry {
  name: string;
  /** The member's bytes; null when they could not be read (see the issues). */
  data: Buffer | null;
  directory: boolean;
}

export type ZipIssue =
  | { kind: 'unsafe_path'; name: string }
  | { kind: 'duplicate'; name: string }
  | { kind: 'corrupt'; name: string; detail: LocalizedText };

export interface ZipContents {
  /** Set when the archive as a whole cannot be read: nothing else is then reported. */
  fatal: string | null;
  entries: ZipEntry[];
  issues: ZipIssue[];
}

const MAX_ENTRIES = 10_000;
/** Largest member the reader inflates (the 200,000-client credited-clients CSV is about 40 MB). */
export const MAX_MEMBER_BYTES = 1 << 30;

/** A path inside an archive that stays inside it: relative, forward slashes, no `.`/`..` segments, no drive. */
export function isSafeZipPath(name: string): boolean {
  if (name === '' || name.length > 400) return false;
  if (name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return false;
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  return segments.every((s) => s !== '' && s !== '.' && s !== '..');
}

/** Reads every entry of a zip archive; never throws. */
export function readZip(bytes: Uint8Array): ZipContents {
  let archive: ZipArchive;
  try {
    archive = readCentralDirectory(bytes, { maxEntries: MAX_ENTRIES });
  } catch (e) {
    return { fatal: e instanceof Error ? e.message : String(e), entries: [], issues: [] };
  }
  const entries: ZipEntry[] = [];
  const issues: ZipIssue[] = [];
  const seen = new Set<string>();
  for (const record of archive.entries) {
    const { name } = record;
    if (!isSafeZipPath(name)) issues.push({ kind: 'unsafe_path', name });
    if (seen.has(name)) issues.push({ kind: 'duplicate', name });
    seen.add(name);
    const entry: ZipEntry = { name, data: null, directory: name.endsWith('/') };
    entries.push(entry);
    try {
      // Keep the data for the hash check even when its CRC fails (a stored member flipped in place still hashes).
      entry.data = inflateEntry(record, MAX_MEMBER_BYTES);
      checkCrc(record, entry.data);
    } catch (e) {
      issues.push({ kind: 'corrupt', name, detail: e instanceof ZipEntryError ? e.detail : { zh: String(e), en: String(e) } });
    }
  }
  return { fatal: null, entries, issues };
}
