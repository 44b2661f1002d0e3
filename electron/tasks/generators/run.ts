import type { Locale } from '../../../shared/i18n/locale.js';
import { pickText } from '../../../shared/i18n/locale.js';
import type { GenerationGroup, GenerationResult, TaskPriority } from '../../../shared/tasks/model.js';
import { listManagersAsOf } from '../../org/queries.js';
import type { Store } from '../../store/store.js';
import type { GeneratorPlan } from './types.js';

export interface RunOptions {
  /** Only clients of these org units; null: all. */
  units: readonly number[] | null;
  preview: boolean;
  priority: TaskPriority;
  createdBy: string;
  /** UTC ISO instant of the run. */
  createdAt: string;
  locale: Locale;
}

interface PickGroup {
  manager_id: number | null;
  /** The clients' outlet, for the list of clients with no manager in post. */
  unit: number | null;
  /** A client outlet of the group, for a manager's list whose own outlet the caller does not run. */
  any_unit: number | null;
  n: number;
}

const UNASSIGNED_SUFFIX = { zh: ' · 无管户经理的客户', en: ' · clients with no manager' };

/**
 * One generator run, set-based from end to end. The candidates go into a temporary table with each client's outlet,
 * primary manager on asOf (`assignment`, role primary, effective-dated; the lower id if a data error gave two) and
 * whether an open item of the same generator already names the client — those are skipped, so re-running a
 * generator for the same or an overlapping window adds only clients not yet on an open list. A primary manager who
 * is not 在岗 that day (休假, 调离, 离职, or off the roster) cannot act on a list, so such clients go with the
 * unassigned ones to their outlet's list: a task with no assignee, for the supervisor to hand out.
 * The preview stops after counting; otherwise one task per group is written in the same transaction.
 */
export function runGeneration(store: Store, plan: GeneratorPlan, opts: RunOptions): GenerationResult {
  const db = store.db;
  return store.transaction(() => {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS task_pick (
      client_id INTEGER PRIMARY KEY, detail TEXT, due_at TEXT, org_unit_id INTEGER, manager_id INTEGER, existing INTEGER NOT NULL)`);
    db.exec('DELETE FROM temp.task_pick');
    try {
      db.prepare(
        `INSERT INTO temp.task_pick (client_id, detail, due_at, org_unit_id, manager_id, existing)
         SELECT s.client_id, s.detail, s.due_at, c.org_unit_id,
                (SELECT min(a.manager_id) FROM assignment a WHERE a.client_id = s.client_id AND a.role = 'primary'
                   AND a.valid_from <= @asOf AND (a.valid_to IS NULL OR a.valid_to > @asOf)),
                EXISTS (SELECT 1 FROM task_client x JOIN task t ON t.id = x.task_id JOIN task_generation g ON g.id = t.generation_id
                        WHERE x.client_id = s.client_id AND x.done_at IS NULL AND t.status IN ('todo', 'doing') AND g.generator = @generator)
         FROM (${plan.candidates}) s JOIN client c ON c.id = s.client_id
         WHERE @units IS NULL OR c.org_unit_id IN (SELECT value FROM json_each(@units))`,
      ).run({ ...plan.bind, asOf: plan.asOf, generator: plan.generator, units: opts.units === null ? null : JSON.stringify(opts.units) });
      const skipped = db.prepare('DELETE FROM temp.task_pick WHERE existing = 1').run().changes;

      const roster = listManagersAsOf(store, plan.asOf);
      const inPost = new Map(roster.filter((m) => m.status === 'active').map((m) => [m.id, m]));
      db.prepare('UPDATE temp.task_pick SET manager_id = NULL WHERE manager_id IS NOT NULL AND manager_id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify([...inPost.keys()]));

      const picked = db
        .prepare(
          `SELECT manager_id, CASE WHEN manager_id IS NULL THEN org_unit_id END AS unit, min(org_unit_id) AS any_unit, count(*) AS n
           FROM temp.task_pick GROUP BY 1, 2`,
        )
        .all() as PickGroup[];
      const unitNames = new Map((db.prepare('SELECT id, name, code FROM org_unit').all() as Array<{ id: number; name: string; code: string }>).map((u) => [u.id, u]));
      const ownUnits = opts.units === null ? null : new Set(opts.units);
      const groups: GenerationGroup[] = picked.map((g) => {
        const m = g.manager_id === null ? undefined : inPost.get(g.manager_id);
        // A manager's list belongs to their outlet, unless the caller does not run it (a client looked after from
        // another outlet): then to the clients' outlet, so the supervisor who drew it up still sees it.
        const unit = m === undefined ? g.unit : ownUnits === null || ownUnits.has(m.orgUnitId) ? m.orgUnitId : g.any_unit;
        return { managerId: m?.id ?? null, managerName: m?.name ?? null, orgUnitId: unit, orgUnitName: unit === null ? null : (unitNames.get(unit)?.name ?? null), clients: g.n, taskId: null };
      });
      const code = (id: number | null): string => (id === null ? '~' : (unitNames.get(id)?.code ?? ''));
      groups.sort((a, b) => code(a.orgUnitId).localeCompare(code(b.orgUnitId)) || Number(a.managerId === null) - Number(b.managerId === null) || (a.managerName ?? '').localeCompare(b.managerName ?? '', 'zh-CN'));
      const clients = groups.reduce((s, g) => s + g.clients, 0);
      const result: GenerationResult = { generator: plan.generator, preview: opts.preview, generationId: null, asOf: plan.asOf, params: plan.params, dueAt: plan.dueAt, clients, skipped, groups };
      if (opts.preview || clients === 0) return result;

      result.generationId = Number(
        db
          .prepare('INSERT INTO task_generation (generator, params, as_of, created_by, created_at) VALUES (?, ?, ?, ?, ?)')
          .run(plan.generator, JSON.stringify(plan.params), plan.asOf, opts.createdBy, opts.createdAt).lastInsertRowid,
      );
      const insertTask = db.prepare(
        `INSERT INTO task (title, description, kind, priority, status, due_at, org_unit_id, generation_id, created_by, created_at)
         VALUES (@title, @description, 'generated', @priority, 'todo', @dueAt, @orgUnitId, @generationId, @createdBy, @createdAt)`,
      );
      const assign = db.prepare('INSERT INTO task_assignee (task_id, manager_id) VALUES (?, ?)');
      const itemsOfManager = db.prepare('INSERT INTO task_client (task_id, client_id, detail, due_at) SELECT ?, client_id, detail, due_at FROM temp.task_pick WHERE manager_id = ?');
      const itemsOfOutlet = db.prepare('INSERT INTO task_client (task_id, client_id, detail, due_at) SELECT ?, client_id, detail, due_at FROM temp.task_pick WHERE manager_id IS NULL AND org_unit_id IS ?');
      const title = pickText(plan.title, opts.locale);
      for (const g of groups) {
        const taskId = Number(
          insertTask.run({
            title: g.managerId === null ? `${title}${pickText(UNASSIGNED_SUFFIX, opts.locale)}` : title,
            description: pickText(plan.description, opts.locale),
            priority: opts.priority,
            dueAt: plan.dueAt,
            orgUnitId: g.orgUnitId,
            generationId: result.generationId,
            createdBy: opts.createdBy,
            createdAt: opts.createdAt,
          }).lastInsertRowid,
        );
        if (g.managerId === null) {
          itemsOfOutlet.run(taskId, g.orgUnitId);
        } else {
          assign.run(taskId, g.managerId);
          itemsOfManager.run(taskId, g.managerId);
        }
        g.taskId = taskId;
      }
      return result;
    } finally {
      db.exec('DELETE FROM temp.task_pick');
    }
  });
}
