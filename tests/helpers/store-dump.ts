import crypto from 'node:crypto';
import type { Database } from '../../electron/store/sqlite.js';

export interface TableDump {
  rows: number;
  sha256: string;
}

/** A cell as stable text: blobs as hex, so equal data always gives equal text. */
function cellText(v: unknown): string {
  if (Buffer.isBuffer(v)) return `x'${v.toString('hex')}'`;
  return JSON.stringify(typeof v === 'bigint' ? v.toString() : v);
}

function orderBy(db: Database, table: string): string {
  const withoutRowid = /WITHOUT\s+ROWID/i.test((db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) as string | null) ?? '');
  if (!withoutRowid) return 'rowid';
  const pk = (db.pragma(`table_info("${table}")`) as Array<{ name: string; pk: number }>).filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  return pk.map((c) => `"${c.name}"`).join(', ');
}

/**
 * Every table's rows in a fixed order (rowid, or the primary key of a WITHOUT ROWID table), hashed: two stores
 * with equal dumps hold the same data row for row and value for value, whatever their pages look like.
 */
export function dumpStore(db: Database): Record<string, TableDump> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const dump: Record<string, TableDump> = {
    '(schema)': { rows: 0, sha256: crypto.createHash('sha256').update(JSON.stringify(db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').raw().all())).digest('hex') },
  };
  for (const table of tables) {
    const hash = crypto.createHash('sha256');
    let rows = 0;
    const stmt = db.prepare(`SELECT * FROM "${table}" ORDER BY ${orderBy(db, table)}`).raw().safeIntegers();
    for (const row of stmt.iterate() as Iterable<unknown[]>) {
      hash.update(`${row.map(cellText).join('\t')}\n`);
      rows++;
    }
    dump[table] = { rows, sha256: hash.digest('hex') };
  }
  return dump;
}
