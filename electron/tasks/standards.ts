import { DEFAULT_SERVICE_STANDARDS, SERVICE_STANDARDS_KEY, serviceStandardsSchema } from '../../shared/tasks/standards.js';
import type { ServiceStandards } from '../../shared/tasks/standards.js';
import type { TaskPriority } from '../../shared/tasks/model.js';
import { readSetting, writeSetting } from '../store/settings.js';
import type { Store } from '../store/store.js';

/** The standards in force; a stored value that no longer validates (hand-edited, older app) falls back to the defaults. */
export function readServiceStandards(store: Store): ServiceStandards {
  const parsed = serviceStandardsSchema.safeParse(readSetting<unknown>(store, SERVICE_STANDARDS_KEY, DEFAULT_SERVICE_STANDARDS));
  return parsed.success ? parsed.data : DEFAULT_SERVICE_STANDARDS;
}

export function writeServiceStandards(store: Store, standards: ServiceStandards): ServiceStandards {
  writeSetting(store, SERVICE_STANDARDS_KEY, standards);
  return readServiceStandards(store);
}

/** A request's deadline: its creation plus the standard's hours for its priority (urgent or not), as a UTC instant. */
export function requestDueAt(standards: ServiceStandards, createdAt: string, priority: TaskPriority): string {
  const hours = priority === 'urgent' ? standards.urgentRequestHours : standards.requestHours;
  return new Date(Date.parse(createdAt) + hours * 3_600_000).toISOString();
}
