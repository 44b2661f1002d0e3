import type { Migration } from './types.js';

/**
 * Tasks (任务派发) and contact plans (联系计划).
 *
 * A task has one or more assignee managers and may link clients; each linked client carries its own completion, so
 * a generated list ("clients whose deposits mature in 30 days", split per manager) is one task per manager whose
 * clients are ticked off one by one. 逾期 (overdue) is not stored: it is an open task (or client item) past its due
 * time. A task that moved to another manager (handover) keeps the trail in `task_assignee.handed_from`.
 *
 * A handover records its plan and the task assignments it moved (see below).
 *
 * Contact plans say how often clients of a segment or tier must be contacted; coverage is computed, not stored.
 */
export const m0090Tasks: Migration = {
  id: 90,
  name: 'tasks',
  up(db) {
    db.exec(`
-- One run of a task generator (maturity, VIP not contacted, AUM fall …) with the parameters it used.
CREATE TABLE task_generation (
  id          INTEGER PRIMARY KEY,
  generator   TEXT NOT NULL,
  params      TEXT NOT NULL,
  as_of       TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE task (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL,
  description   TEXT,
  kind          TEXT NOT NULL DEFAULT 'manual' CHECK (kind IN ('manual', 'generated', 'request', 'campaign')),
  priority      TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  status        TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done', 'cancelled')),
  -- ISO date (due by the end of that day) or ISO date-time (service-standard deadlines: 24 h, 2 h).
  due_at        TEXT,
  outcome       TEXT,
  org_unit_id   INTEGER REFERENCES org_unit(id),
  generation_id INTEGER REFERENCES task_generation(id),
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  done_at       TEXT
) STRICT;
CREATE INDEX task_open_by_due ON task(status, due_at);
CREATE INDEX task_by_generation ON task(generation_id);

CREATE TABLE task_assignee (
  task_id     INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  manager_id  INTEGER NOT NULL REFERENCES manager(id),
  handed_from INTEGER REFERENCES manager(id),
  PRIMARY KEY (task_id, manager_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX task_assignee_by_manager ON task_assignee(manager_id, task_id);

CREATE TABLE task_client (
  task_id    INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
  client_id  INTEGER NOT NULL REFERENCES client(id),
  -- Why this client is on the list (e.g. the maturity date and amount), as JSON.
  detail     TEXT,
  done_at    TEXT,
  contact_id INTEGER REFERENCES contact(id),
  PRIMARY KEY (task_id, client_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX task_client_by_client ON task_client(client_id);

-- How often clients must be contacted: by segment (most specific) or by tier.
CREATE TABLE contact_plan (
  id          INTEGER PRIMARY KEY,
  tier        TEXT,
  segment     TEXT,
  every_days  INTEGER NOT NULL CHECK (every_days BETWEEN 1 AND 366),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  CHECK ((tier IS NULL) <> (segment IS NULL))
) STRICT;
CREATE UNIQUE INDEX contact_plan_by_tier ON contact_plan(tier) WHERE tier IS NOT NULL;
CREATE UNIQUE INDEX contact_plan_by_segment ON contact_plan(segment) WHERE segment IS NOT NULL;
-- A handover (移交) as applied: its assignment change, the plan as shown and printed (the 移交清单 is reprinted from
-- it), and the task assignments it moved, so undoing the change puts the tasks back too.
CREATE TABLE handover (
  change_id   INTEGER PRIMARY KEY REFERENCES assignment_change(id),
  manager_id  INTEGER NOT NULL REFERENCES manager(id),
  valid_from  TEXT NOT NULL,
  plan        TEXT NOT NULL
) STRICT;
CREATE TABLE handover_task (
  change_id       INTEGER NOT NULL REFERENCES handover(change_id),
  task_id         INTEGER NOT NULL REFERENCES task(id),
  from_manager_id INTEGER NOT NULL REFERENCES manager(id),
  to_manager_id   INTEGER NOT NULL REFERENCES manager(id),
  PRIMARY KEY (change_id, task_id, to_manager_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX contact_by_manager_client ON contact(manager_id, client_id, contact_at);
`);
    // The source material's service standards: 私行 monthly, 钻石/白金 quarterly, 金卡 twice a year.
    const insert = db.prepare('INSERT INTO contact_plan (tier, every_days) VALUES (?, ?)');
    for (const [tier, days] of [['private', 30], ['diamond', 90], ['platinum', 90], ['gold', 182]] as const) insert.run(tier, days);
  },
};
