import { describe, expect, it } from 'vitest';
import { assignmentRulesSchema } from '../../shared/assignment/rules.js';
import { defaultRules, formOf, includesLeave, parseTolerance, rulesForRun, rulesOfForm, sameRules, withLeave } from '../../renderer/src/pages/assignment/rules-draft.js';
import { readRulesFile, rulesFile } from '../../renderer/src/pages/assignment/rules-file.js';

const decode = (base64: string): string => Buffer.from(base64, 'base64').toString('utf8');

describe('rules draft', () => {
  it('starts from the documented defaults for the given date', () => {
    expect(rulesForRun(defaultRules('2026-10-31'))).toEqual({
      asOf: '2026-10-31',
      scope: {},
      select: { onlyUnassigned: false },
      eligible: { statuses: ['active'], sameOutletOnly: true, vipFullTimeOnly: true, vipFullTimeMinTier: 'platinum' },
      objective: { tolerancePct: 10, keepExisting: true },
    });
  });

  it('drops empty lists (the form’s "any") and sorts the others, so equal rules are equal JSON', () => {
    const d = defaultRules('2026-10-31');
    const a = { ...d, scope: { orgUnitIds: [] }, select: { ...d.select, tiers: ['private' as const, 'gold' as const, 'gold' as const], segments: [], orgUnitIds: [9, 3] } };
    const b = { ...d, select: { ...d.select, tiers: ['gold' as const, 'private' as const], orgUnitIds: [3, 9] } };
    const run = rulesForRun(a);
    expect(run.scope).toEqual({});
    expect(run.select).toEqual({ tiers: ['gold', 'private'], orgUnitIds: [3, 9], onlyUnassigned: false });
    expect(sameRules(a, b)).toBe(true);
    expect(sameRules(a, { ...b, objective: { ...b.objective, tolerancePct: 15 } })).toBe(false);
    // What is sent is what the API's schema accepts.
    expect(assignmentRulesSchema.safeParse(run).success).toBe(true);
  });

  it('keeps a loaded file’s manager lists, which the form has no control for', () => {
    const d = defaultRules('2026-10-31');
    const run = rulesForRun({ ...d, select: { ...d.select, managerIds: [7] }, eligible: { ...d.eligible, managerIds: [4, 2] } });
    expect(run.select?.managerIds).toEqual([7]);
    expect(run.eligible?.managerIds).toEqual([2, 4]);
  });

  it('offers 休假 managers only when ticked', () => {
    const d = defaultRules('2026-10-31');
    expect(includesLeave(d)).toBe(false);
    const on = withLeave(d, true);
    expect(on.eligible.statuses).toEqual(['active', 'leave']);
    expect(includesLeave(on)).toBe(true);
    expect(withLeave(on, false).eligible.statuses).toEqual(['active']);
  });

  it('reads the tolerance as a percentage and refuses what is not one', () => {
    expect(parseTolerance('15')).toBe(15);
    expect(parseTolerance(' 7.5 ')).toBe(7.5);
    expect(parseTolerance('0')).toBe(0);
    expect(parseTolerance('100')).toBe(100);
    for (const bad of ['', '-1', '101', '1e2', 'abc', '15%', '.5']) expect(parseTolerance(bad), bad).toBeNull();
  });

  it('gives rules only when the date and tolerance can be sent', () => {
    const form = formOf(defaultRules('2026-10-31'));
    expect(rulesOfForm({ ...form, toleranceText: '15' })?.objective.tolerancePct).toBe(15);
    expect(rulesOfForm({ ...form, toleranceText: '1x' })).toBeNull();
    expect(rulesOfForm({ ...form, draft: { ...form.draft, asOf: '' } })).toBeNull();
  });
});

describe('rules file', () => {
  it('writes the JSON the CLI reads and reads it back to the same rules', () => {
    const d = defaultRules('2026-10-31');
    const rules = { ...d, select: { ...d.select, tiers: ['gold' as const, 'platinum' as const], stages: ['declining' as const] }, objective: { tolerancePct: 15, keepExisting: false } };
    const file = rulesFile(rules);
    expect(file.fileName).toBe('assignment-rules-2026-10-31.json');
    expect(file.mimeType).toBe('application/json');
    const text = decode(file.base64);
    expect(JSON.parse(text)).toEqual(rulesForRun(rules));
    const read = readRulesFile(text);
    expect(read.ok && sameRules(read.rules, rules)).toBe(true);
  });

  it('fills the defaults of a minimal hand-written file, byte order mark and all', () => {
    const read = readRulesFile('\uFEFF{"asOf":"2026-06-30","select":{"tiers":["diamond"]}}');
    expect(read).toMatchObject({ ok: true, emptyLists: [] });
    if (!read.ok) return;
    expect(read.rules.eligible.vipFullTimeOnly).toBe(true);
    expect(read.rules.objective.tolerancePct).toBe(10);
  });

  it('names empty lists, which mean "none" to the engine but "any" to the form', () => {
    const read = readRulesFile(JSON.stringify({ asOf: '2026-06-30', scope: { orgUnitIds: [] }, select: { tiers: [] }, eligible: { managerIds: [] } }));
    expect(read.ok && read.emptyLists).toEqual(['scope.orgUnitIds', 'select.tiers', 'eligible.managerIds']);
  });

  it('refuses a file that is not JSON or not a rule set, with the problems by path', () => {
    const notJson = readRulesFile('{asOf:');
    expect(notJson.ok).toBe(false);
    const bad = readRulesFile(JSON.stringify({ asOf: '31/10/2026', objective: { tolerancePct: 200 }, extra: 1 }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.some((p) => p.startsWith('asOf:'))).toBe(true);
    expect(bad.problems.some((p) => p.startsWith('objective.tolerancePct:'))).toBe(true);
  });
});
