import type { LocalizedText } from '../../../shared/i18n/locale.js';
import { scaleDecimal } from '../values.js';
import type { BatchContext, KindAdapter, KindSession, Outcome, RowProblem } from './types.js';
import { num, str, unknownOrg } from './field-values.js';
import { SeenKeys, duplicateProblem, orgIdsByCode } from './lookups.js';

interface Indicator {
  id: number;
  code: string;
  name: string;
  measure: 'amount' | 'count';
  unit: string;
  flow: number;
}

/** Decimal places from a money unit to fen. */
const MONEY_UNITS: Record<string, number> = { 元: 2, 万元: 6, 万: 6, 亿元: 10, 亿: 10 };
const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

/** One outlet's figures for one indicator and year, as stored: period → value (fen or units). */
type Figures = Map<string, number>;

interface Staged {
  year: number;
  indicator: Indicator;
  orgUnitId: number;
  figures: Figures;
}

const problem = (field: string, zh: string, en: string): RowProblem => ({ field, reason: { zh, en } satisfies LocalizedText });

/**
 * 任务指标 from head office: one row per year, org unit and indicator with the annual figure and, optionally,
 * its four quarters. Figures are stored exactly (万元 → fen, 户/张 → units). A file becomes a new published
 * version of the head-office plan for each (year, indicator) it changes: the previous version's figures carry
 * over and the file's rows replace theirs, so a corrected file for one outlet leaves the others alone. The
 * previous version is kept as superseded; a rollback restores it.
 */
function begin(ctx: BatchContext): KindSession {
  const db = ctx.store.db;
  const orgIds = orgIdsByCode(ctx.store);
  const indicators = db.prepare('SELECT id, code, name, measure, unit, flow FROM indicator').all() as Indicator[];
  const byCode = new Map(indicators.map((i) => [i.code.toUpperCase(), i]));
  const byName = new Map(indicators.map((i) => [i.name, i]));
  const currentPlan = db.prepare(
    "SELECT id, version FROM target_plan WHERE year = ? AND indicator_id = ? AND origin = 'import' AND status = 'published' ORDER BY version DESC LIMIT 1",
  );
  const planFigures = db.prepare('SELECT period, org_unit_id, value FROM target WHERE plan_id = ? AND org_unit_id IS NOT NULL');
  const seen = new SeenKeys();
  const staged: Staged[] = [];
  const currentCache = new Map<string, { planId: number; version: number; figures: Map<number, Figures> } | null>();

  const current = (year: number, indicatorId: number): { planId: number; version: number; figures: Map<number, Figures> } | null => {
    const key = `${year}|${indicatorId}`;
    if (!currentCache.has(key)) {
      const plan = currentPlan.get(year, indicatorId) as { id: number; version: number } | undefined;
      let value = null;
      if (plan !== undefined) {
        const figures = new Map<number, Figures>();
        for (const r of planFigures.all(plan.id) as Array<{ period: string; org_unit_id: number; value: number }>) {
          const f = figures.get(r.org_unit_id) ?? new Map<string, number>();
          f.set(r.period, r.value);
          figures.set(r.org_unit_id, f);
        }
        value = { planId: plan.id, version: plan.version, figures };
      }
      currentCache.set(key, value);
    }
    return currentCache.get(key) ?? null;
  };

  const scale = (indicator: Indicator, unit: string, field: string, decimal: string): number | RowProblem => {
    const places = indicator.measure === 'amount' ? MONEY_UNITS[unit] : 0;
    if (places === undefined) return problem('unit', `单位“${unit}”不是金额单位（元、万元、亿元）`, `Unit “${unit}” is not a money unit (元, 万元, 亿元)`);
    const value = scaleDecimal(decimal, places);
    if (value === null) {
      return indicator.measure === 'amount'
        ? problem(field, `“${decimal}${unit}”的小数位超过了分`, `“${decimal} ${unit}” has more decimals than a fen`)
        : problem(field, `“${indicator.name}”按${unit}计，须为整数：“${decimal}”`, `“${indicator.name}” counts whole ${unit}: “${decimal}”`);
    }
    return value;
  };

  return {
    apply(record, values) {
      const year = num(values['year']) ?? 0;
      const problems: RowProblem[] = [];
      if (year < 2000 || year > 2100) problems.push(problem('year', `年度“${year}”不合理`, `Year “${year}” is out of range`));
      const orgCode = str(values['orgCode']) ?? '';
      const orgUnitId = orgIds.get(orgCode);
      if (orgUnitId === undefined) problems.push(unknownOrg(orgCode));
      const code = str(values['indicatorCode']);
      const name = str(values['indicator']);
      const indicator = code !== null ? byCode.get(code.toUpperCase()) : name !== null ? byName.get(name) : undefined;
      if (indicator === undefined) {
        problems.push(
          code === null && name === null
            ? problem('indicatorCode', '指标代码和指标名称至少填一项', 'Give the indicator code or its name')
            : problem(code !== null ? 'indicatorCode' : 'indicator', `指标“${code ?? name ?? ''}”未配置，请先在指标设置中添加`, `Indicator “${code ?? name ?? ''}” is not configured; add it under indicators first`),
        );
      }
      if (problems.length > 0 || indicator === undefined || orgUnitId === undefined) return { problems };
      const first = seen.firstRecord(`${year}|${indicator.id}|${orgUnitId}`, record);
      if (first !== null) return { problems: [duplicateProblem('orgCode', `${year} ${orgCode} ${indicator.name}`, first)] };

      const unit = str(values['unit']) ?? indicator.unit;
      const figures: Figures = new Map();
      const annual = scale(indicator, unit, 'value', str(values['value']) ?? '0');
      if (typeof annual !== 'number') return { problems: [annual] };
      figures.set(String(year), annual);
      const given = QUARTERS.filter((q) => str(values[q]) !== null);
      if (given.length > 0 && given.length < 4) return { problems: [problem(QUARTERS.find((q) => str(values[q]) === null) ?? 'q1', '季度目标须四个季度都填或都不填', 'Give all four quarters or none')] };
      let sum = 0;
      for (const [i, q] of given.entries()) {
        const v = scale(indicator, unit, q, str(values[q]) ?? '0');
        if (typeof v !== 'number') return { problems: [v] };
        figures.set(`${year}Q${i + 1}`, v);
        sum += v;
      }
      if (given.length === 4 && indicator.flow === 1 && sum !== annual) {
        return { problems: [problem('q4', `四个季度之和与年度目标不符（${indicator.name}）`, `The quarters do not add up to the annual target (${indicator.name})`)] };
      }
      staged.push({ year, indicator, orgUnitId, figures });
      const before = current(year, indicator.id)?.figures.get(orgUnitId);
      let outcome: Outcome = 'insert';
      if (before !== undefined) outcome = before.size === figures.size && [...figures].every(([p, v]) => before.get(p) === v) ? 'unchanged' : 'update';
      return { outcome };
    },
    finish() {
      if (ctx.batchId === null) return;
      const groups = new Map<string, Staged[]>();
      for (const s of staged) {
        const key = `${s.year}|${s.indicator.id}`;
        groups.set(key, [...(groups.get(key) ?? []), s]);
      }
      const insertPlan = db.prepare(
        `INSERT INTO target_plan (year, indicator_id, version, status, origin, note, created_by, created_at, published_at, batch_id)
         VALUES (?, ?, ?, 'published', 'import', ?, ?, ?, ?, ?)`,
      );
      const insertTarget = db.prepare('INSERT INTO target (plan_id, period, org_unit_id, value) VALUES (?, ?, ?, ?)');
      const supersede = db.prepare("UPDATE target_plan SET status = 'superseded' WHERE id = ?");
      const lastVersion = db.prepare('SELECT coalesce(max(version), 0) FROM target_plan WHERE year = ? AND indicator_id = ?').pluck();
      for (const rows of groups.values()) {
        const head = rows[0];
        if (head === undefined) continue;
        const previous = current(head.year, head.indicator.id);
        const merged = new Map(previous?.figures ?? []);
        let changed = previous === null;
        for (const r of rows) {
          const before = merged.get(r.orgUnitId);
          if (before === undefined || before.size !== r.figures.size || [...r.figures].some(([p, v]) => before.get(p) !== v)) changed = true;
          merged.set(r.orgUnitId, r.figures);
        }
        if (!changed) continue;
        if (previous !== null) {
          ctx.undo('target_plan', 'update', String(previous.planId), { status: 'published' });
          supersede.run(previous.planId);
        }
        const version = (lastVersion.get(head.year, head.indicator.id) as number) + 1;
        const planId = Number(insertPlan.run(head.year, head.indicator.id, version, '总行下达 head office', ctx.userName, ctx.now, ctx.now, ctx.batchId).lastInsertRowid);
        for (const [orgUnitId, figures] of merged) for (const [period, value] of figures) insertTarget.run(planId, period, orgUnitId, value);
      }
    },
  };
}

export const targetsAdapter: KindAdapter = { kind: 'targets', snapshot: false, begin };
