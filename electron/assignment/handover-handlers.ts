import type { HandoverInfo } from '../../shared/api/ops/handover.js';
import type { DomainHandlers, HandlerContext } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import { handoverSheetDocument } from '../print/handover-sheet.js';
import { pdfFileName } from '../print/printer.js';
import { unitsInScope } from '../security/scope.js';
import { appliedHandover, applyHandover, planHandover } from './handover.js';
import { handoverSheet } from './handover-sheet-data.js';

/** A supervisor hands over within the units they run: the leaving manager must be one of theirs. */
function scopeOf(ctx: HandlerContext, managerId: number, day: string): number[] | null {
  const units = unitsInScope(ctx.store, ctx.session);
  if (units === null) return null;
  const unit = ctx.store.db
    .prepare('SELECT org_unit_id FROM manager_period WHERE manager_id = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1')
    .pluck()
    .get(managerId, day) as number | undefined;
  if (unit === undefined || !units.has(unit)) throw new AppError('FORBIDDEN', { zh: '只能移交您管辖机构内的客户经理的客户', en: 'You can hand over only for managers of the units you run' });
  return [...units];
}

export const handoverHandlers: DomainHandlers<'handover'> = {
  'handover.plan': (input, ctx) => planHandover(ctx.store, input, scopeOf(ctx, input.managerId, input.from)),
  'handover.apply': (input, ctx) => {
    const result = applyHandover(ctx.store, input, scopeOf(ctx, input.managerId, input.from), ctx.session.userName, ctx.clock.now().toISOString());
    ctx.auditNote({
      entity: 'handover',
      entityId: result.changeId ?? 0,
      after: { managerId: input.managerId, from: input.from, receivers: input.receiverIds, clients: result.changed, tasks: result.tasksMoved },
    });
    return result;
  },
  'handover.list': (input, ctx) => {
    const units = unitsInScope(ctx.store, ctx.session);
    const rows = ctx.store.db
      .prepare(
        `SELECT h.change_id, h.manager_id, m.name, h.valid_from, h.plan, c.created_by, c.created_at, c.undone_by
         FROM handover h JOIN assignment_change c ON c.id = h.change_id JOIN manager m ON m.id = h.manager_id
         WHERE ? IS NULL OR EXISTS (SELECT 1 FROM manager_period p WHERE p.manager_id = h.manager_id AND p.valid_from <= h.valid_from
                AND p.org_unit_id IN (SELECT value FROM json_each(?)))
         ORDER BY h.change_id DESC LIMIT ?`,
      )
      .all(units === null ? null : 1, JSON.stringify(units === null ? [] : [...units]), input.limit) as Array<{
      change_id: number;
      manager_id: number;
      name: string;
      valid_from: string;
      plan: string;
      created_by: string;
      created_at: string;
      undone_by: number | null;
    }>;
    return rows.map((r): HandoverInfo => {
      const plan = JSON.parse(r.plan) as { totals: { clients: number; tasks: number } };
      return {
        changeId: r.change_id,
        managerId: r.manager_id,
        managerName: r.name,
        from: r.valid_from,
        clients: plan.totals.clients,
        tasks: plan.totals.tasks,
        createdBy: r.created_by,
        createdAt: r.created_at,
        undone: r.undone_by !== null,
      };
    });
  },
  'handover.sheet': async (input, ctx) => {
    const now = ctx.clock.now().toISOString();
    let sheet;
    if ('changeId' in input) {
      const plan = appliedHandover(ctx.store, input.changeId);
      scopeOf(ctx, plan.leaving.managerId, plan.from);
      sheet = handoverSheet(ctx.store, plan, input.changeId, ctx.session.userName, now);
    } else {
      sheet = handoverSheet(ctx.store, planHandover(ctx.store, input.draft, scopeOf(ctx, input.draft.managerId, input.draft.from)), null, ctx.session.userName, now);
    }
    const doc = handoverSheetDocument(sheet);
    const pdf = await ctx.printer.print(doc);
    ctx.auditNote({ entity: 'handover_sheet', entityId: sheet.changeId ?? 0, after: { managerId: sheet.plan.leaving.managerId, clients: sheet.plan.totals.clients } });
    return { fileName: pdfFileName(doc), mimeType: 'application/pdf', base64: pdf.toString('base64') };
  },
};
