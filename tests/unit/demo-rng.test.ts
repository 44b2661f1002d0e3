import { describe, expect, it } from 'vitest';
import { Rng, cumulative } from '../../electron/demo/rng.js';

describe('seeded random streams', () => {
  it('repeat exactly for the same (seed, stream, index) and differ otherwise', () => {
    const draw = (seed: number, stream: number, index: number): number[] => {
      const r = Rng.derive(seed, stream, index);
      return Array.from({ length: 5 }, () => r.uint32());
    };
    expect(draw(1, 2, 3)).toEqual(draw(1, 2, 3));
    expect(draw(1, 2, 3)).not.toEqual(draw(2, 2, 3));
    expect(draw(1, 2, 3)).not.toEqual(draw(1, 3, 3));
    expect(draw(1, 2, 3)).not.toEqual(draw(1, 2, 4));
    expect(Rng.derive(0, 0).reset(1, 2, 3).uint32()).toBe(draw(1, 2, 3)[0]);
  });

  it('are roughly uniform, and neighbouring indexes are not correlated', () => {
    const buckets = new Array<number>(10).fill(0);
    let sameFirstDigit = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = Rng.derive(5, 1, i).float();
      const y = Rng.derive(5, 1, i + 1).float();
      buckets[Math.floor(x * 10)]! += 1;
      if (Math.floor(x * 10) === Math.floor(y * 10)) sameFirstDigit++;
    }
    for (const b of buckets) expect(Math.abs(b - 2_000)).toBeLessThan(200);
    expect(Math.abs(sameFirstDigit / 20_000 - 0.1)).toBeLessThan(0.015);
  });

  it('draw weighted indexes in proportion', () => {
    const rng = Rng.derive(9, 9);
    const cum = cumulative([1, 3, 6]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i++) counts[rng.weighted(cum)]! += 1;
    expect(counts[0]! / 10_000).toBeCloseTo(0.1, 1);
    expect(counts[2]! / 10_000).toBeCloseTo(0.6, 1);
  });
});
