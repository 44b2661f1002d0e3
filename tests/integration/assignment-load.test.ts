import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBook } from '../../electron/assignment/load-book.js';
import { planAssignment } from '../../electron/assignment/rules-engine.js';
import { parseAssignmentRules } from '../../shared/assignment/rules.js';
import { makeTestApp } from '../helpers/app.js';
import type { App } from '../../electron/app.js';
import { adminSession, expectOk } from '../helpers/import.js';

describe('loadBook on the small demo', () => {
  let ctx: { app: App; cleanup: () => void };
  let asOf = '';
  beforeAll(async () => {
    ctx = makeTestApp('bw-assign-load-');
    expectOk(await ctx.app.dispatcher.invoke('demo.build', { clients: 3000, managers: 16 }, { session: adminSession }));
    asOf = ctx.app.services.store.db.prepare('SELECT max(as_of) FROM client_score').pluck().get() as string;
  }, 120_000);
  afterAll(() => ctx.cleanup());

  it('matches independent SQL counts of clients, managers in force and current primary managers', () => {
    const db = ctx.app.services.store.db;
    const book = loadBook(ctx.app.services.store, asOf);
    expect(book.clients).toHaveLength(db.prepare('SELECT count(*) FROM client').pluck().get() as number);
    const inForce = db
      .prepare('SELECT DISTINCT manager_id FROM manager_period WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY manager_id')
      .pluck()
      .all(asOf, asOf) as number[];
    expect(book.managers.map((m) => m.id)).toEqual(inForce);
    expect(book.managers.length).toBeGreaterThan(0);

    const perManager = db
      .prepare(
        `SELECT manager_id, count(DISTINCT client_id) AS n FROM assignment
         WHERE role = 'primary' AND valid_from <= @d AND (valid_to IS NULL OR valid_to > @d) GROUP BY manager_id ORDER BY manager_id`,
      )
      .all({ d: asOf }) as Array<{ manager_id: number; n: number }>;
    const fromBook = new Map<number, number>();
    for (const c of book.clients) if (c.primaryManagerId !== null) fromBook.set(c.primaryManagerId, (fromBook.get(c.primaryManagerId) ?? 0) + 1);
    expect([...fromBook.entries()].sort((a, b) => a[0] - b[0])).toEqual(perManager.map((r) => [r.manager_id, r.n]));
    // The demo leaves some clients unassigned for the supervisor to find.
    expect(book.clients.some((c) => c.primaryManagerId === null)).toBe(true);

    const aum = db.prepare('SELECT coalesce(sum(aum_fen), 0) FROM client_score').pluck().get() as number;
    expect(book.clients.reduce((s, c) => s + c.aumFen, 0)).toBe(aum);
    const vip = db.prepare("SELECT count(*) FROM client_score WHERE tier <> 'standard'").pluck().get() as number;
    expect(book.clients.filter((c) => c.tier !== 'standard').length).toBe(vip);
    const holders = db.prepare("SELECT count(DISTINCT client_id) FROM product_holding WHERE status = 'open' AND product_type = 'wealth'").pluck().get() as number;
    expect(book.clients.filter((c) => c.productTypes.includes('wealth')).length).toBe(holders);
  });

  it('takes capacity from the roster period, else the defaults, and plans a preview on the loaded book', () => {
    const db = ctx.app.services.store.db;
    const book = loadBook(ctx.app.services.store, asOf);
    const own = db
      .prepare('SELECT manager_id, max_clients FROM manager_period WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) AND max_clients IS NOT NULL')
      .all(asOf, asOf) as Array<{ manager_id: number; max_clients: number }>;
    for (const r of own) expect(book.managers.find((m) => m.id === r.manager_id)?.maxClients).toBe(r.max_clients);
    const plan = planAssignment(book, parseAssignmentRules({ asOf }));
    expect(plan.selected).toBe(book.clients.length);
    expect(plan.managers.reduce((s, m) => s + m.clientsAfter, 0)).toBe(book.clients.length - book.clients.filter((c) => c.primaryManagerId === null).length + plan.moves.filter((m) => m.fromManagerId === null).length);
  });
});
