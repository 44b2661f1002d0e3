import type { IndicatorView } from '../../shared/targets/decomposition.js';
import type { IndicatorSource } from '../../shared/targets/indicator-source.js';
import { AppError } from '../platform/app-error.js';
import type { Store } from '../store/store.js';
import { listIndicators } from './context.js';

export interface IndicatorInput {
  code: string;
  name: string;
  measure: 'amount' | 'count';
  unit: string;
  direction: 'up' | 'down';
  flow: boolean;
  /** Where actuals come from in the imported data; null: entered by hand only (or the built-in source for its code). */
  source: IndicatorSource | null;
}

/**
 * Adds an indicator or changes one (by code). A built-in indicator keeps its code and measure — imported target
 * files and stored plans refer to them — but its name, unit, direction and source may change. An indicator that
 * has target plans keeps its measure (fen vs whole units) so stored figures keep their meaning.
 */
export function saveIndicator(store: Store, input: IndicatorInput): IndicatorView {
  return store.transaction(() => {
    const db = store.db;
    const existing = db.prepare('SELECT id, measure, builtin FROM indicator WHERE code = ?').get(input.code) as { id: number; measure: string; builtin: number } | undefined;
    const clash = db.prepare('SELECT code FROM indicator WHERE name = ? AND code <> ?').pluck().get(input.name, input.code) as string | undefined;
    if (clash !== undefined) throw new AppError('CONFLICT', { zh: `指标名称「${input.name}」已被 ${clash} 使用`, en: `The name “${input.name}” is used by ${clash}` });
    const source = input.source === null ? null : JSON.stringify(input.source);
    if (existing === undefined) {
      const sort = ((db.prepare('SELECT max(sort) FROM indicator').pluck().get() as number | null) ?? 0) + 10;
      db.prepare('INSERT INTO indicator (code, name, measure, unit, direction, flow, source, builtin, sort) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)').run(
        input.code,
        input.name,
        input.measure,
        input.unit,
        input.direction,
        input.flow ? 1 : 0,
        source,
        sort,
      );
    } else {
      const planned = db.prepare('SELECT 1 FROM target_plan WHERE indicator_id = ? LIMIT 1').get(existing.id) !== undefined;
      if (existing.measure !== input.measure && (existing.builtin === 1 || planned)) {
        throw new AppError('CONFLICT', {
          zh: '已有目标或内置的指标不能改变计量方式（金额/数量）',
          en: 'An indicator with targets, or a built-in one, cannot change between amount and count',
        });
      }
      db.prepare('UPDATE indicator SET name = ?, measure = ?, unit = ?, direction = ?, flow = ?, source = ? WHERE id = ?').run(
        input.name,
        input.measure,
        input.unit,
        input.direction,
        input.flow ? 1 : 0,
        source,
        existing.id,
      );
    }
    return listIndicators(store).find((i) => i.code === input.code) as IndicatorView;
  });
}
