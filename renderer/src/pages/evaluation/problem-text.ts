import type { MessageKey } from '../../i18n/messages.js';
import type { DraftProblem } from './scheme-draft.js';

/**
 * The editor's own problems in words: which item, which field, what is wrong. The schema's English is kept only
 * for rare cases; the usual ones (a required field left empty, a malformed key or code) get a sentence of their own.
 */
const FIELD_KEYS: Readonly<Record<string, MessageKey>> = {
  key: 'eval.edit.key',
  name: 'eval.edit.name',
  weight: 'eval.edit.weight',
  'source.indicator': 'eval.edit.indicator',
  'source.label': 'eval.edit.countLabel',
  'source.rubric.fromPct': 'eval.edit.rubricFrom',
  'source.rubric.toPct': 'eval.edit.rubricTo',
  'source.rubric.level': 'eval.edit.rubricLevel',
  'method.capPct': 'eval.edit.capPct',
  'method.floorPct': 'eval.edit.floorPct',
  'method.per': 'eval.edit.per',
  'method.pointsAbove': 'eval.edit.pointsAbove',
  'method.pointsBelow': 'eval.edit.pointsBelow',
  'method.bands': 'eval.edit.bands',
  'method.bands.fromPct': 'eval.edit.completion',
  'method.bands.scorePct': 'eval.edit.shareOfWeight',
  'method.pointsEach': 'eval.edit.pointsEach',
  'method.maxPoints': 'eval.edit.mostOff',
  zeroBelowPct: 'eval.edit.zeroBelow',
  maxPoints: 'eval.edit.maxPoints',
  minPoints: 'eval.edit.minPoints',
  fixedTarget: 'eval.edit.fixedTarget',
  'gate.item': 'eval.edit.gate',
  'gate.minPct': 'eval.edit.gateMin',
  code: 'eval.scheme.code',
  items: 'eval.scheme.items',
  maxTotal: 'eval.rules.maxTotal',
  bottomWarning: 'eval.rules.bottomWarning',
  'coefficients.grade': 'eval.rules.gradeCoefficients',
  'coefficients.outlet': 'eval.rules.outletCoefficients',
  gradeRules: 'eval.rules.gradeRules',
  'gradeRules.maintainAt': 'eval.rules.maintainAt',
  'gradeRules.promoteAt': 'eval.rules.promoteAt',
};

/**
 * The label key of a field path. List indexes are dropped ("method.bands.0.fromPct" → the band's 完成率), a named
 * entry in the middle is skipped ("gradeRules.standard.maintainAt" → 维持线), and otherwise the nearest labelled
 * parent names it ("coefficients.grade.senior" → 职级系数).
 */
export function fieldLabelKey(field: string): MessageKey | null {
  const parts = field.split('.').filter((p) => !/^\d+$/.test(p));
  const exact = FIELD_KEYS[parts.join('.')];
  if (exact !== undefined) return exact;
  if (parts.length === 3) {
    const skipped = FIELD_KEYS[`${parts[0] ?? ''}.${parts[2] ?? ''}`];
    if (skipped !== undefined) return skipped;
  }
  for (let n = parts.length - 1; n > 0; n--) {
    const parent = FIELD_KEYS[parts.slice(0, n).join('.')];
    if (parent !== undefined) return parent;
  }
  return null;
}

export type ProblemMessage = { key: MessageKey } | { text: string };

/** What is wrong, as a message key where there is one. */
export function problemMessage(p: DraftProblem): ProblemMessage {
  if (p.code === 'number') return { key: 'eval.problem.number' };
  if (p.code === 'figure') return { key: 'eval.problem.figure' };
  const detail = p.detail ?? '';
  if (/received NaN|received undefined|expected string to have >=1/i.test(detail)) return { key: 'eval.problem.required' };
  if (p.field === 'key' || p.field.endsWith('gate.item')) return { key: 'eval.problem.key' };
  if (p.field === 'code') return { key: 'eval.problem.code' };
  if (p.field === 'items' && /too small/i.test(detail)) return { key: 'eval.problem.noItems' };
  return { text: detail };
}
