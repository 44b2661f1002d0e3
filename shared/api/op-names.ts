/**
 * The operation names alone, without their schemas, for the Electron preload: it checks every call against
 * this allowlist and must stay small (importing the contract would bundle zod into it).
 * `shared/api/index.ts` proves at compile time that this list and the contract agree.
 */
export const OP_NAME_LIST = [
  'system.info',
  'system.summary',
  'auth.status',
  'auth.setup',
  'auth.login',
  'auth.logout',
  'auth.changePassword',
  'users.list',
  'users.create',
  'users.update',
  'users.resetPassword',
  'security.setIdleMinutes',
  'preferences.get',
  'preferences.set',
  'demo.build',
  'import.inspect',
  'import.preview',
  'import.plan',
  'import.commit',
  'import.errorsExport',
  'import.profiles',
  'import.saveProfile',
  'import.batches',
  'import.rollbackPreview',
  'import.rollback',
  'org.tree',
  'org.outletCard',
  'org.saveUnit',
  'managers.list',
  'managers.changePeriod',
  'managers.capacity',
  'managers.setCapacity',
  'clients.list',
  'clients.count',
  'clients.export',
  'clients.views',
  'clients.saveView',
  'clients.deleteView',
  'clients.get',
  'assignment.assign',
  'assignment.undo',
  'assignment.preview',
  'assignment.apply',
  'assignment.changes',
  'book.config',
  'book.setConfig',
  'book.recompute',
  'book.segments',
  'book.setStrategy',
  'backup.create',
  'backup.list',
  'backup.policy',
  'backup.setPolicy',
  'audit.list',
  'audit.export',
  'audit.verify',
] as const;

export type ListedOpName = (typeof OP_NAME_LIST)[number];

const NAMES: ReadonlySet<string> = new Set(OP_NAME_LIST);

export function isListedOpName(name: unknown): name is ListedOpName {
  return typeof name === 'string' && NAMES.has(name);
}
