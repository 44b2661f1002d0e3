import type { FieldValue } from '../validate-row.js';
import type { RowProblem } from './types.js';

/** A validated field as text (or null when empty or unmapped). */
export const str = (v: FieldValue | undefined): string | null => (v === undefined || v === null ? null : String(v));

/** A validated numeric field (amounts in fen, counts), or null. */
export const num = (v: FieldValue | undefined): number | null => (v === undefined || v === null ? null : Number(v));

/** References to rows that must be imported first: the same message whichever kind refers to them. */
export const unknownClient = (clientNo: string): RowProblem => ({
  field: 'clientNo',
  reason: { zh: `客户号“${clientNo}”不存在，请先导入客户`, en: `Client “${clientNo}” is unknown; import clients first` },
});

export const unknownOrg = (orgCode: string): RowProblem => ({
  field: 'orgCode',
  reason: { zh: `机构号“${orgCode}”不存在，请先导入机构`, en: `Org code “${orgCode}” is unknown; import org units first` },
});

export const unknownManager = (managerNo: string): RowProblem => ({
  field: 'managerNo',
  reason: { zh: `客户经理号“${managerNo}”不存在，请先导入客户经理`, en: `Manager number “${managerNo}” is unknown; import the roster first` },
});
