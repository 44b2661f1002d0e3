import type { assignZh } from './assign-zh.js';

/** Assignment messages, spread into the English dictionary. */
export const assignEn: Record<keyof typeof assignZh, string> = {
  'assign.title': 'Assign {count} clients',
  'assign.manager': 'Manager',
  'assign.nobody': '(unassign)',
  'assign.reason': 'Reason (optional)',
  'assign.open': 'Assign to…',
  'assign.clear': 'Clear selection',
  'assign.selected': '{count} clients selected',
  'assign.selectAll': 'Select every loaded client',
  'assign.changes.title': 'Assignment changes',
  'assign.changes.intro': 'Each assignment, bulk assignment, rules run and handover is one record that can be undone as a whole; roll back an import batch to undo what an import assigned.',
  'assign.changes.empty': 'No assignment changes yet.',
  'assign.col.when': 'When',
  'assign.col.who': 'By',
  'assign.col.kind': 'Kind',
  'assign.col.reason': 'Reason',
  'assign.col.spans': 'Clients',
  'assign.undo': 'Undo',
  'assign.undone': 'Undone',
  'assign.kind.manual': 'One client',
  'assign.kind.bulk': 'Bulk',
  'assign.kind.rules': 'Rules',
  'assign.kind.handover': 'Handover',
  'assign.kind.import': 'Import',
  'assign.kind.undo': 'Undo',
};
