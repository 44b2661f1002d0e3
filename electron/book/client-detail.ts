import type { BalancePoint, ClientDetail, ContactRow, HoldingRow, ManagerSpell } from '../../shared/book/client-detail.js';
import { AUM_PRODUCT_TYPES } from '../../shared/book/products.js';
import type { ClientScoreView } from '../../shared/book/types.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { identityFor } from '../security/identity.js';
import type { Session } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { readBookConfig, readLastRun } from './config-store.js';
import { explainFacts } from './score-row.js';
import { factsOfRow } from './score-table.js';
import type { ScoreRowDb } from './score-table.js';
import { strategyText } from './segments.js';

/** How many work-log entries the client page shows. */
const RECENT_CONTACTS = 20;

interface ClientDb {
  id: number;
  client_no: string;
  name: string;
  kind: 'individual' | 'corporate';
  id_type: string | null;
  id_no: string | null;
  phone: string | null;
  gender: 'M' | 'F' | null;
  birth_date: string | null;
  open_date: string | null;
  org_id: number | null;
  org_code: string | null;
  org_name: string | null;
}

function findClient(store: Store, key: { id: number } | { clientNo: string }): ClientDb {
  const where = 'id' in key ? 'c.id = ?' : 'c.client_no = ?';
  const row = store.db
    .prepare(
      `SELECT c.id, c.client_no, c.name, c.kind, c.id_type, c.id_no, c.phone, c.gender, c.birth_date, c.open_date,
              o.id AS org_id, o.code AS org_code, o.name AS org_name
       FROM client c LEFT JOIN org_unit o ON o.id = c.org_unit_id WHERE ${where}`,
    )
    .get('id' in key ? key.id : key.clientNo) as ClientDb | undefined;
  if (row === undefined) {
    const what = 'id' in key ? `#${key.id}` : key.clientNo;
    throw new AppError('NOT_FOUND', { zh: `找不到客户 ${what}`, en: `Client ${what} not found` });
  }
  return row;
}

/** A manager may open only a client they look after today (scope `own`). */
function checkOwn(store: Store, session: Session, clientId: number, today: string): void {
  if (session.role !== 'manager') return;
  const mine = store.db
    .prepare('SELECT 1 FROM assignment WHERE client_id = ? AND manager_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) LIMIT 1')
    .get(clientId, session.managerId ?? -1, today, today);
  if (mine === undefined) throw new AppError('FORBIDDEN', { zh: '该客户不在您的管户范围内', en: 'This client is not one you look after' });
}

function scoreView(store: Store, clientId: number, locale: Locale): ClientScoreView | null {
  const row = store.db.prepare('SELECT * FROM client_score WHERE client_id = ?').get(clientId) as ScoreRowDb | undefined;
  if (row === undefined) return null;
  const run = readLastRun(store);
  // Explained with the configuration the scores were computed with, so the page matches the stored numbers.
  const config = run?.config ?? readBookConfig(store);
  const strategy = strategyText(store, row.segment, locale).text;
  return explainFacts(factsOfRow(row), config, { asOf: row.as_of, computedAt: run?.computedAt ?? '', strategy });
}

function balanceHistory(store: Store, clientId: number): BalancePoint[] {
  const rows = store.db
    .prepare('SELECT as_of, product_type, balance_fen, avg_balance_fen FROM balance_snapshot WHERE client_id = ? ORDER BY as_of, product_type')
    .all(clientId) as Array<{ as_of: string; product_type: string; balance_fen: number; avg_balance_fen: number | null }>;
  const aum = new Set<string>(AUM_PRODUCT_TYPES);
  const points: BalancePoint[] = [];
  for (const r of rows) {
    let p = points[points.length - 1];
    if (p === undefined || p.asOf !== r.as_of) {
      p = { asOf: r.as_of, aumFen: 0, loanFen: 0, avgAumFen: null, products: [] };
      points.push(p);
    }
    p.products.push({ productType: r.product_type, balanceFen: r.balance_fen, avgBalanceFen: r.avg_balance_fen });
    if (aum.has(r.product_type)) {
      p.aumFen += r.balance_fen;
      // Like SQL's sum(): missing averages are skipped; none at all stays null.
      if (r.avg_balance_fen !== null) p.avgAumFen = (p.avgAumFen ?? 0) + r.avg_balance_fen;
    } else if (r.product_type === 'loan') p.loanFen += r.balance_fen;
  }
  return points;
}

function holdings(store: Store, clientId: number): HoldingRow[] {
  return store.db
    .prepare(
      `SELECT account_no AS accountNo, product_type AS productType, product_code AS productCode, product_name AS productName,
              amount_fen AS amountFen, open_date AS openDate, maturity_date AS maturityDate, status
       FROM product_holding WHERE client_id = ? ORDER BY status DESC, open_date DESC, account_no`,
    )
    .all(clientId) as HoldingRow[];
}

function managerHistory(store: Store, clientId: number): ManagerSpell[] {
  return store.db
    .prepare(
      `SELECT a.manager_id AS managerId, m.staff_no AS staffNo, m.name, a.role, a.share_bp AS shareBp, a.valid_from AS validFrom, a.valid_to AS validTo
       FROM assignment a JOIN manager m ON m.id = a.manager_id WHERE a.client_id = ? ORDER BY a.valid_from DESC, a.role, a.id DESC`,
    )
    .all(clientId) as ManagerSpell[];
}

function recentContacts(store: Store, clientId: number): ContactRow[] {
  return store.db
    .prepare(
      `SELECT c.id, c.contact_at AS contactAt, c.manager_id AS managerId, m.name AS managerName, c.channel, c.purpose, c.outcome,
              c.next_step AS nextStep, c.follow_up_on AS followUpOn
       FROM contact c JOIN manager m ON m.id = c.manager_id WHERE c.client_id = ? ORDER BY c.contact_at DESC, c.id DESC LIMIT ?`,
    )
    .all(clientId, RECENT_CONTACTS) as ContactRow[];
}

/** The client page (客户视图): everything about one client, with the score explained component by component. */
export function getClientDetail(store: Store, key: { id: number } | { clientNo: string }, session: Session, today: string): ClientDetail {
  const c = findClient(store, key);
  checkOwn(store, session, c.id, today);
  const identity = identityFor(session.role, c.id_no, c.phone);
  return {
    id: c.id,
    clientNo: c.client_no,
    name: c.name,
    kind: c.kind,
    idType: c.id_type,
    idNo: identity.idNo,
    phone: identity.phone,
    identityMasked: identity.masked,
    gender: c.gender,
    birthDate: c.birth_date,
    openDate: c.open_date,
    orgUnit: c.org_id === null || c.org_code === null || c.org_name === null ? null : { id: c.org_id, code: c.org_code, name: c.org_name },
    score: scoreView(store, c.id, session.locale),
    balances: balanceHistory(store, c.id),
    holdings: holdings(store, c.id),
    managers: managerHistory(store, c.id),
    contacts: recentContacts(store, c.id),
  };
}
