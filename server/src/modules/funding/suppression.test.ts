import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSmall, protectTable, protectTogether, sliceColumns, type Figure, type ProtectedTable } from './suppression';

/**
 * The attacker: knows the table's shape (every row and column adds up to its total), runs any
 * number of overlapping queries (column ranges) and solves the resulting linear system. A
 * suppressed figure is revealed exactly when its unit vector lies in the span of what is known.
 */
class Attacker {
  private basis: { pivot: number; row: number[] }[] = [];
  constructor(private readonly R: number, private readonly C: number) {
    const n = (R + 1) * (C + 1);
    const v = (i: number, j: number) => i * (C + 1) + j;
    for (let i = 0; i <= R; i++) {
      const row = new Array<number>(n).fill(0);
      for (let j = 0; j < C; j++) row[v(i, j)] = 1;
      row[v(i, C)] = -1;
      this.learn(row);
    }
    for (let j = 0; j <= C; j++) {
      const row = new Array<number>(n).fill(0);
      for (let i = 0; i < R; i++) row[v(i, j)] = 1;
      row[v(R, j)] = -1;
      this.learn(row);
    }
  }
  private index = (i: number, j: number) => i * (this.C + 1) + j;
  private reduce(row: number[]): number[] {
    const r = [...row];
    for (const b of this.basis) {
      const f = r[b.pivot];
      if (Math.abs(f) > 1e-9) for (let k = 0; k < r.length; k++) r[k] -= f * b.row[k];
    }
    return r;
  }
  learn(row: number[]): void {
    const r = this.reduce(row);
    const pivot = r.findIndex((x) => Math.abs(x) > 1e-9);
    if (pivot === -1) return;
    const p = r[pivot];
    const norm = r.map((x) => x / p);
    for (const b of this.basis) {
      const f = b.row[pivot];
      if (Math.abs(f) > 1e-9) for (let k = 0; k < norm.length; k++) b.row[k] -= f * norm[k];
    }
    this.basis.push({ pivot, row: norm });
  }
  /** Records that the sum of the given grid positions was published. */
  sees(positions: [number, number][]): void {
    const row = new Array<number>((this.R + 1) * (this.C + 1)).fill(0);
    for (const [i, j] of positions) row[this.index(i, j)] += 1;
    this.learn(row);
  }
  knows(i: number, j: number): boolean {
    const unit = new Array<number>((this.R + 1) * (this.C + 1)).fill(0);
    unit[this.index(i, j)] = 1;
    return this.reduce(unit).every((x) => Math.abs(x) < 1e-9);
  }
}

/** Feeds one query's published figures (columns from..to of an R × C table) to the attacker. */
function observe(att: Attacker, t: ProtectedTable, from: number, to: number, R: number, C: number): void {
  const cols = Array.from({ length: to - from + 1 }, (_, k) => from + k);
  const pub = (f: Figure, pos: [number, number][]) => {
    if (!f.suppressed) att.sees(pos);
  };
  t.cells.forEach((row, i) => row.forEach((f, k) => pub(f, [[i, cols[k]]])));
  t.columnTotals.forEach((f, k) => pub(f, [[R, cols[k]]]));
  t.rowTotals.forEach((f, i) => pub(f, cols.length === C ? [[i, C]] : cols.map((j) => [i, j] as [number, number])));
  pub(t.total, cols.length === C ? [[R, C]] : cols.map((j) => [R, j] as [number, number]));
}

const tableArb = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 6 }), minCell: fc.integer({ min: 2, max: 12 }) })
  .chain(({ rows, cols, minCell }) =>
    fc.record({
      minCell: fc.constant(minCell),
      cells: fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: minCell - 1 }), fc.integer({ min: minCell, max: 200 })), { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
      queries: fc.array(fc.tuple(fc.nat(cols - 1), fc.nat(cols - 1)), { minLength: 1, maxLength: 8 }),
    }),
  );

describe('small-cell suppression', () => {
  it('suppresses every count from 1 to minCell − 1, its row and column totals included, and shows the rest exactly', () => {
    fc.assert(
      fc.property(tableArb, ({ cells, minCell }) => {
        const t = protectTable(cells, minCell);
        const R = cells.length;
        const C = cells[0].length;
        const grid = [...cells.map((r, i) => [...r, r.reduce((a, b) => a + b, 0)])];
        const colTotals = Array.from({ length: C }, (_, j) => cells.reduce((s, r) => s + r[j], 0));
        grid.push([...colTotals, colTotals.reduce((a, b) => a + b, 0)]);
        const figs = [...t.cells.map((r, i) => [...r, t.rowTotals[i]]), [...t.columnTotals, t.total]];
        for (let i = 0; i <= R; i++)
          for (let j = 0; j <= C; j++) {
            if (isSmall(grid[i][j], minCell)) expect(figs[i][j].suppressed).toBe(true);
            if (!figs[i][j].suppressed) expect(figs[i][j].value).toBe(grid[i][j]);
          }
      }),
      { numRuns: 400 },
    );
  });

  it('differencing attack: overlapping queries and the totals never pin down a suppressed figure', () => {
    fc.assert(
      fc.property(tableArb, ({ cells, minCell, queries }) => {
        const R = cells.length;
        const C = cells[0].length;
        const whole = protectTable(cells, minCell);
        const att = new Attacker(R, C);
        observe(att, whole, 0, C - 1, R, C);
        for (const [a, b] of queries) {
          const [from, to] = a <= b ? [a, b] : [b, a];
          observe(att, sliceColumns(whole, from, to), from, to, R, C);
        }
        const figs = [...whole.cells.map((r, i) => [...r, whole.rowTotals[i]]), [...whole.columnTotals, whole.total]];
        for (let i = 0; i <= R; i++) for (let j = 0; j <= C; j++) if (figs[i][j].suppressed) expect(att.knows(i, j), `figure ${i},${j} of ${JSON.stringify(cells)} k=${minCell}`).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('a naive scheme (primary suppression only) is caught by the same attacker', () => {
    const cells = [[3, 40], [25, 30]];
    const att = new Attacker(2, 2);
    att.sees([[0, 1]]); // 40
    att.sees([[0, 2]]); // row total 43
    expect(att.knows(0, 0)).toBe(true);
  });

  it('handles a 51 kelurahan × 12 month table quickly', () => {
    const cells = Array.from({ length: 51 }, (_, i) => Array.from({ length: 12 }, (_, j) => ((i * 7 + j * 13) % 23)));
    const started = performance.now();
    const t = protectTable(cells, 10);
    expect(performance.now() - started).toBeLessThan(200);
    expect(t.cells.flat().some((f) => f.suppressed)).toBe(true);
  });
});

describe('tables sharing their column totals', () => {
  it('suppress a shared total in every table, and each table stays protected', () => {
    fc.assert(
      fc.property(tableArb, tableArb, ({ cells, minCell }, other) => {
        // Second table over the same columns with the same column totals: one row per column total.
        const C = cells[0].length;
        const totals = Array.from({ length: C }, (_, j) => cells.reduce((s, r) => s + r[j], 0));
        const second = [totals.map((v) => Math.floor(v / 2)), totals.map((v) => v - Math.floor(v / 2))];
        void other;
        const [a, b] = protectTogether([cells, second], minCell);
        a.columnTotals.forEach((f, j) => expect(f.suppressed).toBe(b.columnTotals[j].suppressed));
        expect(a.total.suppressed).toBe(b.total.suppressed);
        for (const [t, src] of [[a, cells], [b, second]] as const) {
          const R = src.length;
          const att = new Attacker(R, C);
          observe(att, t, 0, C - 1, R, C);
          const figs = [...t.cells.map((r, i) => [...r, t.rowTotals[i]]), [...t.columnTotals, t.total]];
          for (let i = 0; i <= R; i++) for (let j = 0; j <= C; j++) if (figs[i][j].suppressed) expect(att.knows(i, j)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
