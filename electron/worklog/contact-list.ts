import { DEFAULT_DUE_WITHIN_DAYS, addDays } from '../../shared/worklog/rules.js';
import type { ContactChannel, ContactEntry, ContactPage } from '../../shared/worklog/types.js';
import type { Store } from '../store/store.js';
import type { Reach } from './reach.js';
import { assertManagerInReach, expandUnits } from './reach.js';

const ROW_SQL = `SELECT c.id, c.client_id AS clientId, cl.client_no AS clientNo, cl.name AS clientName, c.manager_id AS managerId,
  m.name AS managerName, m.staff_no AS staffNo, c.contact_at AS contactAt, c.channel, c.purpose, c.outcome, c.next_step AS nextStep,
  c.follow_up_on AS followUpOn, c.batch_id IS NOT NULL AS imported, c.created_by AS createdBy
  FROM contact c JOIN client cl ON cl.id = c.client_id JOIN manager m ON m.id = c.manager_id`;

type RawEntry = Omit<ContactEntry, 'imported'> & { imported: number };

const entryOf = (r: RawEntry): ContactEntry => ({ ...r, imported: r.imported === 1 });

export function readContact(store: Store, id: number): ContactEntry | null {
  const row = store.db.prepare(`${ROW_SQL} WHERE c.id = ?`).get(id) as RawEntry | undefined;
  return row === undefined ? null : entryOf(row);
}

/** The contact's manager worked in one of the units (a JSON id list) on the contact's day. */
const TEAM_ON_DAY = (param: string): string =>
  `EXISTS (SELECT 1 FROM manager_period p WHERE p.manager_id = c.manager_id AND p.org_unit_id IN (SELECT value FROM json_each(${param}))
     AND p.valid_from <= substr(c.contact_at, 1, 10) AND (p.valid_to IS NULL OR p.valid_to > substr(c.contact_at, 1, 10)))`;

export interface ContactQuery {
  managerId?: number | undefined;
  clientId?: number | undefined;
  clientNo?: string | undefined;
  orgUnitId?: number | undefined;
  channel?: ContactChannel | undefined;
  from?: string | undefined;
  to?: string | undefined;
  followUpDue?: boolean | undefined;
  before?: { at: string; id: number } | undefined;
  limit: number;
}

/**
 * A page of the work log, newest first (keyset on time and id). Scope is part of the WHERE clause, so paging never
 * skips or repeats an entry the caller may see.
 */
export function listContacts(store: Store, reach: Reach, q: ContactQuery, today: string): ContactPage {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: q.limit + 1 };
  if (reach.kind === 'manager') {
    where.push('c.manager_id = @me');
    params['me'] = reach.managerId;
  } else if (reach.kind === 'units') {
    where.push(TEAM_ON_DAY('@reach'));
    params['reach'] = JSON.stringify([...reach.units]);
  }
  if (q.managerId !== undefined) {
    if (reach.kind === 'manager') assertManagerInReach(store, reach, q.managerId, today);
    where.push('c.manager_id = @manager');
    params['manager'] = q.managerId;
  }
  if (q.orgUnitId !== undefined) {
    where.push(TEAM_ON_DAY('@units'));
    params['units'] = JSON.stringify([...expandUnits(store, reach, [q.orgUnitId])]);
  }
  if (q.clientId !== undefined) {
    where.push('c.client_id = @client');
    params['client'] = q.clientId;
  }
  if (q.clientNo !== undefined) {
    where.push('c.client_id = (SELECT id FROM client WHERE client_no = @clientNo)');
    params['clientNo'] = q.clientNo;
  }
  if (q.channel !== undefined) {
    where.push('c.channel = @channel');
    params['channel'] = q.channel;
  }
  if (q.from !== undefined) {
    where.push('c.contact_at >= @from');
    params['from'] = q.from;
  }
  if (q.to !== undefined) {
    where.push('c.contact_at < @toNext');
    params['toNext'] = addDays(q.to, 1);
  }
  if (q.followUpDue === true) {
    // Still open: nobody has contacted the client since this entry.
    where.push(`c.follow_up_on IS NOT NULL AND c.follow_up_on <= @dueBy AND NOT EXISTS (
      SELECT 1 FROM contact l WHERE l.client_id = c.client_id AND (l.contact_at > c.contact_at OR (l.contact_at = c.contact_at AND l.id > c.id)))`);
    params['dueBy'] = addDays(today, DEFAULT_DUE_WITHIN_DAYS);
  }
  if (q.before !== undefined) {
    where.push('(c.contact_at < @beforeAt OR (c.contact_at = @beforeAt AND c.id < @beforeId))');
    params['beforeAt'] = q.before.at;
    params['beforeId'] = q.before.id;
  }
  const sql = `${ROW_SQL} ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ORDER BY c.contact_at DESC, c.id DESC LIMIT @limit`;
  const rows = (store.db.prepare(sql).all(params) as RawEntry[]).map(entryOf);
  const more = rows.length > q.limit;
  if (more) rows.pop();
  const last = rows[rows.length - 1];
  return { rows, nextCursor: more && last !== undefined ? { at: last.contactAt, id: last.id } : null };
}
