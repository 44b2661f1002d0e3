import type { Migration } from './types.js';

/** The indicators head office sets targets on; the workbench ships these and an administrator may add more. */
const BUILTIN_INDICATORS: ReadonlyArray<[code: string, name: string, measure: 'amount' | 'count', unit: string, flow: 0 | 1]> = [
  ['DEP_NET', '存款净增', 'amount', '万元', 1],
  ['DEP_AVG', '日均存款', 'amount', '万元', 0],
  ['NEW_CLIENT', '新增有效客户', 'count', '户', 1],
  ['WEALTH_SALES', '理财销售', 'amount', '万元', 1],
  ['FUND_SALES', '基金销量', 'amount', '万元', 1],
  ['INS_PREMIUM', '保险标保', 'amount', '万元', 1],
  ['CARD_NEW', '信用卡新增', 'count', '张', 1],
  ['LOAN_NEW', '贷款投放', 'amount', '万元', 1],
  ['VIP_NEW', '中高端客户新增', 'count', '户', 1],
];

/**
 * Targets (任务指标): indicators, and versioned target plans per year and indicator. A plan holds the figures for
 * org units and managers by period ('2026', '2026Q1', '2026-01'); amounts are integer fen, counts whole units.
 * Head-office targets arrive as imported plans; decompositions (issue 7) are plans of their own.
 */
export const m0040Targets: Migration = {
  id: 40,
  name: 'targets',
  up(db) {
    db.exec(`
CREATE TABLE indicator (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL UNIQUE,
  measure   TEXT NOT NULL CHECK (measure IN ('amount', 'count')),
  -- The unit figures are shown and imported in (万元, 元, 户, 张, 笔 …); storage is always fen or units.
  unit      TEXT NOT NULL,
  direction TEXT NOT NULL DEFAULT 'up' CHECK (direction IN ('up', 'down')),
  -- 1: a flow that adds up over periods (净增, 销量); 0: a level (日均存款) that does not.
  flow      INTEGER NOT NULL CHECK (flow IN (0, 1)),
  -- How actuals are computed from imported data (issue 7), as JSON.
  source    TEXT,
  builtin   INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  sort      INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE target_plan (
  id           INTEGER PRIMARY KEY,
  year         INTEGER NOT NULL,
  indicator_id INTEGER NOT NULL REFERENCES indicator(id),
  version      INTEGER NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('draft', 'published', 'superseded')),
  origin       TEXT NOT NULL CHECK (origin IN ('import', 'manual', 'decomposition')),
  note         TEXT,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  published_at TEXT,
  batch_id     INTEGER REFERENCES import_batch(id),
  UNIQUE (year, indicator_id, version)
) STRICT;
CREATE INDEX target_plan_by_batch ON target_plan(batch_id);

CREATE TABLE target (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES target_plan(id) ON DELETE CASCADE,
  period      TEXT NOT NULL,
  org_unit_id INTEGER REFERENCES org_unit(id),
  manager_id  INTEGER REFERENCES manager(id),
  value       INTEGER NOT NULL,
  locked      INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  CHECK ((org_unit_id IS NULL) <> (manager_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX target_by_org ON target(plan_id, period, org_unit_id) WHERE org_unit_id IS NOT NULL;
CREATE UNIQUE INDEX target_by_manager ON target(plan_id, period, manager_id) WHERE manager_id IS NOT NULL;
`);
    const insert = db.prepare('INSERT INTO indicator (code, name, measure, unit, flow, builtin, sort) VALUES (?, ?, ?, ?, ?, 1, ?)');
    BUILTIN_INDICATORS.forEach(([code, name, measure, unit, flow], i) => insert.run(code, name, measure, unit, flow, (i + 1) * 10));
  },
};
