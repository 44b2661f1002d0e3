import { assignManagers } from './assign.js';
import type { ClientProfile } from './clients.js';
import { generateProfiles } from './clients.js';
import type { Roster } from './roster.js';
import { buildRoster } from './roster.js';

export interface DemoParams {
  seed: number;
  clients: number;
  managers: number;
}

/** Everything decided before any file is written; about 250 bytes per client. */
export interface DemoWorld {
  params: DemoParams;
  roster: Roster;
  profiles: ClientProfile[];
}

export function buildWorld(params: DemoParams): DemoWorld {
  const roster = buildRoster(params.seed, params.managers);
  const profiles = generateProfiles(params.seed, params.clients);
  assignManagers(params.seed, profiles, roster);
  return { params, roster, profiles };
}
