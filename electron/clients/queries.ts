import type { ClientPage } from '../../shared/api/ops/clients.js';
import { maskIdNo, maskPhone } from '../../shared/model/masking.js';
import type { Store } from '../store/store.js';

interface ListInput {
  search?: string | undefined;
  after?: number | undefined;
  limit: number;
  asOf: string;
}

/**
 * Keyset-paged client list. Search matches the client number or name by prefix,
 * pinyin initials by prefix, and ID or phone numbers exactly; every branch uses an index.
 */
export function listClients(store: Store, input: ListInput): ClientPage {
  const after = input.after ?? 0;
  const params: Record<string, unknown> = { after, limit: input.limit + 1, asOf: input.asOf };
  let where = 'c.id > @after';
  const search = input.search?.trim() ?? '';
  if (search !== '') {
    params['exact'] = search;
    params['prefix'] = `${search}%`;
    params['prefixUpper'] = `${search.toUpperCase()}%`;
    where += ` AND c.id IN (
      SELECT id FROM client WHERE client_no LIKE @prefix
      UNION SELECT id FROM client WHERE name >= @exact AND name < @exact || x'F4'
      UNION SELECT id FROM client WHERE name_initials LIKE @prefixUpper
      UNION SELECT id FROM client WHERE id_no = @exact
      UNION SELECT id FROM client WHERE phone = @exact)`;
  }
  const rows = store.db
    .prepare(
      `SELECT c.id, c.client_no, c.name, c.id_no, c.phone, c.org_unit_id,
         (SELECT sum(b.balance_fen) FROM balance_snapshot b
            WHERE b.client_id = c.id AND b.product_type <> 'loan'
              AND b.as_of = (SELECT max(as_of) FROM balance_snapshot WHERE client_id = c.id)) AS aum_fen,
         (SELECT a.manager_id FROM assignment a
            WHERE a.client_id = c.id AND a.role = 'primary' AND a.valid_from <= @asOf
              AND (a.valid_to IS NULL OR a.valid_to > @asOf) LIMIT 1) AS manager_id
       FROM client c WHERE ${where} ORDER BY c.id LIMIT @limit`,
    )
    .all(params) as Array<{
    id: number;
    client_no: string;
    name: string;
    id_no: string | null;
    phone: string | null;
    org_unit_id: number | null;
    aum_fen: number | null;
    manager_id: number | null;
  }>;
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
      tier: null,
      aumFen: r.aum_fen,
      managerId: r.manager_id,
    })),
    nextCursor: rows.length > input.limit && last !== undefined ? last.id : null,
  };
}
