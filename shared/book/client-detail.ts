import type { ClientScoreView } from './types.js';

/** One snapshot date of a client's balance history (the client page's chart). Amounts are integer fen. */
export interface BalancePoint {
  asOf: string;
  aumFen: number;
  loanFen: number;
  /** Daily-average AUM; null when no average was imported for that date. */
  avgAumFen: number | null;
  products: Array<{ productType: string; balanceFen: number; avgBalanceFen: number | null }>;
}

export interface HoldingRow {
  accountNo: string;
  productType: string;
  productCode: string | null;
  productName: string | null;
  amountFen: number;
  openDate: string | null;
  maturityDate: string | null;
  status: 'open' | 'closed';
}

/** One spell of a manager looking after the client (管户历史), newest first. */
export interface ManagerSpell {
  managerId: number;
  staffNo: string;
  name: string;
  role: 'primary' | 'secondary';
  shareBp: number;
  validFrom: string;
  validTo: string | null;
}

export interface ContactRow {
  id: number;
  contactAt: string;
  managerId: number;
  managerName: string;
  channel: string;
  purpose: string | null;
  outcome: string | null;
  nextStep: string | null;
  followUpOn: string | null;
}

/** The client page (客户视图). Identity fields are masked unless the caller's role may see them in full. */
export interface ClientDetail {
  id: number;
  clientNo: string;
  name: string;
  kind: 'individual' | 'corporate';
  idType: string | null;
  idNo: string | null;
  phone: string | null;
  identityMasked: boolean;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  openDate: string | null;
  orgUnit: { id: number; code: string; name: string } | null;
  /** Null until the client book has been computed (book.recompute) with this client in it. */
  score: ClientScoreView | null;
  balances: BalancePoint[];
  holdings: HoldingRow[];
  managers: ManagerSpell[];
  /** The most recent contacts (工作日志), newest first. */
  contacts: ContactRow[];
}
