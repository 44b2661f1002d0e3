import type { HandoverPlan } from '../../../../shared/assignment/handover.js';
import { PlanClientsTable } from './PlanClientsTable.js';
import { PlanReceiversTable } from './PlanReceiversTable.js';
import { PlanSummary } from './PlanSummary.js';
import { PlanTasksTable } from './PlanTasksTable.js';

/** Step 3: the whole plan, nothing changed yet. */
export function PlanPreview(props: { plan: HandoverPlan }) {
  return (
    <>
      <PlanSummary plan={props.plan} />
      <PlanReceiversTable plan={props.plan} />
      <PlanClientsTable plan={props.plan} />
      <PlanTasksTable plan={props.plan} />
    </>
  );
}
