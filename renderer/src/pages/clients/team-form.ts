import type { TeamMemberInfo } from '../../../../shared/api/ops/assignment.js';

/** The API takes up to five secondary managers (协管客户经理) per client. */
export const MAX_SECONDARIES = 5;
const FULL_BP = 10_000;

export interface SecondaryDraft {
  managerId: number | null;
  /** Share in percent as typed ("30", "12.5"). */
  share: string;
}

export interface TeamDraft {
  primaryId: number | null;
  secondaries: SecondaryDraft[];
}

export type TeamProblem = 'noPrimary' | 'noManager' | 'badShare' | 'total' | 'duplicate' | 'tooMany';

export interface TeamCheck {
  /** What the primary keeps (basis points), or null while a share cannot be read. */
  primaryBp: number | null;
  problems: TeamProblem[];
  /** The secondaries as the API takes them, when there is no problem. */
  secondaries: Array<{ managerId: number; shareBp: number }> | null;
}

/**
 * A percentage with at most two decimals as basis points (30 → 3000, 12.5 → 1250); null when it is not one or is
 * not strictly between 0 and 100 (a secondary with nothing, or with everything, is not a share).
 */
export function percentToBp(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (m === null) return null;
  // Integer arithmetic on the digits: "0.29" must be 29 bp exactly, which a float multiply does not promise.
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp > 0 && bp < FULL_BP ? bp : null;
}

/** Basis points as a percentage without trailing zeros: 3000 → "30", 1250 → "12.5", 3333 → "33.33". */
export function bpToPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(Math.abs(bp % 100)).padStart(2, '0').replace(/0+$/, '');
  return frac === '' ? String(whole) : `${whole}.${frac}`;
}

/** The form starts from the team in force: the primary and its secondaries with their shares. */
export function draftFromTeam(members: readonly TeamMemberInfo[]): TeamDraft {
  const primary = members.find((m) => m.role === 'primary');
  return {
    primaryId: primary?.managerId ?? null,
    secondaries: members.filter((m) => m.role === 'secondary').map((m) => ({ managerId: m.managerId, share: bpToPercent(m.shareBp) })),
  };
}

/** Checks the draft as the server will (each share > 0, together < 100 %, one seat per manager) and says what is wrong. */
export function checkTeam(d: TeamDraft): TeamCheck {
  const problems: TeamProblem[] = [];
  if (d.primaryId === null) problems.push('noPrimary');
  if (d.secondaries.some((s) => s.managerId === null)) problems.push('noManager');
  const shares = d.secondaries.map((s) => percentToBp(s.share));
  if (shares.some((bp) => bp === null)) problems.push('badShare');
  const total = shares.reduce<number>((sum, bp) => sum + (bp ?? 0), 0);
  const readable = !shares.includes(null);
  if (readable && total >= FULL_BP) problems.push('total');
  const ids = [d.primaryId, ...d.secondaries.map((s) => s.managerId)].filter((id): id is number => id !== null);
  if (new Set(ids).size !== ids.length) problems.push('duplicate');
  if (d.secondaries.length > MAX_SECONDARIES) problems.push('tooMany');
  const primaryBp = readable ? FULL_BP - total : null;
  const secondaries = problems.length === 0 ? d.secondaries.map((s, i) => ({ managerId: s.managerId ?? 0, shareBp: shares[i] ?? 0 })) : null;
  return { primaryBp, problems, secondaries };
}

/** The team shown on the card: the primary first, then the secondaries by share (the server's order). */
export function sortTeam(members: readonly TeamMemberInfo[]): TeamMemberInfo[] {
  const rank = (m: TeamMemberInfo): number => (m.role === 'primary' ? 0 : 1);
  return [...members].sort((a, b) => rank(a) - rank(b) || b.shareBp - a.shareBp || a.managerId - b.managerId);
}

/**
 * Who can be picked for the team on the date: managers in post (在岗 or 休假; the server refuses 调离 and 离职), those of
 * the client's own unit first. Current members stay listed whatever their status, so the form can show them.
 */
export function teamCandidates<M extends { id: number; orgUnitId: number; status: string }>(managers: readonly M[], orgUnitId: number | null, keepIds: ReadonlySet<number>): M[] {
  const ok = managers.filter((m) => m.status === 'active' || m.status === 'leave' || keepIds.has(m.id));
  const rank = (m: M): number => (m.orgUnitId === orgUnitId ? 0 : 1);
  return ok.map((m, i) => ({ m, i })).sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i).map((x) => x.m);
}
