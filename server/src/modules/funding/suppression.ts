/**
 * Small-cell suppression for impact tables shown to partners.
 *
 * A table (rows × columns of counts) is published with its row totals, column totals and grand
 * total. Every figure from 1 to minCell − 1 is suppressed (primary suppression). Then enough
 * other figures are suppressed that none of the suppressed ones can be recomputed from the
 * published ones (complementary suppression).
 *
 * Why it is safe: write the table with its margins as an (R+1) × (C+1) grid; every row and
 * column of that grid is one linear equation. A suppressed figure can be recomputed exactly when
 * it is a bridge in the bipartite graph whose vertices are the grid's rows and columns and whose
 * edges are the suppressed figures (it lies on no cycle). So we suppress until no suppressed
 * figure is a bridge, closing each bridge with the cheapest rectangle.
 *
 * Queries over part of a table (some months) publish only figures of the whole table, or sums of
 * figures that are themselves published; a sum that would include a suppressed figure is
 * suppressed. So overlapping queries can be differenced as much as one likes: every published
 * number is a combination of figures of ONE protected table.
 */

export interface Figure {
  /** The count, or null when suppressed. */
  value: number | null;
  suppressed: boolean;
}

export interface ProtectedTable {
  cells: Figure[][];
  rowTotals: Figure[];
  columnTotals: Figure[];
  total: Figure;
}

const shown = (value: number): Figure => ({ value, suppressed: false });
const hidden: Figure = { value: null, suppressed: true };

/** True for a figure a partner may not see on its own. */
export const isSmall = (value: number, minCell: number) => value > 0 && value < minCell;

/** Bridges of the bipartite graph rows(0..R) × cols(0..C) with an edge per suppressed figure. */
function bridges(mask: boolean[][]): [number, number][] {
  const R = mask.length;
  const C = mask[0].length;
  const n = R + C; // vertex r is row r, vertex R + c is column c
  const adj: [number, number, number][][] = Array.from({ length: n }, () => []);
  let edgeId = 0;
  const edges: [number, number][] = [];
  for (let i = 0; i < R; i++)
    for (let j = 0; j < C; j++)
      if (mask[i][j]) {
        adj[i].push([R + j, edgeId, 0]);
        adj[R + j].push([i, edgeId, 0]);
        edges.push([i, j]);
        edgeId++;
      }
  const disc = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const found: [number, number][] = [];
  let time = 0;
  const dfs = (v: number, viaEdge: number) => {
    disc[v] = low[v] = time++;
    for (const [w, id] of adj[v]) {
      if (id === viaEdge) continue;
      if (disc[w] === -1) {
        dfs(w, id);
        low[v] = Math.min(low[v], low[w]);
        if (low[w] > disc[v]) found.push(edges[id]);
      } else low[v] = Math.min(low[v], disc[w]);
    }
  };
  for (let v = 0; v < n; v++) if (disc[v] === -1) dfs(v, -1);
  return found;
}

/**
 * Protects a table of counts: `cells[r][c]`. Returns every figure of the table and its margins,
 * each either shown (exact) or suppressed.
 */
export function protectTable(cells: number[][], minCell: number, forcedTotals: boolean[] = []): ProtectedTable {
  const R = cells.length;
  const C = R ? cells[0].length : 0;
  // The grid with margins: row R holds the column totals, column C the row totals.
  const grid: number[][] = Array.from({ length: R + 1 }, () => new Array<number>(C + 1).fill(0));
  for (let i = 0; i < R; i++)
    for (let j = 0; j < C; j++) {
      const v = cells[i][j];
      grid[i][j] = v;
      grid[i][C] += v;
      grid[R][j] += v;
      grid[R][C] += v;
    }
  const mask = grid.map((row) => row.map((v) => isSmall(v, minCell)));
  forcedTotals.forEach((force, j) => {
    if (force && j <= C) mask[R][j] = true;
  });
  // Cheapest complement: a zero tells nothing useful as a partner, a big figure hides a small one best.
  const cost = (v: number) => (v === 0 ? 1e12 : v < minCell ? 0 : v);
  for (let guard = 0; guard < (R + 1) * (C + 1); guard++) {
    const open = bridges(mask);
    if (!open.length) break;
    const [i, j] = open[0];
    let best: [number, number] | undefined;
    let bestCost = Infinity;
    for (let i2 = 0; i2 <= R; i2++) {
      if (i2 === i) continue;
      for (let j2 = 0; j2 <= C; j2++) {
        if (j2 === j) continue;
        const c = [[i, j2], [i2, j], [i2, j2]].reduce((sum, [a, b]) => sum + (mask[a][b] ? 0 : cost(grid[a][b])), 0);
        if (c < bestCost) [bestCost, best] = [c, [i2, j2]];
      }
    }
    if (!best) break; // a 1 × 1 grid cannot happen: margins make it at least 2 × 2
    const [i2, j2] = best;
    mask[i][j2] = mask[i2][j] = mask[i2][j2] = true;
  }
  const fig = (i: number, j: number): Figure => (mask[i][j] ? hidden : shown(grid[i][j]));
  return {
    cells: Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => fig(i, j))),
    rowTotals: Array.from({ length: R }, (_, i) => fig(i, C)),
    columnTotals: Array.from({ length: C }, (_, j) => fig(R, j)),
    total: fig(R, C),
  };
}

/**
 * Protects several tables that break down the same grand total in different ways (e.g. a year's
 * stall-days by category × month, and by kelurahan). They share only that one figure: when it
 * is hidden in one it is hidden in all, and then no hidden figure of any table can be recomputed
 * even from all tables together (each table's hidden figures lie on cycles of its own, and a
 * single shared unknown can be matched across tables). Tables sharing several totals (e.g. the
 * same month totals) are NOT safe this way; the attacker test shows it.
 */
export function protectSharingTotal(tables: number[][][], minCell: number): ProtectedTable[] {
  let forced = false;
  for (;;) {
    const out = tables.map((cells) => protectTable(cells, minCell, forced ? Object.assign([], { [cells[0]?.length ?? 0]: true }) : []));
    const any = out.some((t) => t.cells.length > 0 && t.total.suppressed);
    if (any === forced) return out;
    forced = any;
  }
}

/**
 * Protects a table of counts month by month: each column (a month, with its total) is protected on
 * its own, and every row total or grand total is the sum of published figures, hidden when any
 * part is hidden. Publication grows a month at a time (see publication.ts): a month's figures, once
 * published, never depend on a later month, so snapshots taken in different months combine into
 * nothing that one snapshot does not already show. `hideTotal[j]` hides month j's total (and
 * protects its column without it).
 */
export function protectColumns(cells: number[][], minCell: number, hideTotal: boolean[] = []): ProtectedTable {
  const R = cells.length;
  const C = R ? cells[0].length : 0;
  const columns = Array.from({ length: C }, (_, j) => protectTable(cells.map((row) => [row[j]]), minCell, [!!hideTotal[j], !!hideTotal[j]]));
  const out: ProtectedTable = {
    cells: Array.from({ length: R }, (_, i) => columns.map((col) => col.cells[i][0])),
    rowTotals: [],
    columnTotals: columns.map((col) => col.total),
    total: hidden,
  };
  out.rowTotals = out.cells.map((row) => sumOf(row));
  out.total = sumOf(out.columnTotals);
  return out;
}

/** Sum of published figures; suppressed when any part is suppressed (so it reveals nothing new). */
export function sumOf(figures: Figure[]): Figure {
  if (figures.some((f) => f.suppressed)) return hidden;
  return shown(figures.reduce((s, f) => s + (f.value ?? 0), 0));
}

/** Columns `from..to` (inclusive) of a protected table, with row sums over just those columns. */
export function sliceColumns(table: ProtectedTable, from: number, to: number): ProtectedTable {
  const cells = table.cells.map((row) => row.slice(from, to + 1));
  const columnTotals = table.columnTotals.slice(from, to + 1);
  const whole = from === 0 && to === table.columnTotals.length - 1;
  return {
    cells,
    rowTotals: whole ? table.rowTotals : cells.map((row) => sumOf(row)),
    columnTotals,
    total: whole ? table.total : sumOf(columnTotals),
  };
}

/** A figure shown unsuppressed (program staff and administrators). */
export const exact = (value: number): Figure => shown(value);

/** A single count on its own (not part of a table): shown when 0 or at least minCell. */
export const single = (value: number, minCell: number): Figure => (isSmall(value, minCell) ? hidden : shown(value));

/** A table shown unsuppressed, with its margins. */
export const exactTable = (cells: number[][]): ProtectedTable => ({
  cells: cells.map((r) => r.map(exact)),
  rowTotals: cells.map((r) => exact(r.reduce((a, b) => a + b, 0))),
  columnTotals: (cells[0] ?? []).map((_, j) => exact(cells.reduce((s, r) => s + r[j], 0))),
  total: exact(cells.flat().reduce((a, b) => a + b, 0)),
});
