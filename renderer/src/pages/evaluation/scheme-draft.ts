import { MANAGER_GRADES, MANAGER_TYPES } from '../../../../shared/model/manager.js';
import type { ManagerGrade, ManagerType } from '../../../../shared/model/manager.js';
import { schemeSchema } from '../../../../shared/evaluation/scheme.js';
import type { ItemSource, Scheme, SchemeItem, ScoringMethod } from '../../../../shared/evaluation/scheme.js';
import type { IndicatorView } from '../../../../shared/targets/decomposition.js';
import { isNumberText, parseScaled, scaledText } from './decimal-text.js';
import { figureInput, itemUnit, storedFigure } from './item-units.js';

/**
 * The scheme editor's form state: every number as the text typed (so "12." or an empty field is not lost while
 * typing), figures in the unit people think in. `schemeOf` turns it into a scheme through the same schema the API
 * and the CLI use, so what the editor accepts is exactly what saveScheme accepts; `draftOf` goes back.
 */
export type SourceKind = ItemSource['kind'];
export type MethodType = ScoringMethod['type'];
export type MetricKind = Extract<ItemSource, { kind: 'metric' }>['metric'];
export type PeriodType = Scheme['periodType'];

export const SOURCE_KINDS: readonly SourceKind[] = ['indicator', 'metric', 'qualitative', 'count'];
export const METRICS: readonly MetricKind[] = ['contact_coverage', 'vip_share'];
export const PERIOD_TYPES: readonly PeriodType[] = ['month', 'quarter', 'year'];

export interface BandDraft {
  fromPct: string;
  scorePct: string;
}

export interface RubricDraft {
  level: string;
  description: string;
  fromPct: string;
  toPct: string;
}

export interface ItemDraft {
  key: string;
  /** The key follows the indicator or metric chosen until the user types one. */
  autoKey: boolean;
  name: string;
  weight: string;
  source: SourceKind;
  indicator: string;
  metric: MetricKind;
  countLabel: string;
  rubric: RubricDraft[];
  method: MethodType;
  capPct: string;
  floorPct: string;
  /** Difference method: the unit counted, in the item's unit (万元, 户, %). */
  per: string;
  pointsAbove: string;
  pointsBelow: string;
  prorate: boolean;
  bands: BandDraft[];
  pointsEach: string;
  mostOff: string;
  zeroBelowPct: string;
  maxPoints: string;
  minPoints: string;
  /** In the item's unit; stored as fen / units / basis points. */
  fixedTarget: string;
  gateItem: string;
  gateMinPct: string;
}

export interface SchemeDraft {
  code: string;
  name: string;
  periodType: PeriodType;
  /** Empty: every grade / type (the scheme leaves the list out). */
  grades: ManagerGrade[];
  types: ManagerType[];
  items: ItemDraft[];
  gradeCoefficients: Record<ManagerGrade, string>;
  outletCoefficients: Array<{ code: string; value: string }>;
  maxTotal: string;
  /** A grade has a rule when its maintain line is filled; an empty promote line means no promotion. */
  gradeRules: Record<ManagerGrade, { maintainAt: string; promoteAt: string }>;
  bottomWarning: string;
}

export interface DraftProblem {
  /** Index of the item concerned, or null for the scheme as a whole. */
  item: number | null;
  /** The field, as a path below the item or the scheme ('weight', 'method.bands.0.fromPct', 'code'). */
  field: string;
  code: 'number' | 'figure' | 'schema';
  /** The schema's own words when `code` is 'schema'. */
  detail?: string;
}

export function methodsFor(kind: SourceKind): MethodType[] {
  if (kind === 'qualitative') return ['entered'];
  if (kind === 'count') return ['deduction'];
  return ['ratio', 'difference', 'bands'];
}

const perGrade = <T>(make: () => T): Record<ManagerGrade, T> => Object.fromEntries(MANAGER_GRADES.map((g) => [g, make()])) as Record<ManagerGrade, T>;

const autoKeyOf = (item: Pick<ItemDraft, 'source' | 'indicator' | 'metric'>, fallback: string): string => {
  const raw = item.source === 'indicator' ? item.indicator : item.source === 'metric' ? item.metric : fallback;
  const slug = raw.toLowerCase().replace(/[^a-z0-9_]/g, '_').replace(/^[^a-z]+/, '').slice(0, 32);
  return slug === '' ? fallback : slug;
};

/** A new item of a kind, with the method that kind takes and sensible defaults (ratio capped at 120%). */
export function newItem(kind: SourceKind, taken: readonly string[]): ItemDraft {
  let n = taken.length + 1;
  while (taken.includes(`item_${n}`)) n++;
  const base: ItemDraft = {
    key: `item_${n}`,
    autoKey: true,
    name: '',
    weight: kind === 'count' ? '0' : '',
    source: kind,
    indicator: '',
    metric: 'contact_coverage',
    countLabel: '次',
    rubric: [],
    method: methodsFor(kind)[0] ?? 'ratio',
    capPct: '120',
    floorPct: '0',
    per: '',
    pointsAbove: '',
    pointsBelow: '',
    prorate: true,
    bands: [
      { fromPct: '100', scorePct: '100' },
      { fromPct: '80', scorePct: '80' },
      { fromPct: '60', scorePct: '60' },
    ],
    pointsEach: '1',
    mostOff: '5',
    zeroBelowPct: '',
    maxPoints: '',
    minPoints: '',
    fixedTarget: '',
    gateItem: '',
    gateMinPct: '',
  };
  return kind === 'metric' ? { ...base, key: autoKeyOf(base, base.key) } : base;
}

/** Changes an item's source; the method follows when the old one does not fit the new source. */
export function withSource(item: ItemDraft, kind: SourceKind): ItemDraft {
  const methods = methodsFor(kind);
  const method = methods.includes(item.method) ? item.method : (methods[0] ?? 'ratio');
  const next: ItemDraft = { ...item, source: kind, method, weight: kind === 'count' ? '0' : item.weight === '0' && item.source === 'count' ? '' : item.weight };
  return next.autoKey ? { ...next, key: autoKeyOf(next, item.key) } : next;
}

/** Any field change; keys that are still automatic follow the indicator or metric. */
export function withFields(item: ItemDraft, patch: Partial<ItemDraft>): ItemDraft {
  const next = { ...item, ...patch, autoKey: patch.key === undefined ? item.autoKey : false };
  return next.autoKey && (patch.indicator !== undefined || patch.metric !== undefined) ? { ...next, key: autoKeyOf(next, item.key) } : next;
}

export function emptyDraft(): SchemeDraft {
  return {
    code: '',
    name: '',
    periodType: 'month',
    grades: [],
    types: [],
    items: [],
    gradeCoefficients: perGrade(() => ''),
    outletCoefficients: [],
    maxTotal: '',
    gradeRules: perGrade(() => ({ maintainAt: '', promoteAt: '' })),
    bottomWarning: '1',
  };
}

/** Sum of the weights that make up the 100 points (deductions sit outside), exactly; null while one is unreadable. */
export function weightTotal(draft: Pick<SchemeDraft, 'items'>): { hundredths: bigint | null; ok: boolean } {
  let total = 0n;
  for (const item of draft.items) {
    if (item.method === 'deduction') continue;
    const w = parseScaled(item.weight, 2);
    if (w === null) return { hundredths: null, ok: false };
    total += w;
  }
  return { hundredths: total, ok: total === 10_000n };
}

type ItemInput = Record<string, unknown>;

/** Reads the draft's numbers; a field that is not a number is reported by name instead of reaching the schema. */
class Reader {
  readonly problems: DraftProblem[] = [];
  constructor(private readonly item: number | null) {}
  num(text: string, field: string): number | undefined {
    if (text.trim() === '') return undefined;
    if (!isNumberText(text)) {
      this.problems.push({ item: this.item, field, code: 'number' });
      return undefined;
    }
    return Number(text);
  }
  /** A required number: an empty field is left for the schema to call missing. */
  need(text: string, field: string): number {
    return this.num(text, field) ?? Number.NaN;
  }
  figure(text: string, field: string, item: ItemDraft, indicators: readonly IndicatorView[]): string | undefined {
    if (text.trim() === '') return undefined;
    const stored = storedFigure(text, itemUnit(item.source, item.indicator, indicators));
    if (stored === null) this.problems.push({ item: this.item, field, code: 'figure' });
    return stored ?? undefined;
  }
}

function sourceInput(d: ItemDraft, r: Reader): ItemInput {
  switch (d.source) {
    case 'indicator':
      return { kind: 'indicator', indicator: d.indicator };
    case 'metric':
      return { kind: 'metric', metric: d.metric };
    case 'count':
      return { kind: 'count', label: d.countLabel };
    case 'qualitative':
      return {
        kind: 'qualitative',
        rubric: d.rubric.map((b, i) => ({ level: b.level, description: b.description, fromPct: r.need(b.fromPct, `source.rubric.${i}.fromPct`), toPct: r.need(b.toPct, `source.rubric.${i}.toPct`) })),
      };
  }
}

function methodInput(d: ItemDraft, r: Reader, indicators: readonly IndicatorView[]): ItemInput {
  switch (d.method) {
    case 'ratio':
      return { type: 'ratio', capPct: r.need(d.capPct, 'method.capPct'), floorPct: r.need(d.floorPct, 'method.floorPct') };
    case 'difference':
      return {
        type: 'difference',
        per: r.figure(d.per, 'method.per', d, indicators) ?? '',
        pointsAbove: r.need(d.pointsAbove, 'method.pointsAbove'),
        pointsBelow: r.need(d.pointsBelow, 'method.pointsBelow'),
        prorate: d.prorate,
      };
    case 'bands':
      return { type: 'bands', bands: d.bands.map((b, i) => ({ fromPct: r.need(b.fromPct, `method.bands.${i}.fromPct`), scorePct: r.need(b.scorePct, `method.bands.${i}.scorePct`) })) };
    case 'entered':
      return { type: 'entered' };
    case 'deduction':
      return { type: 'deduction', pointsEach: r.need(d.pointsEach, 'method.pointsEach'), maxPoints: r.need(d.mostOff, 'method.maxPoints') };
  }
}

const defined = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function itemInput(d: ItemDraft, index: number, indicators: readonly IndicatorView[]): { input: ItemInput; problems: DraftProblem[] } {
  const r = new Reader(index);
  const measured = d.source === 'indicator' || d.source === 'metric';
  const gateMinPct = r.num(d.gateMinPct, 'gate.minPct');
  const input = defined({
    key: d.key.trim(),
    name: d.name.trim(),
    weight: r.need(d.weight, 'weight'),
    source: sourceInput(d, r),
    method: methodInput(d, r, indicators),
    // Thresholds, caps and targets mean something only for items scored from figures.
    zeroBelowPct: measured ? r.num(d.zeroBelowPct, 'zeroBelowPct') : undefined,
    maxPoints: measured ? r.num(d.maxPoints, 'maxPoints') : undefined,
    minPoints: measured ? r.num(d.minPoints, 'minPoints') : undefined,
    fixedTarget: measured ? r.figure(d.fixedTarget, 'fixedTarget', d, indicators) : undefined,
    gate: d.gateItem === '' ? undefined : { item: d.gateItem, minPct: gateMinPct ?? Number.NaN },
  });
  return { input, problems: r.problems };
}

/** Where a schema issue belongs: items.2.method.capPct → item 2, field method.capPct. */
function problemAt(path: readonly PropertyKey[], detail: string): DraftProblem {
  const parts = path.map(String);
  if (parts[0] === 'items' && parts.length >= 2) return { item: Number(parts[1]), field: parts.slice(2).join('.'), code: 'schema', detail };
  return { item: null, field: parts.join('.'), code: 'schema', detail };
}

/** The draft as a scheme (defaults filled as the schema fills them), or every problem found. */
export function schemeOf(draft: SchemeDraft, indicators: readonly IndicatorView[]): { ok: true; scheme: Scheme } | { ok: false; problems: DraftProblem[] } {
  const r = new Reader(null);
  const items = draft.items.map((d, i) => itemInput(d, i, indicators));
  const gradeCoefficients = Object.fromEntries(
    MANAGER_GRADES.flatMap((g) => {
      const v = r.num(draft.gradeCoefficients[g], `coefficients.grade.${g}`);
      return v === undefined ? [] : [[g, v]];
    }),
  );
  const outletCoefficients = Object.fromEntries(draft.outletCoefficients.filter((o) => o.code.trim() !== '').map((o) => [o.code.trim(), r.need(o.value, `coefficients.outlet.${o.code.trim()}`)]));
  const gradeRules = MANAGER_GRADES.filter((g) => draft.gradeRules[g].maintainAt.trim() !== '').map((g) => ({
    grade: g,
    maintainAt: r.need(draft.gradeRules[g].maintainAt, `gradeRules.${g}.maintainAt`),
    promoteAt: r.num(draft.gradeRules[g].promoteAt, `gradeRules.${g}.promoteAt`) ?? null,
  }));
  const input = defined({
    code: draft.code.trim(),
    name: draft.name.trim(),
    periodType: draft.periodType,
    appliesTo: defined({
      grades: draft.grades.length === 0 || draft.grades.length === MANAGER_GRADES.length ? undefined : draft.grades,
      types: draft.types.length === 0 || draft.types.length === MANAGER_TYPES.length ? undefined : draft.types,
    }),
    items: items.map((i) => i.input),
    coefficients: { grade: gradeCoefficients, outlet: outletCoefficients },
    maxTotal: r.num(draft.maxTotal, 'maxTotal'),
    gradeRules,
    bottomWarning: r.need(draft.bottomWarning, 'bottomWarning'),
  });
  const own = [...r.problems, ...items.flatMap((i) => i.problems)];
  if (own.length > 0) return { ok: false, problems: own };
  const parsed = schemeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => problemAt(i.path, i.message)) };
  return { ok: true, scheme: parsed.data };
}

const text = (n: number | undefined | null): string => (n === undefined || n === null ? '' : String(n));

function itemDraftOf(item: SchemeItem, indicators: readonly IndicatorView[]): ItemDraft {
  const base = newItem(item.source.kind, []);
  const unit = itemUnit(item.source.kind, item.source.kind === 'indicator' ? item.source.indicator : '', indicators);
  const d: ItemDraft = {
    ...base,
    key: item.key,
    autoKey: false,
    name: item.name,
    weight: text(item.weight),
    method: item.method.type,
    zeroBelowPct: text(item.zeroBelowPct),
    maxPoints: text(item.maxPoints),
    minPoints: text(item.minPoints),
    fixedTarget: item.fixedTarget === undefined ? '' : figureInput(item.fixedTarget, unit),
    gateItem: item.gate?.item ?? '',
    gateMinPct: text(item.gate?.minPct),
  };
  const s = item.source;
  if (s.kind === 'indicator') d.indicator = s.indicator;
  if (s.kind === 'metric') d.metric = s.metric;
  if (s.kind === 'count') d.countLabel = s.label;
  if (s.kind === 'qualitative') d.rubric = s.rubric.map((b) => ({ level: b.level, description: b.description, fromPct: text(b.fromPct), toPct: text(b.toPct) }));
  const m = item.method;
  if (m.type === 'ratio') Object.assign(d, { capPct: text(m.capPct), floorPct: text(m.floorPct) });
  if (m.type === 'difference') Object.assign(d, { per: figureInput(m.per, unit), pointsAbove: text(m.pointsAbove), pointsBelow: text(m.pointsBelow), prorate: m.prorate });
  if (m.type === 'bands') d.bands = m.bands.map((b) => ({ fromPct: text(b.fromPct), scorePct: text(b.scorePct) }));
  if (m.type === 'deduction') Object.assign(d, { pointsEach: text(m.pointsEach), mostOff: text(m.maxPoints) });
  return d;
}

/** A stored (or loaded) scheme in the editor. */
export function draftOf(scheme: Scheme, indicators: readonly IndicatorView[]): SchemeDraft {
  const rules = perGrade(() => ({ maintainAt: '', promoteAt: '' }));
  for (const r of scheme.gradeRules) rules[r.grade] = { maintainAt: text(r.maintainAt), promoteAt: text(r.promoteAt) };
  const coefficients = perGrade(() => '');
  for (const g of MANAGER_GRADES) coefficients[g] = text(scheme.coefficients.grade[g]);
  return {
    code: scheme.code,
    name: scheme.name,
    periodType: scheme.periodType,
    grades: [...(scheme.appliesTo.grades ?? [])],
    types: [...(scheme.appliesTo.types ?? [])],
    items: scheme.items.map((i) => itemDraftOf(i, indicators)),
    gradeCoefficients: coefficients,
    outletCoefficients: Object.entries(scheme.coefficients.outlet).map(([code, value]) => ({ code, value: String(value) })),
    maxTotal: text(scheme.maxTotal),
    gradeRules: rules,
    bottomWarning: String(scheme.bottomWarning),
  };
}

/** The weight total as the editor shows it ("100" / "95.5"). */
export const weightText = (hundredths: bigint): string => scaledText(hundredths, 2);
