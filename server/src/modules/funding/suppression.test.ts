import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSmall, protectColumns, protectSharingTotal, protectTable, sliceColumns, type Figure, type ProtectedTable } from './suppression';

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

  it('month by month (protectColumns): snapshots taken as months are published, and all their ranges, pin down no small figure', () => {
    fc.assert(
      fc.property(tableArb, ({ cells, minCell, queries }) => {
        const R = cells.length;
        const C = cells[0].length;
        const att = new Attacker(R, C);
        let before: ProtectedTable | undefined;
        for (let k = 1; k <= C; k++) {
          const snapshot = protectColumns(cells.map((r) => r.slice(0, k)), minCell);
          // A published month never changes when a later one is published.
          if (before) before.cells.forEach((row, i) => expect(snapshot.cells[i].slice(0, k - 1)).toEqual(row));
          before = snapshot;
          observe(att, snapshot, 0, k - 1, R, C);
          for (const [a, b] of queries) {
            const [from, to] = a <= b ? [a, b] : [b, a];
            if (to < k) observe(att, sliceColumns(snapshot, from, to), from, to, R, C);
          }
        }
        const rowTotals = cells.map((r) => r.reduce((x, y) => x + y, 0));
        const colTotals = Array.from({ length: C }, (_, j) => cells.reduce((x, r) => x + r[j], 0));
        const grid = [...cells.map((r, i) => [...r, rowTotals[i]]), [...colTotals, rowTotals.reduce((x, y) => x + y, 0)]];
        for (let i = 0; i <= R; i++)
          for (let j = 0; j <= C; j++) if (isSmall(grid[i][j], minCell)) expect(att.knows(i, j), `figure ${i},${j} of ${JSON.stringify(cells)} k=${minCell}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a naive scheme (primary suppression only) is caught by the same attacker', () => {
    // The table [[3, 40], [25, 30]] with only its small cell (3) hidden.
    const att = new Attacker(2, 2);
    att.sees([[0, 1]]); // 40
    att.sees([[0, 2]]); // row total 43
    expect(att.knows(0, 0)).toBe(true);
  });

  // Its speed is measured with the impact queries that use it (`npm run bench`), not here.
  it('protects a 51 kelurahan × 12 month table', () => {
    const cells = Array.from({ length: 51 }, (_, i) => Array.from({ length: 12 }, (_, j) => ((i * 7 + j * 13) % 23)));
    const t = protectTable(cells, 10);
    expect(t.cells.flat().some((f) => f.suppressed)).toBe(true);
  });
});

/**
 * The attacker holding two tables at once: both grids' equations, plus the figures the two
 * share (pairs of grid positions known to be equal).
 */
type Grid = { R: number; C: number; t: ProtectedTable };
function jointAttacker(a: Grid, b: Grid, shared: [[number, number], [number, number]][]) {
  const sizeA = (a.R + 1) * (a.C + 1);
  const n = sizeA + (b.R + 1) * (b.C + 1);
  const idx = (which: 0 | 1, i: number, j: number) => (which === 0 ? 0 : sizeA) + i * ((which === 0 ? a.C : b.C) + 1) + j;
  const basis: { pivot: number; row: number[] }[] = [];
  const reduce = (row: number[]) => {
    const r = [...row];
    for (const bv of basis) {
      const f = r[bv.pivot];
      if (Math.abs(f) > 1e-9) for (let k = 0; k < n; k++) r[k] -= f * bv.row[k];
    }
    return r;
  };
  const learn = (row: number[]) => {
    const r = reduce(row);
    const pivot = r.findIndex((x) => Math.abs(x) > 1e-9);
    if (pivot === -1) return;
    const norm = r.map((x) => x / r[pivot]);
    for (const bv of basis) {
      const f = bv.row[pivot];
      if (Math.abs(f) > 1e-9) for (let k = 0; k < n; k++) bv.row[k] -= f * norm[k];
    }
    basis.push({ pivot, row: norm });
  };
  const unit = (pairs: [number, number][]) => {
    const row = new Array<number>(n).fill(0);
    for (const [k, v] of pairs) row[k] += v;
    return row;
  };
  for (const [w, g] of [[0, a], [1, b]] as const) {
    const C = g.C;
    for (let i = 0; i <= g.R; i++) learn(unit([...Array.from({ length: C }, (_, j) => [idx(w, i, j), 1] as [number, number]), [idx(w, i, C), -1]]));
    for (let j = 0; j <= C; j++) learn(unit([...Array.from({ length: g.R }, (_, i) => [idx(w, i, j), 1] as [number, number]), [idx(w, g.R, j), -1]]));
    const figs = [...g.t.cells.map((r, i) => [...r, g.t.rowTotals[i]]), [...g.t.columnTotals, g.t.total]];
    figs.forEach((row, i) => row.forEach((f, j) => f.suppressed || learn(unit([[idx(w, i, j), 1]]))));
  }
  for (const [[i1, j1], [i2, j2]] of shared) learn(unit([[idx(0, i1, j1), 1], [idx(1, i2, j2), -1]]));
  return (which: 0 | 1, i: number, j: number) => reduce(unit([[idx(which, i, j), 1]])).every((x) => Math.abs(x) < 1e-9);
}

describe('tables attacked together', () => {
  /** A second breakdown of the same grand total: one column, rowsB rows. */
  const split = (total: number, rowsB: number, seed: number) => {
    const out: number[][] = [];
    let left = total;
    for (let i = 0; i < rowsB - 1; i++) {
      const take = Math.floor((((seed + 31 * i) % 97) / 97) * (left + 1));
      out.push([take]);
      left -= take;
    }
    out.push([left]);
    return out;
  };

  it('category × month and kelurahan × year sharing only the grand total: no hidden figure of either can be recomputed', () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 1, max: 6 }), fc.nat(1000), ({ cells, minCell }, rowsB, seed) => {
        const C = cells[0].length;
        const second = split(cells.flat().reduce((x, y) => x + y, 0), rowsB, seed);
        const [ta, tb] = protectSharingTotal([cells, second], minCell);
        expect(ta.total.suppressed).toBe(tb.total.suppressed);
        const knows = jointAttacker({ R: cells.length, C, t: ta }, { R: rowsB, C: 1, t: tb }, [[[cells.length, C], [rowsB, 1]]]);
        for (const [w, t, R, CC] of [[0, ta, cells.length, C], [1, tb, rowsB, 1]] as const) {
          const figs = [...t.cells.map((r, i) => [...r, t.rowTotals[i]]), [...t.columnTotals, t.total]];
          for (let i = 0; i <= R; i++) for (let j = 0; j <= CC; j++) if (figs[i][j].suppressed) expect(knows(w, i, j), `table ${w} figure ${i},${j}`).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('two tables sharing their month totals would leak: why the kelurahan table is by year only', () => {
    const cells = [[1, 0, 1, 1, 42, 42], [0, 12, 15, 0, 1, 1], [0, 2, 2, 21, 0, 0]];
    const second = [[0, 14, 18, 22, 43, 43], [1, 0, 0, 0, 0, 0]]; // the same month totals, split differently
    const [ta, tb] = [protectTable(cells, 12), protectTable(second, 12)];
    const share: [[number, number], [number, number]][] = Array.from({ length: 7 }, (_, j) => [[3, j], [2, j]]);
    const knows = jointAttacker({ R: 3, C: 6, t: ta }, { R: 2, C: 6, t: tb }, share);
    const figs = [...ta.cells.map((r, i) => [...r, ta.rowTotals[i]]), [...ta.columnTotals, ta.total]];
    const revealed = figs.flatMap((row, i) => row.map((f, j) => f.suppressed && knows(0, i, j)));
    expect(revealed.some(Boolean)).toBe(true);
  });
});
