import { addDays } from '../../../shared/tasks/dates.js';
import type { GeneratorInput, GeneratorPlan } from './types.js';
import { sqlList } from './types.js';

/**
 * 到期客户: clients with open holdings of the chosen types (by default time deposits and wealth products) maturing in
 * [asOf, asOf + days). Each client's item is due on their earliest maturity in the window — the point of the call is
 * to reach them before the money becomes free — and names every maturing holding with its amount. Reads the partial
 * index on open holdings by maturity date, so only the window's holdings are touched.
 */
export function planMaturity(input: GeneratorInput<'maturity'>, asOf: string): GeneratorPlan {
  const until = addDays(asOf, input.days);
  const last = addDays(until, -1);
  const types = [...new Set(input.productTypes)].sort();
  return {
    generator: 'maturity',
    asOf,
    params: { from: asOf, days: input.days, productTypes: types, minAmountFen: input.minAmountFen },
    dueAt: last,
    title: { zh: `到期客户跟进（${asOf} 至 ${last}）`, en: `Maturing holdings follow-up (${asOf} – ${last})` },
    description: {
      zh: `以下客户的定期存款或理财产品将于 ${asOf} 至 ${last} 到期：请在到期日前联系客户，做好续存或转购安排。`,
      en: `These clients have time deposits or wealth products maturing between ${asOf} and ${last}: contact each before the maturity date to arrange the renewal or reinvestment.`,
    },
    candidates: `
      SELECT h.client_id AS client_id,
             json_object('kind', 'maturity', 'maturityDate', min(h.maturity_date), 'amountFen', sum(h.amount_fen),
               'holdings', json_group_array(json_object('accountNo', h.account_no, 'productType', h.product_type,
                 'productName', h.product_name, 'maturityDate', h.maturity_date, 'amountFen', h.amount_fen) ORDER BY h.maturity_date, h.account_no)) AS detail,
             min(h.maturity_date) AS due_at
      FROM product_holding h
      WHERE h.status = 'open' AND h.maturity_date >= @from AND h.maturity_date < @until AND h.product_type IN ${sqlList(types)}
      GROUP BY h.client_id
      HAVING sum(h.amount_fen) >= @minAmount`,
    bind: { from: asOf, until, minAmount: input.minAmountFen },
  };
}
