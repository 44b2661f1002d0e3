import type { ContactChannel, ContactEntry } from '../../shared/worklog/types.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { completeTaskItemsForContact } from '../tasks/progress.js';
import { readContact } from './contact-list.js';
import type { Reach } from './reach.js';
import { assertManagerInReach, forbidden } from './reach.js';

export interface ContactFields {
  contactAt: string;
  channel: ContactChannel;
  purpose?: string | null | undefined;
  outcome?: string | null | undefined;
  nextStep?: string | null | undefined;
  followUpOn?: string | null | undefined;
}

/** Who is writing and when: the signed-in user's name and today's local date. */
export interface Writer {
  reach: Reach;
  userName: string;
  today: string;
  nowIso: string;
}

const invalid = (zh: string, en: string, path: string): AppError => new AppError('INVALID_INPUT', { zh, en }, { problems: [{ path, message: en, text: { zh, en } }] });

export function clientIdOf(store: Store, key: { clientId?: number | undefined; clientNo?: string | undefined }): number {
  const id =
    key.clientId !== undefined
      ? (store.db.prepare('SELECT id FROM client WHERE id = ?').pluck().get(key.clientId) as number | undefined)
      : (store.db.prepare('SELECT id FROM client WHERE client_no = ?').pluck().get(key.clientNo ?? '') as number | undefined);
  if (id === undefined) throw new AppError('NOT_FOUND', { zh: `客户 ${key.clientNo ?? key.clientId ?? ''} 不存在`, en: `No client ${key.clientNo ?? key.clientId ?? ''}` });
  return id;
}

/** Whether the manager looked after the client (primary or secondary) on the day. */
export function heldOn(store: Store, managerId: number, clientId: number, day: string): boolean {
  return (
    store.db
      .prepare('SELECT 1 FROM assignment WHERE client_id = ? AND manager_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) LIMIT 1')
      .get(clientId, managerId, day, day) !== undefined
  );
}

/** The client's primary manager on the day: whom a supervisor's entry belongs to when they name nobody. */
export function primaryOn(store: Store, clientId: number, day: string): number | null {
  const id = store.db
    .prepare("SELECT manager_id FROM assignment WHERE client_id = ? AND role = 'primary' AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY share_bp DESC, id DESC LIMIT 1")
    .pluck()
    .get(clientId, day, day) as number | undefined;
  return id ?? null;
}

/**
 * The rules every entry keeps, typed in or corrected: not in the future, a follow-up not before the contact, the
 * writer reaches the manager's work that day, and a client manager writes only about a client they looked after
 * on that day (so a handed-over client's history stays with whoever held it then).
 */
function checkEntry(store: Store, w: Writer, clientId: number, managerId: number, f: ContactFields): void {
  const day = f.contactAt.slice(0, 10);
  if (day > w.today) throw invalid(`联系时间 ${f.contactAt} 晚于今天`, `The contact time ${f.contactAt} is after today`, 'contactAt');
  if (f.followUpOn !== null && f.followUpOn !== undefined && f.followUpOn < day) throw invalid('跟进日期不能早于联系日期', 'The follow-up date cannot be before the contact', 'followUpOn');
  if (store.db.prepare('SELECT 1 FROM manager WHERE id = ?').get(managerId) === undefined) throw new AppError('NOT_FOUND', { zh: '客户经理不存在', en: 'No such manager' });
  assertManagerInReach(store, w.reach, managerId, day);
  if (w.reach.kind === 'manager' && !heldOn(store, managerId, clientId, day)) {
    throw forbidden(`该客户在 ${day} 不由您管户，不能为其记录联系`, `You did not look after this client on ${day}, so you cannot log a contact with them`);
  }
}

/**
 * Logs a contact and, in the same transaction, ticks off the manager's open task items for that client (the tasks
 * domain decides which); returns the entry and how many items it completed.
 */
export function addContact(store: Store, w: Writer, clientId: number, managerId: number, f: ContactFields): { entry: ContactEntry; taskItems: number } {
  return store.transaction(() => {
    checkEntry(store, w, clientId, managerId, f);
    const id = store.db
      .prepare(
        `INSERT INTO contact (client_id, manager_id, contact_at, channel, purpose, outcome, next_step, follow_up_on, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(clientId, managerId, f.contactAt, f.channel, f.purpose ?? null, f.outcome ?? null, f.nextStep ?? null, f.followUpOn ?? null, w.userName, w.nowIso).lastInsertRowid;
    const ticked = completeTaskItemsForContact(store, { clientId, managerId, contactId: Number(id), at: f.contactAt });
    return { entry: readContact(store, Number(id)) as ContactEntry, taskItems: ticked.items };
  });
}

/** An entry the writer may change: typed in (not imported) and within their reach on its day. */
function editable(store: Store, w: Writer, id: number): ContactEntry {
  const before = readContact(store, id);
  if (before === null) throw new AppError('NOT_FOUND', { zh: '联系记录不存在', en: 'No such contact' });
  assertManagerInReach(store, w.reach, before.managerId, before.contactAt.slice(0, 10));
  if (before.imported) {
    throw new AppError('CONFLICT', { zh: '导入的联系记录请通过重新导入（新版本）或回滚批次更正', en: 'Imported contacts are corrected by importing a corrected file or rolling the batch back' });
  }
  return before;
}

export type ContactChange = { [K in keyof ContactFields]?: ContactFields[K] | undefined };

export function updateContact(store: Store, w: Writer, id: number, change: ContactChange): { before: ContactEntry; after: ContactEntry } {
  return store.transaction(() => {
    const before = editable(store, w, id);
    const pick = <K extends keyof ContactFields>(k: K, old: ContactFields[K]): ContactFields[K] => (change[k] === undefined ? old : change[k]);
    const f: ContactFields = {
      contactAt: pick('contactAt', before.contactAt),
      channel: pick('channel', before.channel),
      purpose: pick('purpose', before.purpose),
      outcome: pick('outcome', before.outcome),
      nextStep: pick('nextStep', before.nextStep),
      followUpOn: pick('followUpOn', before.followUpOn),
    };
    checkEntry(store, w, before.clientId, before.managerId, f);
    store.db
      .prepare('UPDATE contact SET contact_at = ?, channel = ?, purpose = ?, outcome = ?, next_step = ?, follow_up_on = ? WHERE id = ?')
      .run(f.contactAt, f.channel, f.purpose ?? null, f.outcome ?? null, f.nextStep ?? null, f.followUpOn ?? null, id);
    return { before, after: readContact(store, id) as ContactEntry };
  });
}

export function deleteContact(store: Store, w: Writer, id: number): ContactEntry {
  return store.transaction(() => {
    const before = editable(store, w, id);
    // A task item ticked off by this contact points at it: the trail of the task must not lose its evidence.
    if (store.db.prepare('SELECT 1 FROM task_client WHERE contact_id = ? LIMIT 1').get(id) !== undefined) {
      throw new AppError('CONFLICT', { zh: '该联系记录已用于完成任务，不能删除（可修改）', en: 'This contact completed a task item; correct it instead of deleting it' });
    }
    store.db.prepare('DELETE FROM contact WHERE id = ?').run(id);
    return before;
  });
}
