import type { LifecycleStage } from '../../shared/book/labels.js';
import { PRODUCT_BIT_SQL } from '../../shared/book/products.js';
import type { AssignmentBook, BookClient, BookManager } from '../../shared/assignment/rules.js';
import { PRODUCT_TYPES } from '../../shared/model/client.js';
import type { ClientTier, ProductType } from '../../shared/model/client.js';
import type { ManagerGrade, ManagerType } from '../../shared/model/manager.js';
import { readCapacityDefaults } from '../org/capacity.js';
import type { Store } from '../store/store.js';
import { readCoveragePolicy } from './coverage.js';

/** Every mask value (7 product types) maps to one shared list, so 200,000 clients do not each allocate an array. */
const MASK_LISTS: ReadonlyArray<readonly ProductType[]> = Array.from({ length: 1 << PRODUCT_TYPES.length }, (_, mask) =>
  PRODUCT_TYPES.filter((_t, bit) => (mask & (1 << bit)) !== 0),
);

/**
 * The client book as it stood on `asOf`, for the assignment engine, in three set-based statements:
 * - clients with their score (tier, segment, stage, AUM; unscored clients count as 普通 with no AUM), the product
 *   types of their open holdings (a bit mask: sum(DISTINCT bit) is the OR of distinct bits) and their primary
 *   manager that day (min() keeps a data error from listing a client twice);
 * - managers with the roster period in force that day (the latest, should periods overlap) and the capacity that
 *   applies: the period's own, else the default for the grade and type;
 * - the org tree (id, parent), so rules can name any unit and mean its subtree.
 */
export function loadBook(store: Store, asOf: string): AssignmentBook {
  const db = store.db;
  const rows = db
    .prepare(
      `WITH prim AS (
         SELECT client_id, min(manager_id) AS manager_id FROM assignment
         WHERE role = 'primary' AND valid_from <= @d AND (valid_to IS NULL OR valid_to > @d) GROUP BY client_id),
       held AS (
         SELECT client_id, sum(DISTINCT ${PRODUCT_BIT_SQL}) AS mask FROM product_holding WHERE status = 'open' GROUP BY client_id)
       SELECT c.id, c.org_unit_id, s.tier, s.segment, s.stage, s.aum_fen, h.mask, p.manager_id
       FROM client c
       LEFT JOIN client_score s ON s.client_id = c.id
       LEFT JOIN held h ON h.client_id = c.id
       LEFT JOIN prim p ON p.client_id = c.id
       ORDER BY c.id`,
    )
    .raw()
    .all({ d: asOf }) as Array<[number, number | null, ClientTier | null, string | null, LifecycleStage | null, number | null, number | null, number | null]>;
  const clients: BookClient[] = rows.map((r) => ({
    id: r[0],
    orgUnitId: r[1],
    tier: r[2] ?? 'standard',
    segment: r[3],
    stage: r[4],
    aumFen: r[5] ?? 0,
    productTypes: MASK_LISTS[r[6] ?? 0] ?? [],
    primaryManagerId: r[7],
  }));

  const defaults = readCapacityDefaults(store);
  const periods = db
    .prepare(
      `SELECT manager_id, org_unit_id, grade, type, status, max_clients, max_vip_clients FROM manager_period
       WHERE valid_from <= @d AND (valid_to IS NULL OR valid_to > @d) ORDER BY manager_id, valid_from DESC, id DESC`,
    )
    .all({ d: asOf }) as Array<{
    manager_id: number;
    org_unit_id: number;
    grade: ManagerGrade;
    type: ManagerType;
    status: BookManager['status'];
    max_clients: number | null;
    max_vip_clients: number | null;
  }>;
  const managers: BookManager[] = [];
  for (const p of periods) {
    if (managers.length > 0 && (managers[managers.length - 1] as BookManager).id === p.manager_id) continue;
    // A grade outside the defaults (a custom grade list) falls back to the most conservative default.
    const d = (defaults[p.grade] ?? defaults.trainee)[p.type];
    managers.push({
      id: p.manager_id,
      orgUnitId: p.org_unit_id,
      type: p.type,
      status: p.status,
      grade: p.grade,
      maxClients: p.max_clients ?? d.maxClients,
      maxVipClients: p.max_vip_clients ?? d.maxVipClients,
    });
  }
  const orgUnits = (db.prepare('SELECT id, parent_id FROM org_unit ORDER BY id').raw().all() as Array<[number, number | null]>).map((r) => ({
    id: r[0],
    parentId: r[1],
  }));
  // The branch's coverage policy travels with the facts, so the pure planner can warn where a plan leaves it unmet.
  return { clients, managers, orgUnits, coveragePolicy: readCoveragePolicy(store) };
}
