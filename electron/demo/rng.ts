/**
 * A small seeded PRNG (sfc32) with the distributions the demo needs. Every stream is derived from
 * (seed, stream, index), so any client's data can be regenerated on its own, in any order, and the
 * output never depends on how many values some other part of the generator happened to draw.
 */

function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Named streams, so that adding a stream never shifts the values of another. */
export const STREAM = {
  org: 1,
  roster: 2,
  client: 3,
  clientDetail: 4,
  assign: 5,
  balance: 6,
  holding: 7,
  txn: 8,
  contact: 9,
  target: 10,
  counterparty: 11,
  clientNo: 12,
} as const;

export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  private constructor() {}

  static derive(seed: number, stream: number, index = 0): Rng {
    return new Rng().reset(seed, stream, index);
  }

  /** Re-seeds in place, for hot loops that would otherwise allocate millions of generators. */
  reset(seed: number, stream: number, index = 0): this {
    // Each word goes through a full avalanche, so a few rounds suffice to decorrelate nearby indexes.
    this.a = mix32(seed ^ 0x9e3779b9);
    this.b = mix32(this.a ^ Math.imul(stream + 1, 0x27d4eb2f));
    this.c = mix32(this.b ^ Math.imul(index + 1, 0x165667b1));
    this.d = mix32(this.c ^ Math.imul(index, 0x61c88647) ^ stream);
    for (let i = 0; i < 4; i++) this.uint32();
    return this;
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Standard normal (Box–Muller; the second value is dropped to keep streams simple). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Poisson by Knuth's method; fine for the small rates used here. */
  poisson(lambda: number): number {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.float();
    while (p > limit) {
      k++;
      p *= this.float();
    }
    return k;
  }

  /** Index drawn from cumulative weights (see `cumulative`). */
  weighted(cum: Float64Array): number {
    const total = cum[cum.length - 1] ?? 0;
    const x = this.float() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cum[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

/** A weighted table of values, drawn with `rng.weighted`. */
export interface WeightedTable<T> {
  values: readonly T[];
  cum: Float64Array;
}

export function weightedTable<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  return { values: entries.map((e) => e[0]), cum: cumulative(entries.map((e) => e[1])) };
}

export function drawFrom<T>(rng: Rng, table: WeightedTable<T>): T {
  const v = table.values[rng.weighted(table.cum)];
  if (v === undefined) throw new Error('draw from an empty table');
  return v;
}
