import { PRODUCT_TYPES } from '../model/client.js';
import type { ProductType } from '../model/client.js';

/**
 * Assets under management (金融资产, AUM): deposits, wealth, funds and insurance. Loans are liabilities and card
 * rows carry a limit, so neither counts. The one definition every AUM figure (变动 indicators, tiers, scores) uses.
 */
export const AUM_PRODUCT_TYPES: readonly ProductType[] = ['deposit_demand', 'deposit_time', 'wealth', 'fund', 'insurance'];

/** The same list as an SQL `IN` list, for set-based statements (the codes are fixed identifiers, never user text). */
export const AUM_PRODUCTS_SQL = `(${AUM_PRODUCT_TYPES.map((p) => `'${p}'`).join(', ')})`;

/** Each product type's bit in a "types held" mask (deposit_demand = 1, deposit_time = 2, … credit_card = 64). */
export function productBit(type: ProductType): number {
  return 1 << PRODUCT_TYPES.indexOf(type);
}

/** `CASE product_type WHEN 'deposit_demand' THEN 1 … ELSE 0 END`, so SQL can build the same mask. */
export const PRODUCT_BIT_SQL = `CASE product_type ${PRODUCT_TYPES.map((p) => `WHEN '${p}' THEN ${productBit(p)}`).join(' ')} ELSE 0 END`;

/** How many product types a mask names. */
export function countProductTypes(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}
