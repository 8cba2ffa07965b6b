/**
 * Exact linear algebra for the partner attacker test: the row space of the equations an attacker
 * knows (published figures and public relations between them), over the rationals (BigInt
 * fractions, no rounding). A hidden figure is determined exactly when its coefficient vector lies
 * in that row space: then a combination of the published figures equals it.
 */

/** A linear combination of unknowns: unknown name → integer coefficient. */
export type Combo = Map<string, number>;

/** Builds a combo from terms; equal names add up. */
export function combo(...terms: [string, number][]): Combo {
  const out: Combo = new Map();
  for (const [name, c] of terms) out.set(name, (out.get(name) ?? 0) + c);
  for (const [name, c] of out) if (c === 0) out.delete(name);
  return out;
}

export const sumOf = (names: string[], coefficient = 1): Combo => combo(...names.map((n): [string, number] => [n, coefficient]));
export const plus = (...parts: Combo[]): Combo => combo(...parts.flatMap((p) => [...p]));
export const minus = (a: Combo, b: Combo): Combo => combo(...a, ...[...b].map(([n, c]): [string, number] => [n, -c]));

interface Frac {
  n: bigint;
  d: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};
const frac = (n: bigint, d = 1n): Frac => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
const sub = (a: Frac, b: Frac): Frac => frac(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Frac, b: Frac): Frac => frac(a.n * b.n, a.d * b.d);
const div = (a: Frac, b: Frac): Frac => frac(a.n * b.d, a.d * b.n);

/** The row space of the known equations, kept in echelon form (pivot = the row's first unknown). */
export class RowSpace {
  private readonly index = new Map<string, number>();
  private readonly pivots = new Map<number, Map<number, Frac>>();

  private vector(c: Combo): Map<number, Frac> {
    const v = new Map<number, Frac>();
    for (const [name, k] of c) {
      if (!this.index.has(name)) this.index.set(name, this.index.size);
      v.set(this.index.get(name)!, frac(BigInt(k)));
    }
    return v;
  }

  /** Eliminates every pivot from v, first unknown first; what is left is v outside the row space. */
  private reduce(v: Map<number, Frac>): Map<number, Frac> {
    for (;;) {
      const col = [...v.keys()].filter((k) => this.pivots.has(k)).sort((a, b) => a - b)[0];
      if (col === undefined) return v;
      const factor = v.get(col)!;
      for (const [k, c] of this.pivots.get(col)!) {
        const next = sub(v.get(k) ?? frac(0n), mul(factor, c));
        if (next.n === 0n) v.delete(k);
        else v.set(k, next);
      }
    }
  }

  /** Adds an equation the attacker knows. */
  add(c: Combo): void {
    const v = this.reduce(this.vector(c));
    if (!v.size) return;
    const col = Math.min(...v.keys());
    const lead = v.get(col)!;
    this.pivots.set(col, new Map([...v].map(([k, x]) => [k, div(x, lead)])));
  }

  /** True when the combination follows exactly from the known equations. */
  determines(c: Combo): boolean {
    return this.reduce(this.vector(c)).size === 0;
  }

  get rank(): number {
    return this.pivots.size;
  }
}
