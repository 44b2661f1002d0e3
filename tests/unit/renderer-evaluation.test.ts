import { describe, expect, it } from 'vitest';
import { schemeSchema } from '../../shared/evaluation/scheme.js';
import type { IndicatorView } from '../../shared/targets/decomposition.js';
import { parseScaled, scaledText } from '../../renderer/src/pages/evaluation/decimal-text.js';
import { defaultPeriod, periodChoices, periodOfType, previousPeriod } from '../../renderer/src/pages/evaluation/eval-periods.js';
import { figureInput, itemUnit, storedFigure, unitSuffix } from '../../renderer/src/pages/evaluation/item-units.js';
import { draftOf, emptyDraft, newItem, schemeOf, weightTotal, withFields, withSource } from '../../renderer/src/pages/evaluation/scheme-draft.js';
import type { SchemeDraft } from '../../renderer/src/pages/evaluation/scheme-draft.js';

const indicator = (code: string, measure: 'amount' | 'count', unit: string): IndicatorView => ({ id: 1, code, name: code, measure, unit, direction: 'up', flow: true, hasSource: true });
const INDICATORS = [indicator('DEP_NET', 'amount', '万元'), indicator('NEW_CLIENT', 'count', '户')];

/** The e2e's scheme, typed as a supervisor would: 万元 and % in the fields. */
function typedDraft(): SchemeDraft {
  const dep = withFields(newItem('indicator', []), { indicator: 'DEP_NET', name: '存款净增', weight: '40', fixedTarget: '20' });
  const avg = withFields(newItem('indicator', [dep.key]), { indicator: 'DEP_AVG', name: '日均存款', weight: '30' });
  const bands = { ...avg, method: 'bands' as const };
  const service = withFields(newItem('qualitative', []), { key: 'service', name: '客户服务', weight: '20' });
  const contact = withFields(newItem('metric', []), { name: '联系计划覆盖率', weight: '10', fixedTarget: '90' });
  const complaints = withFields(newItem('count', []), { key: 'complaints', name: '客户投诉', pointsEach: '2', mostOff: '10' });
  return { ...emptyDraft(), code: 'CM-M', name: '客户经理月度考核', items: [dep, bands, service, contact, complaints] };
}

describe('exact decimal text', () => {
  it('parses and prints scaled integers without floats', () => {
    expect(parseScaled('12.5', 2)).toBe(1250n);
    expect(parseScaled('0.10', 2)).toBe(10n);
    expect(parseScaled('-3', 2)).toBe(-300n);
    expect(parseScaled('1.234', 2)).toBeNull();
    expect(parseScaled('abc', 2)).toBeNull();
    expect(scaledText(1250n, 2)).toBe('12.5');
    expect(scaledText('123456789', 6)).toBe('123.456789');
  });
});

describe('item units', () => {
  it('types amounts in the indicator unit, metrics in %, counts as they are', () => {
    const amount = itemUnit('indicator', 'DEP_NET', INDICATORS);
    expect(unitSuffix(amount)).toBe('万元');
    expect(storedFigure('20', amount)).toBe('20000000');
    expect(storedFigure('0.000001', amount)).toBe('1');
    expect(figureInput('20000000', amount)).toBe('20');
    const bp = itemUnit('metric', '', INDICATORS);
    expect(storedFigure('90', bp)).toBe('9000');
    expect(storedFigure('90.125', bp)).toBeNull();
    expect(figureInput('9000', bp)).toBe('90');
    expect(storedFigure('12', itemUnit('indicator', 'NEW_CLIENT', INDICATORS))).toBe('12');
    // Unknown to this workspace: the stored figure as typed.
    expect(storedFigure('777', itemUnit('indicator', 'ELSEWHERE', INDICATORS))).toBe('777');
  });
});

describe('the scheme draft', () => {
  it('adds weights exactly, deductions outside the 100', () => {
    const d = typedDraft();
    expect(weightTotal(d)).toEqual({ hundredths: 10_000n, ok: true });
    const off = { ...d, items: d.items.map((i, n) => (n === 0 ? { ...i, weight: '39.99' } : i)) };
    expect(weightTotal(off)).toEqual({ hundredths: 9_999n, ok: false });
    expect(weightTotal({ items: [{ ...newItem('indicator', []), weight: 'x' }] })).toEqual({ hundredths: null, ok: false });
  });

  it('keys follow the indicator until typed, methods follow the source', () => {
    const i = withFields(newItem('indicator', []), { indicator: 'DEP_NET' });
    expect(i.key).toBe('dep_net');
    const typed = withFields(i, { key: 'deposits' });
    expect(withFields(typed, { indicator: 'NEW_CLIENT' }).key).toBe('deposits');
    const q = withSource(i, 'qualitative');
    expect(q.method).toBe('entered');
    const c = withSource(q, 'count');
    expect([c.method, c.weight]).toEqual(['deduction', '0']);
    expect(withSource(c, 'indicator').method).toBe('ratio');
    expect(newItem('metric', []).key).toBe('contact_coverage');
  });

  it('becomes the scheme the API takes, figures in stored units', () => {
    const r = schemeOf(typedDraft(), INDICATORS);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.scheme.items.map((i) => [i.key, i.weight, i.method.type, i.fixedTarget])).toEqual([
      ['dep_net', 40, 'ratio', '20000000'],
      ['dep_avg', 30, 'bands', undefined],
      ['service', 20, 'entered', undefined],
      ['contact_coverage', 10, 'ratio', '9000'],
      ['complaints', 0, 'deduction', undefined],
    ]);
    expect(r.scheme.appliesTo).toEqual({});
    expect(r.scheme.gradeRules).toEqual([]);
  });

  it('goes back to the editor and out again unchanged', () => {
    const scheme = schemeSchema.parse({
      code: 'CM-Q',
      name: '季度',
      periodType: 'quarter',
      appliesTo: { grades: ['standard', 'senior'] },
      items: [
        { key: 'dep', name: '存款', weight: 70, source: { kind: 'indicator', indicator: 'DEP_NET' }, method: { type: 'difference', per: '1000000', pointsAbove: 1, pointsBelow: 0.5, prorate: false }, fixedTarget: '20000000', zeroBelowPct: 50, maxPoints: 80 },
        { key: 'cli', name: '新客', weight: 20.5, source: { kind: 'indicator', indicator: 'NEW_CLIENT' }, method: { type: 'bands', bands: [{ fromPct: 0, scorePct: 50 }] }, gate: { item: 'dep', minPct: 60 } },
        { key: 'svc', name: '服务', weight: 9.5, source: { kind: 'qualitative', rubric: [{ level: '优', description: '无投诉', fromPct: 90, toPct: 100 }] }, method: { type: 'entered' } },
      ],
      coefficients: { grade: { senior: 1.1 }, outlet: { '320115001': 1.05 } },
      maxTotal: 120,
      gradeRules: [{ grade: 'standard', maintainAt: 60, promoteAt: null }],
      bottomWarning: 2,
    });
    const d = draftOf(scheme, INDICATORS);
    expect(d.items[0]?.per).toBe('1');
    expect(d.items[0]?.fixedTarget).toBe('20');
    const back = schemeOf(d, INDICATORS);
    expect(back).toEqual({ ok: true, scheme });
  });

  it('names fields that are not numbers, and passes the schema’s word on the rest', () => {
    const d = typedDraft();
    const bad = { ...d, items: d.items.map((i, n) => (n === 1 ? { ...i, weight: '三十' } : i)) };
    expect(schemeOf(bad, INDICATORS)).toEqual({ ok: false, problems: [{ item: 1, field: 'weight', code: 'number' }] });
    const figure = { ...d, items: d.items.map((i, n) => (n === 3 ? { ...i, fixedTarget: '90.001' } : i)) };
    expect(schemeOf(figure, INDICATORS)).toEqual({ ok: false, problems: [{ item: 3, field: 'fixedTarget', code: 'figure' }] });
    const key = schemeOf({ ...d, code: '' , items: d.items.map((i, n) => (n === 2 ? { ...i, key: 'Service' } : i)) }, INDICATORS);
    expect(key.ok).toBe(false);
    if (!key.ok) expect(key.problems.map((p) => [p.item, p.field, p.code])).toEqual([
      [null, 'code', 'schema'],
      [2, 'key', 'schema'],
    ]);
  });
});

describe('evaluation periods', () => {
  it('defaults to the latest period the data covers to its end', () => {
    expect(defaultPeriod('month', '2026-10-31', '2026-11-23')).toBe('2026-10');
    expect(defaultPeriod('month', '2026-10-30', '2026-11-23')).toBe('2026-09');
    expect(defaultPeriod('quarter', '2026-10-31', '2026-11-23')).toBe('2026Q3');
    expect(defaultPeriod('quarter', '2026-09-30', '2026-11-23')).toBe('2026Q3');
    expect(defaultPeriod('year', '2026-10-31', '2026-11-23')).toBe('2025');
    expect(defaultPeriod('month', null, '2026-01-05')).toBe('2025-12');
  });

  it('lists earlier periods across year ends and checks types', () => {
    expect(periodChoices('quarter', '2026-03-31', '2026-04-02').slice(0, 3)).toEqual(['2026Q1', '2025Q4', '2025Q3']);
    expect(periodChoices('month', '2026-01-31', '2026-02-02').slice(0, 2)).toEqual(['2026-01', '2025-12']);
    expect(periodChoices('year', null, '2026-02-02')).toEqual(['2025', '2024', '2023', '2022']);
    expect(previousPeriod('2026Q1')).toBe('2025Q4');
    expect(periodOfType('2026Q3', 'quarter')).toBe(true);
    expect(periodOfType('2026-09', 'quarter')).toBe(false);
  });
});
