import type { ClientPage } from '../../shared/api/ops/clients.js';
import type { LifecycleStage, SegmentCode } from '../../shared/book/labels.js';
import { AUM_PRODUCTS_SQL } from '../../shared/book/products.js';
import type { ClientTier } from '../../shared/model/client.js';
import type { ClientFilters } from '../../shared/model/client-filters.js';
import { maskIdNo, maskPhone } from '../../shared/model/masking.js';
import type { Store } from '../store/store.js';

/** Filters plus the org units the caller may see (set by the scope check, never by the caller). */
export type ScopedFilters = ClientFilters & { withinUnits?: number[] };

interface ListInput {
  filters: ScopedFilters;
  after?: number | undefined;
  limit: number;
  /** The day "currently assigned" refers to. */
  asOf: string;
}

interface Row {
  id: number;
  client_no: string;
  name: string;
  id_no: string | null;
  phone: string | null;
  org_unit_id: number | null;
  aum_fen: number | null;
  manager_id: number | null;
  tier: ClientTier | null;
  segment: SegmentCode | null;
  stage: LifecycleStage | null;
  contribution: number | null;
  loyalty: number | null;
}

const CURRENT_PRIMARY = "a.client_id = c.id AND a.role = 'primary' AND a.valid_from <= @asOf AND (a.valid_to IS NULL OR a.valid_to > @asOf)";

/**
 * The WHERE clause (and a CTE for org subtrees) for a set of filters. Search matches the client number or name by
 * prefix, pinyin initials by prefix, and ID or phone numbers exactly; every branch uses an index. Book filters
 * read the computed scores (client_score).
 */
export function filterSql(f: ScopedFilters, asOf: string): { cte: string; where: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { asOf };
  const where: string[] = [];
  let cte = '';
  const search = f.search?.trim() ?? '';
  if (search !== '') {
    params['exact'] = search;
    params['upper'] = search.toUpperCase();
    // Prefixes as ranges [p, p || 0xF4): LIKE cannot use these (binary-collated) indexes; 0xF4 sorts after
    // every byte that can follow in UTF-8 text, so the range holds exactly the strings starting with p.
    where.push(`c.id IN (
      SELECT id FROM client WHERE client_no >= @exact AND client_no < @exact || x'F4'
      UNION SELECT id FROM client WHERE name >= @exact AND name < @exact || x'F4'
      UNION SELECT id FROM client WHERE name_initials >= @upper AND name_initials < @upper || x'F4'
      UNION SELECT id FROM client WHERE id_no = @exact
      UNION SELECT id FROM client WHERE phone = @exact)`);
  }
  const inList = (column: string, name: string, values: readonly string[] | undefined): void => {
    if (values === undefined || values.length === 0) return;
    params[name] = JSON.stringify(values);
    where.push(`${column} IN (SELECT value FROM json_each(@${name}))`);
  };
  inList('s.tier', 'tiers', f.tiers);
  inList('s.segment', 'segments', f.segments);
  inList('s.stage', 'stages', f.stages);
  if (f.orgUnitId !== undefined) {
    params['orgUnitId'] = f.orgUnitId;
    cte = 'WITH RECURSIVE units(id) AS (SELECT @orgUnitId UNION ALL SELECT o.id FROM org_unit o JOIN units ON o.parent_id = units.id) ';
    where.push('c.org_unit_id IN (SELECT id FROM units)');
  }
  if (f.managerId !== undefined) {
    params['managerId'] = f.managerId;
    where.push(`EXISTS (SELECT 1 FROM assignment a WHERE ${CURRENT_PRIMARY} AND a.manager_id = @managerId)`);
  }
  if (f.unassigned === true) where.push(`NOT EXISTS (SELECT 1 FROM assignment a WHERE ${CURRENT_PRIMARY})`);
  if (f.withinUnits !== undefined) {
    params['withinUnits'] = JSON.stringify(f.withinUnits);
    where.push('c.org_unit_id IN (SELECT value FROM json_each(@withinUnits))');
  }
  return { cte, where: where.length === 0 ? '1' : where.join(' AND '), params };
}

/** Keyset-paged client list in client-id order, narrowed by the filters. */
export function listClients(store: Store, input: ListInput): ClientPage {
  const { cte, where, params } = filterSql(input.filters, input.asOf);
  const rows = store.db
    .prepare(
      `${cte}SELECT c.id, c.client_no, c.name, c.id_no, c.phone, c.org_unit_id,
         coalesce(s.aum_fen, (SELECT sum(b.balance_fen) FROM balance_snapshot b
            WHERE b.client_id = c.id AND b.product_type IN ${AUM_PRODUCTS_SQL}
              AND b.as_of = (SELECT max(as_of) FROM balance_snapshot WHERE client_id = c.id))) AS aum_fen,
         (SELECT a.manager_id FROM assignment a WHERE ${CURRENT_PRIMARY} LIMIT 1) AS manager_id,
         s.tier, s.segment, s.stage, s.contribution, s.loyalty
       FROM client c LEFT JOIN client_score s ON s.client_id = c.id
       WHERE c.id > @after AND ${where} ORDER BY c.id LIMIT @limit`,
    )
    .all({ ...params, after: input.after ?? 0, limit: input.limit + 1 }) as Row[];
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({
      id: r.id,
      clientNo: r.client_no,
      name: r.name,
      idNoMasked: maskIdNo(r.id_no),
      phoneMasked: maskPhone(r.phone),
      orgUnitId: r.org_unit_id,
      tier: r.tier,
      segment: r.segment,
      stage: r.stage,
      contribution: r.contribution === null ? null : r.contribution / 10,
      loyalty: r.loyalty === null ? null : r.loyalty / 10,
      aumFen: r.aum_fen,
      managerId: r.manager_id,
    })),
    nextCursor: rows.length > input.limit && last !== undefined ? last.id : null,
  };
}

/** How many clients the filters match. */
export function countClients(store: Store, filters: ScopedFilters, asOf: string): number {
  const { cte, where, params } = filterSql(filters, asOf);
  return store.db.prepare(`${cte}SELECT count(*) FROM client c LEFT JOIN client_score s ON s.client_id = c.id WHERE ${where}`).pluck().get(params) as number;
}
