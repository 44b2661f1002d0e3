import { TIER_LABELS } from '../../shared/book/labels.js';
import { AUM_PRODUCTS_SQL } from '../../shared/book/products.js';
import { CLIENT_TIERS } from '../../shared/model/client.js';
import type { ReportDetail, ReportParams, ReportRow, ReportTable } from '../../shared/reports/report.js';
import type { Session } from '../api/types.js';
import { readBookConfig } from '../book/config-store.js';
import { identityFor } from '../security/identity.js';
import type { Store } from '../store/store.js';
import { periodWindow } from '../targets/credit.js';
import { dataDay } from './completion-basis.js';
import type { ReportScope } from './scope.js';
import { outletsIn, unitsJson } from './scope.js';
import { col, exact, frame, sumOf } from './table.js';

/** The detail list stops here (the counts above it still cover every client). */
export const MOVEMENT_DETAIL_LIMIT = 1000;

const KIND_LABELS = { new: '新增', lost: '流失', up: '升级', down: '降级' } as const;
type Kind = keyof typeof KIND_LABELS;

/**
 * Every client of the covered outlets (by the client's outlet) classified over the period's window — from the
 * baseline snapshot (the last before the period; else its first, an estimate) to the last snapshot in the period —
 * into exactly one of: new (opened in the period), lost (AUM above zero at the baseline, zero or below at the end),
 * upgraded / downgraded (tier at the end above / below the tier at the baseline), or none. AUM per date is the
 * 变动 table's (balance_change, the AUM products only); the tier is the book's rule (book.config: basis and
 * thresholds), computed for both dates in SQL on integer fen.
 */
function classifiedSql(avgBasis: boolean): string {
  const basisAt = (alias: string, avg: string): string => (avgBasis ? `coalesce(${avg}.v, coalesce(${alias}.aum_fen, 0))` : `coalesce(${alias}.aum_fen, 0)`);
  const tier = (v: string): string => `CASE WHEN ${v} >= @private THEN 4 WHEN ${v} >= @diamond THEN 3 WHEN ${v} >= @platinum THEN 2 WHEN ${v} >= @gold THEN 1 ELSE 0 END`;
  const avgAt = (name: string, date: string): string =>
    `${name} AS (SELECT client_id, sum(avg_balance_fen) AS v FROM balance_snapshot WHERE as_of = ${date} AND product_type IN ${AUM_PRODUCTS_SQL} GROUP BY client_id),`;
  return `WITH ${avgBasis ? `${avgAt('va', '@base')} ${avgAt('vb', '@end')}` : ''}
  c AS (
    SELECT c.id, c.client_no, c.name, c.id_no, c.phone, c.org_unit_id, c.open_date,
           coalesce(b.aum_fen, 0) AS aum0, coalesce(e.aum_fen, 0) AS aum1,
           ${tier(basisAt('b', 'va'))} AS tier0, ${tier(basisAt('e', 'vb'))} AS tier1,
           c.open_date BETWEEN @from AND @to AS is_new
    FROM client c
    LEFT JOIN balance_change b ON b.client_id = c.id AND b.as_of = @base
    LEFT JOIN balance_change e ON e.client_id = c.id AND e.as_of = @end
    ${avgBasis ? 'LEFT JOIN va ON va.client_id = c.id LEFT JOIN vb ON vb.client_id = c.id' : ''}
    WHERE c.org_unit_id IN (SELECT value FROM json_each(@units))
  ),
  k AS (
    SELECT *, CASE WHEN is_new THEN 'new' WHEN aum0 > 0 AND aum1 <= 0 THEN 'lost' WHEN tier1 > tier0 THEN 'up' WHEN tier1 < tier0 THEN 'down' END AS kind FROM c
  )`;
}

/** Per outlet and class: how many clients, and their assets at both dates (BigInt sums from SQLite's int64). */
interface ClassSums {
  org_unit_id: bigint;
  kind: Kind | null;
  clients: bigint;
  start_clients: bigint;
  start_aum: bigint;
  end_clients: bigint;
  end_aum: bigint;
}

type OutletFigures = Record<'startClients' | 'startAum' | 'newClients' | 'newAum' | 'lostClients' | 'lostAum' | 'upgraded' | 'downgraded' | 'endClients' | 'endAum', bigint>;

const ZERO_FIGURES = (): OutletFigures => ({ startClients: 0n, startAum: 0n, newClients: 0n, newAum: 0n, lostClients: 0n, lostAum: 0n, upgraded: 0n, downgraded: 0n, endClients: 0n, endAum: 0n });

/** One grouped pass (outlet × class, the class computed once per client) folded into the outlet's figures. */
function outletFigures(groups: readonly ClassSums[]): Map<number, OutletFigures> {
  const out = new Map<number, OutletFigures>();
  for (const g of groups) {
    const id = Number(g.org_unit_id);
    const f = out.get(id) ?? ZERO_FIGURES();
    f.startClients += g.start_clients;
    f.startAum += g.start_aum;
    f.endClients += g.end_clients;
    f.endAum += g.end_aum;
    if (g.kind === 'new') {
      f.newClients += g.clients;
      f.newAum += g.end_aum;
    } else if (g.kind === 'lost') {
      f.lostClients += g.clients;
      f.lostAum += g.start_aum;
    } else if (g.kind === 'up') f.upgraded += g.clients;
    else if (g.kind === 'down') f.downgraded += g.clients;
    out.set(id, f);
  }
  return out;
}

export function clientMovement(store: Store, session: Session, scope: ReportScope, params: ReportParams, now: Date): ReportTable {
  const w = periodWindow(store, scope.period, dataDay(store, now));
  const config = readBookConfig(store);
  const outlets = outletsIn(scope);
  const base = w.baseline;
  const end = w.snapshot;
  const bind = {
    ...config.tiers.thresholdsFen,
    from: scope.from,
    to: scope.to,
    base,
    end,
    units: unitsJson(outlets.map((o) => o.id)),
  };
  const sql = classifiedSql(config.tiers.basis === 'avg_aum');
  const groups =
    end === null
      ? []
      : (store.db
          .prepare(
            `${sql} SELECT org_unit_id, kind, count(*) AS clients, sum(aum0 > 0) AS start_clients, sum(aum0) AS start_aum, sum(aum1 > 0) AS end_clients, sum(aum1) AS end_aum
             FROM k GROUP BY org_unit_id, kind`,
          )
          .safeIntegers()
          .all(bind) as ClassSums[]);
  const byOutlet = outletFigures(groups);
  const rows: ReportRow[] = outlets.map((o) => {
    const f = byOutlet.get(o.id) ?? ZERO_FIGURES();
    return {
      key: o.code,
      cells: {
        code: o.code,
        name: o.name,
        startClients: exact(f.startClients),
        startAum: exact(f.startAum),
        newClients: exact(f.newClients),
        newAum: exact(f.newAum),
        lostClients: exact(f.lostClients),
        lostAum: exact(f.lostAum),
        upgraded: exact(f.upgraded),
        downgraded: exact(f.downgraded),
        endClients: exact(f.endClients),
        endAum: exact(f.endAum),
        netAum: exact(f.endAum - f.startAum),
      },
    };
  });
  const cells = rows.map((r) => r.cells);
  const numeric = ['startClients', 'startAum', 'newClients', 'newAum', 'lostClients', 'lostAum', 'upgraded', 'downgraded', 'endClients', 'endAum', 'netAum'];
  const totals = { code: '合计', name: null, ...Object.fromEntries(numeric.map((k) => [k, sumOf(cells, k)])) };

  const basis =
    end === null || base === null
      ? { zh: `期间内没有余额快照（数据截至 ${dataDay(store, now)}）`, en: `No balance snapshot in the period (data as of ${dataDay(store, now)})` }
      : {
          zh: `期初 ${base}${w.estimate ? '（期前无快照，以期内首期快照代替）' : ''} → 期末 ${end}；等级按${config.tiers.basis === 'aum' ? '金融资产时点余额' : '金融资产月日均'}`,
          en: `From ${base}${w.estimate ? ' (no snapshot before the period: its first stands in)' : ''} to ${end}; tiers by ${config.tiers.basis === 'aum' ? 'point-in-time AUM' : 'daily-average AUM'}`,
        };
  return {
    ...frame('clientMovement', scope, params, now, basis),
    columns: [
      col('code', '网点号', 'Outlet code', 'text'),
      col('name', '网点', 'Outlet', 'text'),
      col('startClients', '期初有资产客户', 'Clients at start', 'count'),
      col('startAum', '期初资产', 'AUM at start', 'fen'),
      col('newClients', '新增客户', 'New', 'count'),
      col('newAum', '新增客户资产', 'AUM of new', 'fen'),
      col('lostClients', '流失客户', 'Lost', 'count'),
      col('lostAum', '流失客户期初资产', 'AUM lost', 'fen'),
      col('upgraded', '升级', 'Upgraded', 'count'),
      col('downgraded', '降级', 'Downgraded', 'count'),
      col('endClients', '期末有资产客户', 'Clients at end', 'count'),
      col('endAum', '期末资产', 'AUM at end', 'fen'),
      col('netAum', '资产净增', 'Net AUM change', 'fen'),
    ],
    rows,
    totals,
    // Every classified client is in exactly one of the four counts.
    detail: end === null ? null : movementDetail(store, session, sql, bind, end, sumOf(cells, 'newClients') + sumOf(cells, 'lostClients') + sumOf(cells, 'upgraded') + sumOf(cells, 'downgraded')),
  };
}

/** The clients behind the counts, by outlet, kind and client number; ID and phone as the caller's role may see them. */
function movementDetail(store: Store, session: Session, sql: string, bind: Record<string, unknown>, end: string, total: number): ReportDetail {
  const list = store.db
    .prepare(
      `${sql} SELECT k.client_no, k.name, k.id_no, k.phone, o.code AS outlet_code, o.name AS outlet_name, k.kind, k.tier0, k.tier1, k.aum0, k.aum1,
         (SELECT m.staff_no || ' ' || m.name FROM assignment a JOIN manager m ON m.id = a.manager_id
          WHERE a.client_id = k.id AND a.role = 'primary' AND a.valid_from <= @end AND (a.valid_to IS NULL OR a.valid_to > @end) LIMIT 1) AS manager
       FROM k JOIN org_unit o ON o.id = k.org_unit_id WHERE k.kind IS NOT NULL
       ORDER BY o.code, CASE k.kind WHEN 'new' THEN 0 WHEN 'lost' THEN 1 WHEN 'up' THEN 2 ELSE 3 END, k.client_no LIMIT @limit`,
    )
    .all({ ...bind, end, limit: MOVEMENT_DETAIL_LIMIT }) as Array<{
    client_no: string;
    name: string;
    id_no: string | null;
    phone: string | null;
    outlet_code: string;
    outlet_name: string;
    kind: Kind;
    tier0: number;
    tier1: number;
    aum0: number;
    aum1: number;
    manager: string | null;
  }>;
  const tierText = (i: number): string => TIER_LABELS[CLIENT_TIERS[i] ?? 'standard'].zh;
  return {
    title: { zh: '变动客户明细', en: 'Clients that moved' },
    columns: [
      col('clientNo', '客户号', 'Client no', 'text'),
      col('name', '客户名称', 'Name', 'text'),
      col('idNo', '证件号码', 'ID number', 'text'),
      col('phone', '手机号', 'Phone', 'text'),
      col('outlet', '网点', 'Outlet', 'text'),
      col('kind', '变动', 'Movement', 'text'),
      col('tierStart', '期初等级', 'Tier at start', 'text'),
      col('tierEnd', '期末等级', 'Tier at end', 'text'),
      col('aumStart', '期初资产', 'AUM at start', 'fen'),
      col('aumEnd', '期末资产', 'AUM at end', 'fen'),
      col('manager', '主管户经理', 'Primary manager', 'text'),
    ],
    rows: list.map((r) => {
      const who = identityFor(session.role, r.id_no, r.phone);
      return {
        key: r.client_no,
        cells: {
          clientNo: r.client_no,
          name: r.name,
          idNo: who.idNo,
          phone: who.phone,
          outlet: r.outlet_name,
          kind: KIND_LABELS[r.kind],
          tierStart: tierText(r.tier0),
          tierEnd: tierText(r.tier1),
          aumStart: r.aum0,
          aumEnd: r.aum1,
          manager: r.manager,
        },
      };
    }),
    truncated: total > list.length ? { limit: MOVEMENT_DETAIL_LIMIT, total } : null,
  };
}
