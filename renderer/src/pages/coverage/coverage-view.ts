import { coveragePolicySchema } from '../../../../shared/assignment/coverage.js';
import type { CoverageFinding, CoverageFindingKind, CoveragePolicy, OutletCoverage } from '../../../../shared/assignment/coverage.js';
import type { MessageKey } from '../../i18n/messages.js';

export const DASH = '—';

export const findingKindKey = (kind: CoverageFindingKind): MessageKey => `coverage.kind.${kind}`;

/** Basis points as a percentage with one decimal; a dash when there is nothing to divide. */
export function pctText(bp: number | null): string {
  return bp === null ? DASH : `${(bp / 100).toFixed(1)}%`;
}

/** The worst finding of an outlet decides how its row is marked. */
export function rowSeverity(o: OutletCoverage): 'error' | 'warning' | null {
  if (o.findings.some((f) => f.severity === 'error')) return 'error';
  return o.findings.length > 0 ? 'warning' : null;
}

/** Every finding of the report, breaches of the rule first, otherwise in the table's outlet order. */
export function sortedFindings(outlets: readonly OutletCoverage[]): CoverageFinding[] {
  const all = outlets.flatMap((o) => o.findings);
  const weight = (f: CoverageFinding): number => (f.severity === 'error' ? 0 : 1);
  return all.map((f, i) => ({ f, i })).sort((a, b) => weight(a.f) - weight(b.f) || a.i - b.i).map((x) => x.f);
}

/** The policy typed into the dialog, or null while it does not validate (an empty share means "not checked"). */
export function policyFromForm(minVip: string, minPct: string): CoveragePolicy | null {
  const pct = minPct.trim();
  const parsed = coveragePolicySchema.safeParse({
    minVipForFullTime: Number(minVip.trim() === '' ? Number.NaN : minVip),
    ...(pct === '' ? {} : { minCoveragePct: Number(pct) }),
  });
  return parsed.success ? parsed.data : null;
}
