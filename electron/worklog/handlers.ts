import type { DomainHandlers, HandlerContext } from '../api/types.js';
import { AppError } from '../platform/app-error.js';
import { localIsoDate } from '../platform/clock.js';
import { listContacts } from './contact-list.js';
import type { Writer } from './contacts.js';
import { addContact, clientIdOf, deleteContact, primaryOn, updateContact } from './contacts.js';
import { contactPlanCoverage } from './coverage.js';
import { dueReport } from './due.js';
import { deletePlan, listPlans, savePlan } from './plans.js';
import { reachOf, reportManagers } from './reach.js';
import { worklogTemplate } from './template.js';

const today = (ctx: HandlerContext): string => localIsoDate(ctx.clock.now());

function writer(ctx: HandlerContext): Writer {
  return { reach: reachOf(ctx.store, ctx.session), userName: ctx.session.userName, today: today(ctx), nowIso: ctx.clock.now().toISOString() };
}

export const contactsHandlers: DomainHandlers<'contacts'> = {
  'contacts.list': (input, ctx) => listContacts(ctx.store, reachOf(ctx.store, ctx.session), input, today(ctx)),
  'contacts.add': (input, ctx) => {
    const { clientId: givenId, clientNo, managerId: givenManager, ...fields } = input;
    const w = writer(ctx);
    const clientId = clientIdOf(ctx.store, { clientId: givenId, clientNo });
    const day = fields.contactAt.slice(0, 10);
    // A client manager writes their own; a supervisor names the manager, or the entry is the client's manager's.
    const managerId = givenManager ?? (w.reach.kind === 'manager' ? w.reach.managerId : primaryOn(ctx.store, clientId, day));
    if (managerId === null) {
      throw new AppError('INVALID_INPUT', { zh: `该客户在 ${day} 没有主管户经理，请指定客户经理`, en: `The client had no primary manager on ${day}; name the manager` });
    }
    const { entry, taskItems } = addContact(ctx.store, w, clientId, managerId, fields);
    ctx.auditNote({ entity: 'contact', entityId: entry.id, after: { ...entry, taskItems } });
    return { contact: entry, tasksCompleted: taskItems };
  },
  'contacts.update': (input, ctx) => {
    const { id, ...change } = input;
    const { before, after } = updateContact(ctx.store, writer(ctx), id, change);
    ctx.auditNote({ entity: 'contact', entityId: id, before, after });
    return after;
  },
  'contacts.delete': (input, ctx) => {
    const before = deleteContact(ctx.store, writer(ctx), input.id);
    ctx.auditNote({ entity: 'contact', entityId: input.id, before });
    return { deleted: 1 };
  },
  'contacts.template': (_input, ctx) => worklogTemplate(ctx.clock.now()),
};

export const contactPlansHandlers: DomainHandlers<'contactPlans'> = {
  'contactPlans.list': (_input, ctx) =>
    listPlans(ctx.store, ctx.session.role === 'manager' ? { managerId: ctx.session.managerId ?? -1, today: today(ctx) } : undefined),
  'contactPlans.save': (input, ctx) => {
    const { before, after } = savePlan(ctx.store, input);
    ctx.auditNote({ entity: 'contact_plan', entityId: after.id, before, after });
    return listPlans(ctx.store);
  },
  'contactPlans.delete': (input, ctx) => {
    const before = deletePlan(ctx.store, input.id);
    ctx.auditNote({ entity: 'contact_plan', entityId: input.id, before });
    return listPlans(ctx.store);
  },
  'contactPlans.due': (input, ctx) => {
    const asOf = input.asOf ?? today(ctx);
    const managers = reportManagers(ctx.store, reachOf(ctx.store, ctx.session), asOf, {
      managerIds: input.managerId === undefined ? undefined : [input.managerId],
      orgUnitIds: input.orgUnitIds,
    });
    return dueReport(ctx.store, { asOf, withinDays: input.withinDays, limit: input.limit, managers });
  },
  'contactPlans.coverage': (input, ctx) => {
    const managers = reportManagers(ctx.store, reachOf(ctx.store, ctx.session), input.to, input);
    return contactPlanCoverage(ctx.store, { from: input.from, to: input.to, ...(managers === null ? {} : { managerIds: managers }) });
  },
};
