import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { assertCanReceive, lazyChange, spanEnder } from './assign.js';
import type { Span } from './assign.js';

/** One member of a client's team on a day: the primary manager and any secondary ones, with credit shares (分成比例). */
export interface TeamMember {
  managerId: number;
  role: 'primary' | 'secondary';
  /** Basis points; a team's shares sum to 10000. */
  shareBp: number;
  validFrom: string;
}

export interface TeamRequest {
  clientId: number;
  from: string;
  primaryId: number;
  secondaries: ReadonlyArray<{ managerId: number; shareBp: number }>;
  reason?: string | undefined;
  user: string;
  now: string;
}

const invalid = (zh: string, en: string): never => {
  throw new AppError('INVALID_INPUT', { zh, en });
};

const inForce = "client_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)";

export function teamOn(store: Store, clientId: number, day: string): TeamMember[] {
  return (
    store.db
      .prepare(`SELECT manager_id, role, share_bp, valid_from FROM assignment WHERE ${inForce} ORDER BY role, share_bp DESC, manager_id`)
      .all(clientId, day, day) as Array<{ manager_id: number; role: 'primary' | 'secondary'; share_bp: number; valid_from: string }>
  ).map((r) => ({ managerId: r.manager_id, role: r.role, shareBp: r.share_bp, validFrom: r.valid_from }));
}

/**
 * Sets a client's whole team from a date as one undoable change: the primary keeps what the secondaries do not
 * take, so the shares sum to 100% by construction. Every span in force that day ends; the new spans run until the
 * client's next planned change (if any), like a move does.
 */
export function setTeam(store: Store, req: TeamRequest): { changeId: number | null } {
  const ids = [req.primaryId, ...req.secondaries.map((s) => s.managerId)];
  if (new Set(ids).size !== ids.length) invalid('同一客户经理只能在管户团队中出现一次', 'A manager can appear only once in a client’s team');
  const secondaryBp = req.secondaries.reduce((sum, s) => sum + s.shareBp, 0);
  if (req.secondaries.some((s) => s.shareBp < 1) || secondaryBp >= 10000) {
    invalid('协管客户经理的分成比例须大于 0，合计须小于 100%（主管户经理保留其余部分）', 'Each secondary share must be above 0 and together below 100% (the primary keeps the rest)');
  }
  return store.transaction(() => {
    const db = store.db;
    if (db.prepare('SELECT 1 FROM client WHERE id = ?').get(req.clientId) === undefined) {
      throw new AppError('NOT_FOUND', { zh: `客户 #${req.clientId} 不存在`, en: `Client #${req.clientId} does not exist` });
    }
    assertCanReceive(store, ids, req.from);
    const wanted = [
      { managerId: req.primaryId, role: 'primary' as const, shareBp: 10000 - secondaryBp },
      ...req.secondaries.map((s) => ({ managerId: s.managerId, role: 'secondary' as const, shareBp: s.shareBp })),
    ];
    const current = db.prepare(`SELECT * FROM assignment WHERE ${inForce}`).all(req.clientId, req.from, req.from) as Span[];
    const key = (m: { managerId: number; role: string; shareBp: number }): string => `${m.managerId}:${m.role}:${m.shareBp}`;
    const same =
      current.length === wanted.length &&
      new Set(current.map((s) => key({ managerId: s.manager_id, role: s.role, shareBp: s.share_bp }))).size === current.length &&
      wanted.every((w) => current.some((s) => key({ managerId: s.manager_id, role: s.role, shareBp: s.share_bp }) === key(w)));
    if (same) return { changeId: null };
    const change = lazyChange(store, { kind: 'manual', reason: req.reason, user: req.user, now: req.now });
    const id = change.id();
    const endSpan = spanEnder(store);
    const primary = current.find((s) => s.role === 'primary');
    const until =
      primary?.valid_to ??
      ((db.prepare('SELECT min(valid_from) FROM assignment WHERE client_id = ? AND valid_from > ?').pluck().get(req.clientId, req.from) as string | null) ?? null);
    for (const span of current) endSpan(id, span, req.from);
    const insert = db.prepare('INSERT INTO assignment (client_id, manager_id, role, share_bp, valid_from, valid_to, change_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const w of wanted) insert.run(req.clientId, w.managerId, w.role, w.shareBp, req.from, until, id);
    return { changeId: id };
  });
}
