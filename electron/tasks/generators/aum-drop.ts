import { AUM_PRODUCTS_SQL } from '../../../shared/book/products.js';
import { addDays } from '../../../shared/tasks/dates.js';
import { AppError } from '../../platform/app-error.js';
import type { Store } from '../../store/store.js';
import type { GeneratorInput, GeneratorPlan } from './types.js';

/**
 * 资产下降: clients whose AUM (the app's one definition: deposits, wealth, funds, insurance — no loans or card limits)
 * on a snapshot date is more than `dropPct` % below what it was on an earlier snapshot date. Both sums come from
 * `balance_snapshot` (its covering per-date index), so any two loaded dates can be compared, not only consecutive
 * months; a client missing from the later snapshot counts as zero there (all assets gone). Clients below
 * `minPrevAumFen` before are left out, so small balances do not flood the list.
 */
export function planAumDrop(store: Store, input: GeneratorInput<'aum_drop'>, asOf: string): GeneratorPlan {
  const db = store.db;
  const latestOnOrBefore = db.prepare('SELECT max(as_of) FROM balance_snapshot WHERE as_of <= ?').pluck();
  const before = db.prepare('SELECT max(as_of) FROM balance_snapshot WHERE as_of < ?').pluck();
  const snapshot = input.snapshot ?? (latestOnOrBefore.get(asOf) as string | null);
  const compareTo = snapshot === null ? null : (input.compareTo ?? (before.get(snapshot) as string | null));
  if (snapshot === null || compareTo === null) {
    throw new AppError('CONFLICT', { zh: '需要至少两个余额快照日期才能比较资产变化', en: 'Two balance snapshot dates are needed to compare assets' });
  }
  if (compareTo >= snapshot) throw new AppError('INVALID_INPUT', { zh: '比较日期须早于快照日期', en: 'The comparison date must be before the snapshot date' });
  const dueAt = addDays(asOf, input.dueInDays);
  return {
    generator: 'aum_drop',
    asOf,
    params: { asOf, snapshot, compareTo, dropPct: input.dropPct, minPrevAumFen: input.minPrevAumFen, dueInDays: input.dueInDays },
    dueAt,
    title: { zh: `资产下降超 ${input.dropPct}% 客户回访（${compareTo} → ${snapshot}）`, en: `Clients whose assets fell over ${input.dropPct}% (${compareTo} → ${snapshot})` },
    description: {
      zh: `以下客户 ${snapshot} 的金融资产较 ${compareTo} 下降超过 ${input.dropPct}%：请在 ${dueAt} 前回访，了解原因并提供挽留方案。`,
      en: `These clients' assets on ${snapshot} are more than ${input.dropPct}% below ${compareTo}: call on them by ${dueAt} to learn why and offer a retention plan.`,
    },
    candidates: `
      WITH cur AS (SELECT client_id, sum(balance_fen) AS aum FROM balance_snapshot
                   WHERE as_of = @snapshot AND product_type IN ${AUM_PRODUCTS_SQL} GROUP BY client_id),
           pre AS (SELECT client_id, sum(balance_fen) AS aum FROM balance_snapshot
                   WHERE as_of = @compareTo AND product_type IN ${AUM_PRODUCTS_SQL} GROUP BY client_id
                   HAVING sum(balance_fen) > 0 AND sum(balance_fen) >= @minPrev)
      SELECT pre.client_id AS client_id,
             json_object('kind', 'aum_drop', 'asOf', @snapshot, 'prevAsOf', @compareTo, 'aumFen', coalesce(cur.aum, 0), 'prevAumFen', pre.aum,
               'dropBp', (pre.aum - coalesce(cur.aum, 0)) * 10000 / pre.aum) AS detail,
             NULL AS due_at
      FROM pre LEFT JOIN cur ON cur.client_id = pre.client_id
      WHERE coalesce(cur.aum, 0) * 100 < pre.aum * (100 - @dropPct)`,
    bind: { snapshot, compareTo, minPrev: input.minPrevAumFen, dropPct: input.dropPct },
  };
}
