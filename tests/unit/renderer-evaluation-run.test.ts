import { describe, expect, it } from 'vitest';
import type { EvaluationCard } from '../../shared/evaluation/card.js';
import { schemeSchema } from '../../shared/evaluation/scheme.js';
import { readSchemeFile, schemeFile } from '../../renderer/src/pages/evaluation/scheme-file.js';
import { cardsInOrder, diffRows, entryChanges, entryFieldsOf, entryValue, handItems, pendingCount, pointsDelta, rankText, stepText } from '../../renderer/src/pages/evaluation/run-view.js';

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
