import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemeSchema } from '../../shared/evaluation/scheme.js';
import type { SchemeInput } from '../../shared/evaluation/scheme.js';
import { rat } from '../../electron/platform/rational.js';
import { scoreItem } from '../../electron/evaluation/score-item.js';
import { validateScheme } from '../../electron/evaluation/validate-scheme.js';

type ItemDef = SchemeInput['items'][number];
type MethodDef = ItemDef['method'];

const pointsArb = fc.integer({ min: 0, max: 5000 }).map((n) => n / 100);
const methodArb: fc.Arbitrary<MethodDef> = fc.oneof(
  fc.record({ type: fc.constant('ratio' as const), capPct: fc.integer({ min: 100, max: 200 }), floorPct: fc.integer({ min: 0, max: 100 }) }),
  fc.record({
    type: fc.constant('difference' as const),
    per: fc.bigInt({ min: 1n, max: 10_000_000n }).map(String),
    pointsAbove: pointsArb,
    pointsBelow: pointsArb,
    prorate: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('bands' as const),
    bands: fc.uniqueArray(fc.record({ fromPct: fc.integer({ min: 0, max: 200 }), scorePct: fc.integer({ min: 0, max: 150 }) }), { minLength: 1, maxLength: 6, selector: (b) => b.fromPct }).map((bands) => {
      // Bands as a head office writes them: a higher band never pays less than a lower one.
      const sorted = [...bands].sort((a, b) => a.fromPct - b.fromPct);
      let best = 0;
      return sorted.map((b) => ({ fromPct: b.fromPct, scorePct: (best = Math.max(best, b.scorePct)) }));
    }),
  }),
);

describe('evaluation properties', () => {
  it('a scheme passes the weight check exactly when its weights sum to 100', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6000 }), { minLength: 1, maxLength: 12 }), (hundredths) => {
        const items: ItemDef[] = hundredths.map((h, i) => ({ key: `i${i}`, name: `指标${i}`, weight: h / 100, source: { kind: 'indicator', indicator: 'DEP_NET' }, method: { type: 'ratio' } }));
        const scheme = schemeSchema.parse({ code: 'P', name: 'P', periodType: 'month', items });
        const weightProblem = validateScheme(scheme, new Set(['DEP_NET'])).some((p) => p.item === null && p.message.en.startsWith('Weights'));
        expect(weightProblem).toBe(hundredths.reduce((a, b) => a + b, 0) !== 10_000);
      }),
      { numRuns: 300 },
    );
  });

  it('where more is better, a higher actual never lowers the score (every method, threshold, cap and floor)', () => {
    fc.assert(
      fc.property(
        methodArb,
        fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
        fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 20_000 }).map((n) => n / 100), { nil: undefined }),
        fc.bigInt({ min: -1_000_000_000n, max: 1_000_000_000n }),
        fc.bigInt({ min: -1_000_000_000n, max: 1_000_000_000n }),
        fc.bigInt({ min: 0n, max: 1_000_000_000n }),
        (method, weight, zeroBelowPct, maxPoints, target, actual, more) => {
          const def: ItemDef = { key: 'k', name: 'k', weight, source: { kind: 'indicator', indicator: 'DEP_NET' }, method, zeroBelowPct, maxPoints };
          const item = schemeSchema.parse({ code: 'P', name: 'P', periodType: 'month', items: [def] }).items[0];
          if (item === undefined) throw new Error('no item');
          const at = (a: bigint): bigint => scoreItem(item, { actual: rat(a), target, direction: 'up', entered: null, count: null }).points ?? 0n;
          expect(at(actual + more)).toBeGreaterThanOrEqual(at(actual));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
