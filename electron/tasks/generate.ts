import type { TaskGenerateInput } from '../../shared/tasks/inputs.js';
import type { GenerationResult } from '../../shared/tasks/model.js';
import type { Session } from '../api/types.js';
import { unitsInScope } from '../security/scope.js';
import type { Store } from '../store/store.js';
import { unitFilter } from './access.js';
import { planAumDrop } from './generators/aum-drop.js';
import { planMaturity } from './generators/maturity.js';
import { runGeneration } from './generators/run.js';
import type { GeneratorPlan } from './generators/types.js';
import { planVipUncontacted } from './generators/vip-uncontacted.js';
import type { Moment } from './moment.js';
import { readServiceStandards } from './standards.js';

export function planGenerator(store: Store, input: TaskGenerateInput, asOf: string): GeneratorPlan {
  switch (input.generator) {
    case 'maturity':
      return planMaturity(input, asOf);
    case 'vip_uncontacted':
      return planVipUncontacted(input, asOf, readServiceStandards(store));
    case 'aum_drop':
      return planAumDrop(store, input, asOf);
  }
}

/** A generator run over the clients the caller is responsible for (or the unit asked for, which they must run). */
export function generateTasks(store: Store, session: Session, input: TaskGenerateInput, at: Moment): GenerationResult {
  const asOf = input.asOf ?? at.today;
  const scoped = unitsInScope(store, session);
  const units = input.orgUnitId !== undefined ? unitFilter(store, session, input.orgUnitId) : scoped === null ? null : [...scoped];
  return runGeneration(store, planGenerator(store, input, asOf), {
    units,
    preview: input.preview,
    priority: input.priority,
    createdBy: session.userName,
    createdAt: at.now,
    locale: session.locale,
  });
}
