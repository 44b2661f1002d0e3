import { describe, expect, it } from 'vitest';
import type { ImportInspection } from '../../shared/api/ops/import.js';
import { commitInput, inspectInput, planKey, previewInput } from '../../renderer/src/pages/import/wizard-inputs.js';
import { INITIAL_WIZARD, canEnter, effectiveKind, nextBlocker, withOption, wizardReducer } from '../../renderer/src/pages/import/wizard-state.js';
import type { WizardAction, WizardState } from '../../renderer/src/pages/import/wizard-state.js';

const HEADERS = ['客户号', '客户名称', '证件号码', '所属网点', '客户经理号'];

function inspection(patch: Partial<ImportInspection> = {}): ImportInspection {
  return {
    fileName: 'c.csv',
    sizeBytes: 100,
    sha256: 'x',
    format: 'csv',
    encoding: 'gb18030',
    encodingBasis: 'fallback-gb18030',
    delimiter: ',',
    sheets: null,
    sheet: null,
    headerRecord: 2,
    headers: HEADERS,
    preamble: ['数据日期：2026-10-31'],
    kind: 'clients',
    mapping: { clientNo: 0, name: 1, idNo: 2, orgCode: 3, managerNo: 4 },
    mappingSource: 'suggested',
    profileName: null,
    missingRequired: [],
    sameFile: null,
    ...patch,
  };
}

const run = (actions: WizardAction[], from: WizardState = INITIAL_WIZARD): WizardState => actions.reduce(wizardReducer, from);

const inspected = (patch: Partial<ImportInspection> = {}): WizardState =>
  run([
    { type: 'fileChosen', name: 'c.csv', size: 100 },
    { type: 'uploaded', uploadId: 'u1' },
    { type: 'inspected', inspection: inspection(patch) },
  ]);

describe('import wizard steps', () => {
  it('cannot leave the file step before the file is read and its kind known', () => {
    expect(nextBlocker(INITIAL_WIZARD)).toBe('noFile');
    const uploading = run([{ type: 'fileChosen', name: 'c.csv', size: 1 }]);
    expect(nextBlocker(uploading)).toBe('inspecting');
    expect(nextBlocker(inspected({ kind: null }))).toBe('noKind');
    expect(nextBlocker(inspected())).toBeNull();
  });

  it('takes the suggested mapping and blocks the mapping step while a required field has no column', () => {
    let s = run([{ type: 'goTo', step: 'mapping' }], inspected());
    expect(s.step).toBe('mapping');
    expect(s.mapping).toEqual({ clientNo: 0, name: 1, idNo: 2, orgCode: 3, managerNo: 4 });
    s = run([{ type: 'fieldMapped', field: 'name', column: null }], s);
    expect(nextBlocker(s)).toBe('missingRequired');
    expect(run([{ type: 'goTo', step: 'preview' }], s).step).toBe('mapping');
    s = run([{ type: 'fieldMapped', field: 'name', column: 1 }, { type: 'fieldMapped', field: 'orgCode', column: null }], s);
    expect(nextBlocker(s)).toBeNull();
    expect(run([{ type: 'goTo', step: 'preview' }], s).step).toBe('preview');
  });

  it('never jumps over a blocked step', () => {
    const s = inspected({ kind: null });
    expect(canEnter(s, 'plan')).toBe(false);
    expect(run([{ type: 'goTo', step: 'run' }], s).step).toBe('file');
    expect(canEnter(inspected(), 'run')).toBe(true);
  });

  it('prefers the chosen kind, and re-reads the file when the kind or the encoding changes', () => {
    let s = run([{ type: 'goTo', step: 'preview' }], inspected());
    expect(effectiveKind(s)).toBe('clients');
    s = run([{ type: 'kindChosen', kind: 'balances' }], s);
    expect(s.step).toBe('file');
    expect(s.inspection).toBeNull();
    expect(s.mapping).toEqual({});
    expect(effectiveKind(s)).toBe('balances');
    expect(inspectInput(s)).toEqual({ source: { type: 'upload', uploadId: 'u1' }, options: {}, kind: 'balances' });
    s = run([{ type: 'optionsChosen', options: withOption({}, 'encoding', 'utf-8') }], s);
    expect(inspectInput(s)?.options).toEqual({ encoding: 'utf-8' });
    expect(withOption({ encoding: 'utf-8', sheet: 'A' }, 'encoding', null)).toEqual({ sheet: 'A' });
  });

  it('keeps the user’s mapping edits when a re-read finds the same columns', () => {
    let s = run([{ type: 'fieldMapped', field: 'orgCode', column: null }], inspected());
    s = run([{ type: 'optionsChosen', options: { encoding: 'gb18030' } }, { type: 'inspected', inspection: inspection() }], s);
    expect(s.mapping).not.toHaveProperty('orgCode');
    s = run([{ type: 'inspected', inspection: inspection({ headers: ['a', 'b'], mapping: { clientNo: 0 } }) }], s);
    expect(s.mapping).toEqual({ clientNo: 0 });
  });

  it('forgets everything but the chosen kind when another file is chosen', () => {
    const s = run([{ type: 'kindChosen', kind: 'clients' }, { type: 'onErrorChosen', onError: 'skip' }, { type: 'fileChosen', name: 'd.csv', size: 2 }], inspected());
    expect(s).toEqual({ ...INITIAL_WIZARD, chosenKind: 'clients', file: { name: 'd.csv', size: 2 } });
  });
});

describe('import wizard call inputs', () => {
  it('builds preview, plan and commit inputs from the state', () => {
    const s = run([{ type: 'fieldMapped', field: 'orgCode', column: null }, { type: 'onErrorChosen', onError: 'skip' }], inspected());
    const source = { type: 'upload', uploadId: 'u1' };
    expect(previewInput(s)).toEqual({ source, options: {}, kind: 'clients', mapping: { clientNo: 0, idNo: 2, managerNo: 4, name: 1 }, limit: 50 });
    expect(commitInput(s)).toMatchObject({ source, kind: 'clients', onError: 'skip' });
    expect(commitInput(s, 'reject')?.onError).toBe('reject');
    expect(previewInput(INITIAL_WIZARD)).toBeNull();
  });

  it('keys a plan by what it plans, not by the order fields were edited in', () => {
    const a = run([{ type: 'fieldMapped', field: 'orgCode', column: null }, { type: 'fieldMapped', field: 'orgCode', column: 3 }], inspected());
    expect(planKey(a)).toBe(planKey(inspected()));
    expect(planKey(run([{ type: 'fieldMapped', field: 'orgCode', column: null }], a))).not.toBe(planKey(a));
    expect(planKey(run([{ type: 'onErrorChosen', onError: 'skip' }], a))).toBe(planKey(a));
  });
});
