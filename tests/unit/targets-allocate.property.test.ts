import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, largestRemainder } from '../../electron/targets/allocate.js';
import { cellKey, solveGrid } from '../../electron/targets/grid.js';
import type { GridInput, GridUnit } from '../../electron/targets/grid.js';
import { fillMatrix } from '../../electron/targets/matrix.js';
import { childPeriods, periodsOf } from '../../shared/targets/periods.js';

/**
 * Decomposition invariants on random inputs, checked independently of the code under test: every level adds up
 * exactly to its parent (units and periods), locked cells never change, and each share is within one unit of its
 * exact quota.
 */
const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, x) => a + x, 0n);
const abs = (x: bigint): bigint => (x < 0n ? -x : x);
const LIMIT = 10n ** 15n;
const total = fc.oneof(fc.bigInt({ min: -LIMIT, max: LIMIT }), fc.bigInt({ min: -1000n, max: 1000n }));
const weight = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 50n }), fc.bigInt({ min: 0n, max: LIMIT }));

describe('largest remainder on random figures', () => {
  it('adds up, stays within one unit of each quota, gives zero weights nothing and mirrors negative totals', () => {
    fc.assert(
      fc.property(total, fc.array(weight, { minLength: 1, maxLength: 12 }), (t, ws) => {
        const values = largestRemainder(t, ws);
        expect(sum(values)).toBe(t);
        const w = sum(ws);
        values.forEach((v, i) => {
          const wi = w === 0n ? 1n : (ws[i] ?? 0n);
          const whole = w === 0n ? BigInt(ws.length) : w;
          // |v − t·wi/whole| < 1  ⇔  |v·whole − t·wi| < whole
          expect(abs(v * whole - t * wi) < whole).toBe(true);
          if (w !== 0n && wi === 0n) expect(v).toBe(0n);
        });
        expect(largestRemainder(-t, ws)).toEqual(values.map((v) => -v));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps locked parts, or refuses exactly when the rest changes sign or nothing is left to carry it', () => {
    const part = fc.record({ w: weight, lock: fc.option(fc.bigInt({ min: -LIMIT / 10n, max: LIMIT / 10n }), { nil: null }) });
    fc.assert(
      fc.property(total, fc.array(part, { minLength: 1, maxLength: 10 }), (t, parts) => {
        const locked = parts.map((p) => p.lock);
        const r = allocate(
          t,
          parts.map((p) => p.w),
          locked,
        );
        const rest = t - sum(locked.map((v) => v ?? 0n));
        const wrongWay = (t >= 0n && rest < 0n) || (t < 0n && rest > 0n);
        const allLocked = locked.every((v) => v !== null);
        if (wrongWay) expect(r).toMatchObject({ ok: false, failure: { kind: 'locked_exceed' } });
        else if (allLocked && rest !== 0n) expect(r).toMatchObject({ ok: false, failure: { kind: 'nothing_unlocked' } });
        else {
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(sum(r.values)).toBe(t);
          locked.forEach((v, i) => v !== null && expect(r.values[i]).toBe(v));
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('tables on random margins', () => {
  // Margins taken from a random integer table are always consistent; locks taken from it are always feasible.
  const table = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }))
    .chain(([n, k]) =>
      fc.record({
        cells: fc.array(fc.array(fc.bigInt({ min: -1000n, max: 100_000n }), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
        weights: fc.array(fc.bigInt({ min: 0n, max: 40n }), { minLength: k, maxLength: k }),
        lockMask: fc.array(fc.array(fc.integer({ min: 0, max: 4 }).map((x) => x === 0), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
      }),
    );

  it('reproduces every row and column sum exactly and keeps the locked cells', () => {
    let solved = 0;
    fc.assert(
      fc.property(table, ({ cells, weights, lockMask }) => {
        const rows = cells.map((r) => sum(r));
        const cols = (cells[0] ?? []).map((_, j) => sum(cells.map((r) => r[j] ?? 0n)));
        const locked = cells.map((r, i) => r.map((v, j) => (lockMask[i]?.[j] === true ? v : null)));
        const r = fillMatrix(rows, cols, weights, locked);
        if (!r.ok) {
          // Only the sign rule may refuse a feasible table: a row or column whose free cells must change direction.
          expect(r.failure.kind).toBe('locked_exceed');
          return;
        }
        solved++;
        expect(r.values.map((row) => sum(row))).toEqual(rows);
        expect(cols.map((_, j) => sum(r.values.map((row) => row[j] ?? 0n)))).toEqual(cols);
        locked.forEach((row, i) => row.forEach((v, j) => v !== null && expect(r.values[i]?.[j]).toBe(v)));
      }),
      { numRuns: 300 },
    );
    expect(solved).toBeGreaterThan(150);
  });

  it('without locks, rounds each cell of the product form down or up, never further', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: LIMIT }), { minLength: 1, maxLength: 6 }), fc.array(weight, { minLength: 1, maxLength: 5 }), (rows, ws) => {
        const s = sum(rows);
        const cols = largestRemainder(s, ws);
        const r = fillMatrix(rows, cols, ws, []);
        expect(r.ok).toBe(true);
        if (!r.ok || s === 0n) return;
        r.values.forEach((row, i) =>
          row.forEach((v, j) => {
            const exact = (rows[i] ?? 0n) * (cols[j] ?? 0n); // ideal cell × s
            expect(v * s <= exact + s && v * s >= exact - s).toBe(true);
            expect(v >= 0n).toBe(true);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('decomposition grids on random trees, figures, weights, profiles and locks', () => {
  const tree = fc.array(fc.record({ w: weight, managers: fc.array(weight, { maxLength: 4 }) }), { minLength: 1, maxLength: 5 }).map(
    (outlets): GridUnit => ({
      key: 'u:0',
      weight: 0n,
      children: outlets.map((o, i) => ({ key: `u:${i + 1}`, weight: o.w, children: o.managers.map((w, k) => ({ key: `m:${i + 1}.${k}`, weight: w, children: [] })) })),
    }),
  );
  const profile = fc.record({
    quarters: fc.oneof(fc.constant([40n, 25n, 20n, 15n]), fc.array(fc.bigInt({ min: 0n, max: 100n }), { minLength: 4, maxLength: 4 })),
    months: fc.array(fc.bigInt({ min: 0n, max: 9n }), { minLength: 12, maxLength: 12 }),
  });
  const units = (u: GridUnit): GridUnit[] => [u, ...u.children.flatMap(units)];

  /** Checks both directions of reconciliation for every cell, independently of the solver. */
  function expectReconciled(cells: Map<string, bigint>, root: GridUnit, year: number): void {
    const get = (u: string, p: string): bigint => {
      const v = cells.get(cellKey(u, p));
      if (v === undefined) throw new Error(`missing ${u} ${p}`);
      return v;
    };
    for (const u of units(root)) {
      for (const p of periodsOf(year)) {
        const kids = childPeriods(p);
        if (kids.length > 0) expect(sum(kids.map((k) => get(u.key, k))), `${u.key} ${p}`).toBe(get(u.key, p));
        if (u.children.length > 0) expect(sum(u.children.map((c) => get(c.key, p))), `${u.key} ${p} children`).toBe(get(u.key, p));
      }
    }
  }

  it('every level sums exactly to its parent, and locked cells never change', () => {
    let solved = 0;
    fc.assert(
      fc.property(tree, total, profile, fc.array(fc.tuple(fc.nat(), fc.nat(16), fc.integer({ min: -2, max: 2 })), { maxLength: 4 }), (root, t, prof, lockPicks) => {
        const input: GridInput = { year: 2026, total: t, flow: true, quarterWeights: prof.quarters, monthWeights: prof.months, root, locks: new Map() };
        const first = solveGrid(input);
        expect(first.ok).toBe(true);
        if (!first.ok) return;
        expectReconciled(first.cells, root, 2026);
        // Lock a few cells of the first answer (some nudged), as a user editing the grid would, and solve again.
        const all = units(root).filter((u) => u !== root);
        const locks = new Map<string, bigint>();
        for (const [unitPick, periodPick, nudge] of lockPicks) {
          const u = all[unitPick % all.length];
          const p = periodsOf(2026)[periodPick];
          if (u === undefined || p === undefined) continue;
          locks.set(cellKey(u.key, p), (first.cells.get(cellKey(u.key, p)) ?? 0n) + BigInt(nudge));
        }
        const again = solveGrid({ ...input, locks });
        if (!again.ok) {
          expect(['locked_exceed', 'nothing_unlocked']).toContain(again.failure.kind);
          return;
        }
        solved++;
        expectReconciled(again.cells, root, 2026);
        for (const [k, v] of locks) expect(again.cells.get(k), k).toBe(v);
        expect(again.cells.get(cellKey(root.key, '2026'))).toBe(t);
      }),
      { numRuns: 250 },
    );
    expect(solved).toBeGreaterThan(100);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(tree, total, profile, (root, t, prof) => {
        const input: GridInput = { year: 2026, total: t, flow: true, quarterWeights: prof.quarters, monthWeights: prof.months, root, locks: new Map() };
        expect(solveGrid(input)).toEqual(solveGrid(input));
      }),
      { numRuns: 50 },
    );
  });
});
