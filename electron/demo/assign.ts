import { HISTORY_START_DAY } from './calendar.js';
import type { ClientProfile } from './clients.js';
import { Rng, STREAM } from './rng.js';
import type { Roster } from './roster.js';
import { activeManagersLookup, periodOn } from './roster.js';

/**
 * Gives most clients a primary manager from their outlet, weighted by capacity (VIPs lean towards
 * those with larger VIP caps), and leaves some unassigned, VIPs included, for the supervisor to find.
 * The transfer hands the mover's old clients to a successor; the mover and the new hire pick up
 * unassigned clients of their outlet from their first day there.
 */
export function assignManagers(seed: number, profiles: ClientProfile[], roster: Roster): void {
  const activeAt = activeManagersLookup(roster);
  const { transfer, newHire } = roster;
  for (const p of profiles) {
    const rng = Rng.derive(seed, STREAM.assign, p.index);
    const start = Math.max(p.openDay, HISTORY_START_DAY);
    const vip = p.tier0 >= 1;
    const wanted = rng.chance(vip ? 0.92 : 0.85);
    const candidates = wanted ? activeAt(p.outlet, start) : [];
    if (candidates.length > 0) {
      const weights = candidates.map((k) => {
        const period = periodOn(roster.managers[k] as (typeof roster.managers)[number], start);
        return period === undefined ? 0 : vip ? period.maxVipClients : period.maxClients;
      });
      let x = rng.float() * weights.reduce((s, w) => s + w, 0);
      let chosen = candidates[candidates.length - 1] ?? -1;
      for (let j = 0; j < candidates.length; j++) {
        x -= weights[j] ?? 0;
        if (x < 0) {
          chosen = candidates[j] ?? chosen;
          break;
        }
      }
      p.manager = chosen;
      p.managedSince = start;
      if (transfer !== null && chosen === transfer.manager && start < transfer.day) {
        p.prevManager = chosen;
        p.manager = transfer.successor;
        p.managedSince = transfer.day;
      }
      continue;
    }
    const pickup = rng.chance(0.35);
    if (transfer !== null && pickup && p.outlet === transfer.toOutlet && start < transfer.day) {
      p.manager = transfer.manager;
      p.managedSince = transfer.day;
    } else if (newHire !== null && pickup && p.outlet === newHire.outlet && start < newHire.day) {
      p.manager = newHire.manager;
      p.managedSince = newHire.day;
    }
  }
}

/** Who looked after the client on `day` (-1 for nobody). */
export function managerOn(p: ClientProfile, day: number): number {
  if (p.manager < 0) return -1;
  if (day >= p.managedSince) return p.manager;
  return p.prevManager >= 0 && day >= Math.max(p.openDay, HISTORY_START_DAY) ? p.prevManager : -1;
}
