import type { ManagerGrade, ManagerStatus, ManagerType } from '../../shared/model/manager.js';
import { HISTORY_START_DAY, dayOf } from './calendar.js';
import type { Gender } from './formats.js';
import { mobileNumber } from './identity.js';
import { personName } from './names.js';
import { OUTLETS } from './org.js';
import { Rng, STREAM, drawFrom, weightedTable } from './rng.js';

/** One effective-dated row of the roster: [fromDay, toDay) with null = still in force. */
export interface PeriodDef {
  fromDay: number;
  toDay: number | null;
  outlet: number;
  grade: ManagerGrade;
  type: ManagerType;
  status: ManagerStatus;
  maxClients: number;
  maxVipClients: number;
}

export interface ManagerDef {
  index: number;
  staffNo: string;
  name: string;
  gender: Gender;
  phone: string;
  hiredDay: number;
  periods: PeriodDef[];
}

export interface Transfer {
  manager: number;
  fromOutlet: number;
  toOutlet: number;
  day: number;
  /** Who takes over the clients left behind at the old outlet. */
  successor: number;
}

export interface Roster {
  managers: ManagerDef[];
  transfer: Transfer | null;
  newHire: { manager: number; outlet: number; day: number } | null;
}

/**
 * Default capacities (管户上限 / 中高端管户上限). Most retail clients have a primary manager here,
 * so the caps are in the thousands; part-timers (e.g. lobby managers who also keep clients) get half.
 */
export const CAPACITY: Record<ManagerGrade, { maxClients: number; maxVipClients: number }> = {
  trainee: { maxClients: 3000, maxVipClients: 100 },
  standard: { maxClients: 7000, maxVipClients: 300 },
  senior: { maxClients: 9000, maxVipClients: 450 },
};

export function capacityOf(grade: ManagerGrade, type: ManagerType): { maxClients: number; maxVipClients: number } {
  const c = CAPACITY[grade];
  return type === 'full_time' ? { ...c } : { maxClients: c.maxClients / 2, maxVipClients: c.maxVipClients / 2 };
}

const PROMOTION_DAY = dayOf('2026-04-01');
const MIDYEAR_DAY = dayOf('2026-07-01');
const NEW_HIRE_DAY = dayOf('2026-03-02');
const LEAVE_DAYS = [dayOf('2026-09-01'), dayOf('2026-10-08')];

const GRADES = weightedTable<ManagerGrade>([
  ['senior', 20],
  ['standard', 55],
  ['trainee', 25],
]);

/** Managers per outlet in proportion to its clients, every outlet staffed when there are enough people. */
function staffing(total: number): number[] {
  const weightSum = OUTLETS.reduce((s, o) => s + o.weight, 0);
  const exact = OUTLETS.map((o) => (total * o.weight) / weightSum);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  let left = total - counts.reduce((s, c) => s + c, 0);
  for (const { i } of order) {
    if (left === 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  if (total >= OUTLETS.length) {
    for (let i = 0; i < counts.length; i++) {
      if ((counts[i] ?? 0) > 0) continue;
      const donor = counts.indexOf(Math.max(...counts));
      counts[donor] = (counts[donor] ?? 0) - 1;
      counts[i] = 1;
    }
  }
  return counts;
}

function makeManager(seed: number, index: number, outlet: number): ManagerDef {
  const rng = Rng.derive(seed, STREAM.roster, index);
  const grade = drawFrom(rng, GRADES);
  const type: ManagerType = grade !== 'trainee' && rng.chance(0.15) ? 'part_time' : 'full_time';
  const gender: Gender = rng.chance(0.6) ? 'F' : 'M';
  const birthYear = grade === 'trainee' ? rng.int(1998, 2003) : grade === 'standard' ? rng.int(1985, 1997) : rng.int(1972, 1988);
  const hiredDay =
    grade === 'trainee'
      ? rng.int(dayOf('2024-07-01'), dayOf('2025-09-30'))
      : grade === 'standard'
        ? rng.int(dayOf('2010-07-01'), dayOf('2022-12-31'))
        : rng.int(dayOf('2003-07-01'), dayOf('2015-12-31'));
  return {
    index,
    staffNo: `8${(10_000 + index * 10 + rng.int(0, 9)).toString()}`,
    name: personName(rng, gender, birthYear),
    gender,
    phone: mobileNumber(rng),
    hiredDay,
    periods: [{ fromDay: hiredDay, toDay: null, outlet, grade, type, status: 'active', ...capacityOf(grade, type) }],
  };
}

/** The period in force on `day`, if any. */
export function periodOn(m: ManagerDef, day: number): PeriodDef | undefined {
  return m.periods.find((p) => p.fromDay <= day && (p.toDay === null || day < p.toDay));
}

/** Ends the period in force on `day` and opens a new one with `change` applied. */
function changeFrom(m: ManagerDef, day: number, change: Partial<Omit<PeriodDef, 'fromDay' | 'toDay'>>): void {
  const current = periodOn(m, day);
  if (current === undefined) return;
  const next: PeriodDef = { ...current, ...change, fromDay: day, toDay: current.toDay };
  const cap = capacityOf(next.grade, next.type);
  next.maxClients = cap.maxClients;
  next.maxVipClients = cap.maxVipClients;
  current.toDay = day;
  m.periods.push(next);
}

/**
 * The roster with a year of history: one mid-year hire, two promotions, one transfer between
 * outlets (whose clients are handed over) and people going on leave late in the year.
 * Each event is skipped when the roster is too small to stage it.
 */
export function buildRoster(seed: number, count: number): Roster {
  const perOutlet = staffing(count);
  const managers: ManagerDef[] = [];
  perOutlet.forEach((n, outlet) => {
    for (let k = 0; k < n; k++) managers.push(makeManager(seed, managers.length, outlet));
  });
  const involved = new Set<number>();
  const first = (ok: (m: ManagerDef) => boolean): ManagerDef | undefined => managers.find((m) => !involved.has(m.index) && ok(m));
  const initial = (m: ManagerDef): PeriodDef => m.periods[0] as PeriodDef;

  let newHire: Roster['newHire'] = null;
  const hire = count >= 6 ? managers[managers.length - 1] : undefined;
  if (hire !== undefined) {
    const outlet = initial(hire).outlet;
    hire.hiredDay = NEW_HIRE_DAY;
    hire.periods = [{ fromDay: NEW_HIRE_DAY, toDay: null, outlet, grade: 'trainee', type: 'full_time', status: 'active', ...capacityOf('trainee', 'full_time') }];
    newHire = { manager: hire.index, outlet, day: NEW_HIRE_DAY };
    involved.add(hire.index);
  }

  const promoted = first((m) => initial(m).grade === 'standard' && initial(m).type === 'full_time' && m.hiredDay < dayOf('2020-01-01'));
  if (promoted !== undefined) {
    changeFrom(promoted, PROMOTION_DAY, { grade: 'senior' });
    involved.add(promoted.index);
  }
  const confirmed = first((m) => initial(m).grade === 'trainee' && m.hiredDay < dayOf('2025-07-01'));
  if (confirmed !== undefined) {
    changeFrom(confirmed, MIDYEAR_DAY, { grade: 'standard' });
    involved.add(confirmed.index);
  }

  let transfer: Transfer | null = null;
  const colleaguesAt = (outlet: number, day: number, except: number): ManagerDef[] =>
    managers.filter((m) => m.index !== except && periodOn(m, day)?.outlet === outlet);
  const mover = first(
    (m) => initial(m).grade === 'standard' && initial(m).type === 'full_time' && colleaguesAt(initial(m).outlet, MIDYEAR_DAY, m.index).length > 0,
  );
  if (mover !== undefined) {
    const from = initial(mover).outlet;
    const parent = OUTLETS[from]?.parentCode;
    const candidates = OUTLETS.map((o, i) => ({ i, sameSub: o.parentCode === parent, staff: colleaguesAt(i, MIDYEAR_DAY, -1).length }))
      .filter((c) => c.i !== from)
      .sort((a, b) => Number(b.sameSub) - Number(a.sameSub) || a.staff - b.staff || a.i - b.i);
    const to = candidates[0]?.i;
    const rank = { senior: 0, standard: 1, trainee: 2 } as const;
    const successor = colleaguesAt(from, MIDYEAR_DAY, mover.index).sort(
      (a, b) => rank[initial(a).grade] - rank[initial(b).grade] || a.hiredDay - b.hiredDay,
    )[0];
    if (to !== undefined && successor !== undefined) {
      changeFrom(mover, MIDYEAR_DAY, { outlet: to });
      transfer = { manager: mover.index, fromOutlet: from, toOutlet: to, day: MIDYEAR_DAY, successor: successor.index };
      involved.add(mover.index);
      involved.add(successor.index);
    }
  }

  const leaves = count >= 10 ? 2 : count >= 5 ? 1 : 0;
  for (let k = 0; k < leaves; k++) {
    const day = LEAVE_DAYS[k] ?? MIDYEAR_DAY;
    const away = first((m) => (k === 0 ? m.gender === 'F' : true) && initial(m).grade !== 'trainee' && m.hiredDay < HISTORY_START_DAY);
    if (away === undefined) continue;
    changeFrom(away, day, { status: 'leave' });
    involved.add(away.index);
  }
  return { managers, transfer, newHire };
}

/** Managers at `outlet` who are active on `day` (memoised: it is asked for every client). */
export function activeManagersLookup(roster: Roster): (outlet: number, day: number) => readonly number[] {
  const memo = new Map<number, number[]>();
  return (outlet, day) => {
    const key = day * 64 + outlet;
    let hit = memo.get(key);
    if (hit === undefined) {
      hit = roster.managers
        .filter((m) => {
          const p = periodOn(m, day);
          return p !== undefined && p.outlet === outlet && p.status === 'active';
        })
        .map((m) => m.index);
      memo.set(key, hit);
    }
    return hit;
  };
}
