import { CAPACITY_KEY, DEFAULT_CAPACITY, capacityDefaultsSchema } from '../../shared/model/capacity.js';
import type { CapacityDefaults } from '../../shared/model/capacity.js';
import { readSetting, writeSetting } from '../store/settings.js';
import type { Store } from '../store/store.js';

/** The capacity defaults in force: the stored ones, or the built-in ones when none were saved or they no longer validate. */
export function readCapacityDefaults(store: Store): CapacityDefaults {
  const parsed = capacityDefaultsSchema.safeParse(readSetting<unknown>(store, CAPACITY_KEY, null));
  return parsed.success ? (parsed.data) : DEFAULT_CAPACITY;
}

export function writeCapacityDefaults(store: Store, value: CapacityDefaults): CapacityDefaults {
  store.transaction(() => writeSetting(store, CAPACITY_KEY, value));
  return readCapacityDefaults(store);
}
