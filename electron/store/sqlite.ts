/**
 * The only module that names the SQLite driver. better-sqlite3-multiple-ciphers keeps the
 * better-sqlite3 API and adds SQLCipher-compatible encryption for the security work.
 */
import DatabaseConstructor from 'better-sqlite3-multiple-ciphers';

export type Database = DatabaseConstructor.Database;
export type Statement = DatabaseConstructor.Statement;
export const Sqlite = DatabaseConstructor;
