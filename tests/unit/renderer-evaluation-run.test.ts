import { describe, expect, it } from 'vitest';
import type { EvaluationCard } from '../../shared/evaluation/card.js';
import { schemeSchema } from '../../shared/evaluation/scheme.js';
import { readSchemeFile, schemeFile } from '../../renderer/src/pages/evaluation/scheme-file.js';
import type { IndicatorView } from '../../shared/targets/decomposition.js';
import { fieldLabelKey, problemMessage } from '../../renderer/src/pages/evaluation/problem-text.js';
import {
  cardsByStaff,
  cardsInOrder,
  commentsOf,
  diffRows,
  entryChanges,
  entryFieldsOf,
  entryValue,
  figureUnitOf,
  handItems,
  pendingCount,
  pointsDelta,
  rankText,
  stepText,
  traceValueText,
} from '../../renderer/src/pages/evaluation/run-view.js';

const SCHEME = schemeSchema.parse({
  code: 'CM-M',
  name: '月度',
  periodType: 'month',
  items: [
    { key: 'dep', name: '存款净增', weight: 80, source: { kind: 'indicator', indicator: 'DEP_NET' }, method: { type: 'ratio' }, fixedTarget: '100' },
    { key: 'service', name: '客户服务', weight: 20, source: { kind: 'qualitative' }, method: { type: 'entered' } },
    { key: 'complaints', name: '客户投诉', weight: 0, source: { kind: 'count', label: '次' }, method: { type: 'deduction', pointsEach: 2, maxPoints: 10 } },
  ],
});
const [dep, service, complaints] = SCHEME.items;
if (dep === undefined || service === undefined || complaints === undefined) throw new Error('scheme');

function card(managerId: number, staffNo: string, total: string | null, rankBranch: number | null): EvaluationCard {
  return {
    managerId,
    manager: { managerId, staffNo, name: `经理${managerId}`, outletId: 1, outletCode: 'O1', outletName: '一号', grade: 'standard', type: 'full_time' },
    items: [],
    quantitative: '0',
    coefficient: { grade: 1, outlet: 1 },
    adjusted: '0',
    qualitative: '0',
    deductions: '0',
    total,
    outcome: null,
    rankOutlet: rankBranch,
    rankBranch,
    of: { outlet: 3, branch: 3 },
    bottom: false,
    trace: [],
  };
}

describe('the run view helpers', () => {
  it('reads the hand-entered fields: points within the weight, whole counts, empty clears', () => {
    expect(handItems(SCHEME).map((i) => i.key)).toEqual(['service', 'complaints']);
    expect(entryValue(service, '18.5')).toEqual({ ok: true, value: 18.5 });
    expect(entryValue(service, '20')).toEqual({ ok: true, value: 20 });
    expect(entryValue(service, '20.01')).toEqual({ ok: false });
    expect(entryValue(service, '1.005')).toEqual({ ok: false });
    expect(entryValue(service, '-1')).toEqual({ ok: false });
    expect(entryValue(service, ' ')).toEqual({ ok: true, value: null });
    expect(entryValue(complaints, '3')).toEqual({ ok: true, value: 3 });
    expect(entryValue(complaints, '1.5')).toEqual({ ok: false });
  });

  it('sends only what changed for a manager', () => {
    const stored = entryFieldsOf(SCHEME, [{ managerId: 7, itemKey: 'service', value: 18, comment: '好' }], 7);
    expect(stored).toEqual({ service: { value: '18', comment: '好' }, complaints: { value: '', comment: '' } });
    expect(entryChanges(SCHEME, stored, stored)).toEqual([]);
    expect(entryChanges(SCHEME, stored, { ...stored, service: { value: '18.00', comment: '好' } })).toEqual([]);
    expect(entryChanges(SCHEME, stored, { service: { value: '19', comment: ' 好 ' }, complaints: { value: '1', comment: '' } })).toEqual([
      { itemKey: 'service', value: 19, comment: '好' },
      { itemKey: 'complaints', value: 1 },
    ]);
    expect(entryChanges(SCHEME, stored, { ...stored, service: { value: '25', comment: '' } })).toBeNull();
  });

  it('orders cards by rank with pending ones last, and counts them', () => {
    const cards = [card(1, 'M3', null, null), card(2, 'M2', '8000', 2), card(3, 'M1', '9000', 1), card(4, 'M0', null, null)];
    expect(cardsInOrder(cards).map((c) => c.managerId)).toEqual([3, 2, 4, 1]);
    expect(pendingCount(cards)).toBe(2);
    expect(rankText(2, 16)).toBe('2/16');
    expect(rankText(null, 16)).toBe('—');
  });

  it('names the lock diff and computes deltas exactly', () => {
    const rows = diffRows([{ managerId: 2, item: 'dep', before: '6455', after: '6000' }, { managerId: 2, item: null, before: '9000', after: null }], { cards: [card(2, 'M2', '9000', 1)], scheme: SCHEME });
    expect(rows).toEqual([
      { managerId: 2, staffNo: 'M2', name: '经理2', item: '存款净增', before: '6455', after: '6000' },
      { managerId: 2, staffNo: 'M2', name: '经理2', item: null, before: '9000', after: null },
    ]);
    expect(pointsDelta('6455', '6000')).toBe('-455');
    expect(pointsDelta(null, '1')).toBeNull();
    expect(stepText({ zh: '权重', en: 'Weight', value: '80.00' }, 'en')).toBe('Weight');
  });
});

describe('reading a card', () => {
  const indicators: IndicatorView[] = [{ id: 1, code: 'DEP_NET', name: '存款净增', measure: 'amount', unit: '万元', direction: 'up', flow: true, hasSource: true }];

  it('shows figures of the trace in 元 and %, points as they are', () => {
    const fen = figureUnitOf(dep, indicators);
    expect(fen).toEqual({ kind: 'fen' });
    expect(traceValueText({ zh: '实际', en: 'Actual', value: '21246428' }, fen)).toBe('212,464.28 元');
    expect(traceValueText({ zh: '目标', en: 'Target', value: '-1157958.5' }, fen)).toBe('-11,579.585 元');
    expect(traceValueText({ zh: '权重', en: 'Weight', value: '80.00' }, fen)).toBe('80.00');
    expect(traceValueText({ zh: '缺少实际值', en: 'No actual figure', value: '—' }, fen)).toBe('—');
    expect(traceValueText({ zh: '实际', en: 'Actual', value: '4857.14' }, { kind: 'bp' })).toBe('48.5714%');
    expect(figureUnitOf(service, indicators)).toEqual({ kind: 'none' });
  });

  it('keeps comments by item and a stable order for going through the team', () => {
    expect(commentsOf([{ managerId: 7, itemKey: 'service', value: 18, comment: '好' }, { managerId: 7, itemKey: 'complaints', value: 1, comment: ' ' }, { managerId: 8, itemKey: 'service', value: 1, comment: '差' }], 7)).toEqual({ service: '好' });
    const cards = [card(1, 'M3', null, null), card(2, 'M2', '8000', 2), card(3, 'M1', '9000', 1)];
    expect(cardsByStaff(cards).map((c) => c.manager.staffNo)).toEqual(['M1', 'M2', 'M3']);
  });
});

describe('editor problems in words', () => {
  it('names fields by label, whatever the list index or grade', () => {
    expect(fieldLabelKey('weight')).toBe('eval.edit.weight');
    expect(fieldLabelKey('method.bands.3.fromPct')).toBe('eval.edit.completion');
    expect(fieldLabelKey('gradeRules.standard.maintainAt')).toBe('eval.rules.maintainAt');
    expect(fieldLabelKey('gradeRules.0.promoteAt')).toBe('eval.rules.promoteAt');
    expect(fieldLabelKey('coefficients.grade.senior')).toBe('eval.rules.gradeCoefficients');
    expect(fieldLabelKey('coefficients.outlet.320115001')).toBe('eval.rules.outletCoefficients');
    expect(fieldLabelKey('mystery')).toBeNull();
  });

  it('words the usual schema refusals itself', () => {
    expect(problemMessage({ item: 0, field: 'weight', code: 'number' })).toEqual({ key: 'eval.problem.number' });
    expect(problemMessage({ item: 0, field: 'weight', code: 'schema', detail: 'Invalid input: expected number, received NaN' })).toEqual({ key: 'eval.problem.required' });
    expect(problemMessage({ item: 0, field: 'key', code: 'schema', detail: 'lowercase letters, digits and _ (a–z first)' })).toEqual({ key: 'eval.problem.key' });
    expect(problemMessage({ item: null, field: 'items', code: 'schema', detail: 'Too small: expected array to have >=1 items' })).toEqual({ key: 'eval.problem.noItems' });
    expect(problemMessage({ item: 1, field: 'method.capPct', code: 'schema', detail: 'Too big: expected number to be <=1000' })).toEqual({ text: 'Too big: expected number to be <=1000' });
  });
});

describe('scheme files', () => {
  it('round-trips through the CLI’s JSON format and reports a bad file by path', () => {
    const file = schemeFile(SCHEME);
    expect(file.fileName).toBe('scheme-CM-M.json');
    const text = new TextDecoder().decode(Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)));
    expect(readSchemeFile(`\uFEFF${text}`)).toEqual({ ok: true, scheme: SCHEME });
    const bad = readSchemeFile(JSON.stringify({ ...SCHEME, periodType: 'week' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatch(/^periodType: /);
    expect(readSchemeFile('{').ok).toBe(false);
  });
});
