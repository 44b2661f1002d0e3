import type { BatchContext, KindAdapter, KindSession, RowProblem } from './types.js';
import { num, str, unknownClient, unknownManager } from './field-values.js';
import { clientIdLookup, keyedRows } from './keyed-rows.js';
import { SeenKeys, duplicateProblem, managerIdsByStaffNo } from './lookups.js';


/** 产品持有: keyed on the account/contract number. */
function beginHoldings(ctx: BatchContext): KindSession {
  const clientId = clientIdLookup(ctx);
  const seen = new SeenKeys();
  const upsert = keyedRows(ctx, 'product_holding', 'account_no', ['client_id', 'product_type', 'product_code', 'product_name', 'amount_fen', 'open_date', 'maturity_date', 'status']);
  return {
    apply(record, values) {
      const accountNo = str(values['accountNo']) ?? '';
      const first = seen.firstRecord(accountNo, record);
      if (first !== null) return { problems: [duplicateProblem('accountNo', accountNo, first)] };
      const clientNo = str(values['clientNo']) ?? '';
      const id = clientId(clientNo);
      if (id === undefined) return { problems: [unknownClient(clientNo)] };
      return {
        outcome: upsert(accountNo, {
          client_id: id,
          product_type: str(values['productType']),
          product_code: str(values['productCode']),
          product_name: str(values['productName']),
          amount_fen: num(values['amount']),
          open_date: str(values['openDate']),
          maturity_date: str(values['maturityDate']),
          status: str(values['holdingStatus']) ?? 'open',
        }),
      };
    },
  };
}

/** 交易: keyed on the transaction reference; amounts signed (in +, out −) from a 借/贷 flag when there is one. */
function beginTransactions(ctx: BatchContext): KindSession {
  const clientId = clientIdLookup(ctx);
  const seen = new SeenKeys();
  const upsert = keyedRows(ctx, 'txn', 'txn_ref', ['client_id', 'account_no', 'txn_at', 'amount_fen', 'channel', 'summary', 'counterparty']);
  return {
    apply(record, values) {
      const ref = str(values['txnRef']) ?? '';
      const first = seen.firstRecord(ref, record);
      if (first !== null) return { problems: [duplicateProblem('txnRef', ref, first)] };
      const clientNo = str(values['clientNo']) ?? '';
      const id = clientId(clientNo);
      if (id === undefined) return { problems: [unknownClient(clientNo)] };
      const amount = num(values['amount']) ?? 0;
      const sign = num(values['dcFlag']);
      const problems: RowProblem[] = [];
      if (sign !== null && amount < 0) problems.push({ field: 'amount', reason: { zh: '有借贷标志时金额应为正数', en: 'With a debit/credit flag the amount must be positive' } });
      if (problems.length > 0) return { problems };
      return {
        outcome: upsert(ref, {
          client_id: id,
          account_no: str(values['accountNo']),
          txn_at: str(values['txnAt']),
          amount_fen: sign === null ? amount : sign * amount,
          channel: str(values['channel']),
          summary: str(values['summary']),
          counterparty: str(values['counterparty']),
        }),
      };
    },
  };
}

/** 工作日志: keyed on the entry number, or on client, manager, time and channel when the file has none. */
function beginWorklog(ctx: BatchContext): KindSession {
  const clientId = clientIdLookup(ctx);
  const managerIds = managerIdsByStaffNo(ctx.store);
  const seen = new SeenKeys();
  const upsert = keyedRows(ctx, 'contact', 'ext_ref', ['client_id', 'manager_id', 'contact_at', 'channel', 'purpose', 'outcome', 'next_step', 'follow_up_on']);
  return {
    apply(record, values) {
      const clientNo = str(values['clientNo']) ?? '';
      const managerNo = str(values['managerNo']) ?? '';
      const contactAt = str(values['contactAt']) ?? '';
      const channel = str(values['channel']) ?? '';
      const key = str(values['ref']) ?? `${clientNo}|${managerNo}|${contactAt}|${channel}`;
      const first = seen.firstRecord(key, record);
      if (first !== null) return { problems: [duplicateProblem('ref', key, first)] };
      const problems: RowProblem[] = [];
      const cid = clientId(clientNo);
      if (cid === undefined) problems.push(unknownClient(clientNo));
      const mid = managerIds.get(managerNo);
      if (mid === undefined) problems.push(unknownManager(managerNo));
      if (cid === undefined || mid === undefined) return { problems };
      return {
        outcome: upsert(key, {
          client_id: cid,
          manager_id: mid,
          contact_at: contactAt,
          channel,
          purpose: str(values['purpose']),
          outcome: str(values['outcome']),
          next_step: str(values['nextStep']),
          follow_up_on: str(values['followUpOn']),
        }),
      };
    },
  };
}

export const holdingsAdapter: KindAdapter = { kind: 'holdings', snapshot: false, begin: beginHoldings };
export const transactionsAdapter: KindAdapter = { kind: 'transactions', snapshot: false, begin: beginTransactions };
export const worklogAdapter: KindAdapter = { kind: 'worklog', snapshot: false, begin: beginWorklog };
