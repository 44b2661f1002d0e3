/**
 * The only module that names the SQLite driver. better-sqlite3-multiple-ciphers keeps the
 * better-sqlite3 API and adds SQLCipher-compatible encryption for the security work.
 */
import DatabaseConstructor from 'better-sqlite3-multiple-ciphers';

export type Database = DatabaseConstructor.Database;
export type Statement = DatabaseConstructor.Statement;
export const Sqlite = DatabaseConstructor;

/** The extended SQLite result code of a driver error ('SQLITE_BUSY', 'SQLITE_CONSTRAINT_UNIQUE' …), or null. */
export function sqliteCode(e: unknown): string | null {
  return typeof e === 'object' && e !== null && 'code' in e && typeof (e).code === 'string' ? (e as { code: string }).code : null;
}
