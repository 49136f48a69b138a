// What running one notebook cell produced, as the CLI, the renderer and the grader see it.
import type { BackwardTrace, GraphSnapshot } from '../autograd/index.ts';

export type SeriesKind =
  'line' | 'scatter' | 'contour' | 'contourf' | 'surface' | 'line3d' | 'scatter3d';

/** One thing drawn on a set of axes: a line, points, contours of a grid, or a 3-D surface. */
export interface PlotSeries {
  kind: SeriesKind;
  x: number[];
  y: number[];
  /** Heights: of each point (line3d, scatter3d) or of each grid node (contours, surface). */
  z?: number[];
  /** Contours and surfaces: x, y and z are a row-major grid with this many columns. */
  columns?: number;
  /** Contours: the heights of their lines, or the bounds of their bands (matplotlib's choice). */
  levels?: number[];
  label: string | null;
}

export interface PlotText {
  x: number;
  y: number;
  text: string;
}

/**
 * One set of axes of a figure the cell showed (matplotlib's show(), or a figure left open at the
 * cell's end): a figure with subplots gives one record per axes, in the order they were made.
 */
export interface PlotRecord {
  /** Every series drawn, in order (named `lines` since plots were only lines). */
  lines: PlotSeries[];
  xlabel: string | null;
  ylabel: string | null;
  title: string | null;
  legend: boolean;
  /** 3-D axes only. */
  zlabel?: string | null;
  texts?: PlotText[];
  xlim?: [number, number];
  ylim?: [number, number];
  /** A colour scale was asked for (plt.colorbar). */
  colorbar?: boolean;
  /** Names given to legend(['a', 'b']) for the series in order (their own labels stay). */
  legendLabels?: string[];
  /** Each contour line's level is written on it (plt.clabel). */
  contourLabels?: boolean;
}

/** The autograd graph of one backward() the cell ran, for the symbolic panel. */
export interface LabelledGraph {
  /** The cell line that called backward(). */
  line: number;
  /**
   * The graph behind the tensor backward() started from, taken after backward (leaves carry
   * their .grad). Leaves are labelled by their Python variable names; op nodes by the cell line
   * that made them ('line 3').
   */
  graph: GraphSnapshot;
  /** That backward pass node by node, in the engine's order; ids are `graph`'s. */
  trace: BackwardTrace;
}

export interface CellResult {
  /** Everything printed, stdout and stderr together, as a notebook shows it. */
  stdout: string;
  /** repr() of the trailing expression, or null (None, `;`, no expression). */
  display: string | null;
  /** "TypeName: message" of an exception the cell raised, or null. */
  error: string | null;
  /** The Python traceback of that exception, trimmed to the cell's own frames. */
  traceback: string | null;
  /** "Category: message" of each warning, in order. */
  warnings: string[];
  plots: PlotRecord[];
  /** One entry per tensor each backward() of the cell started from, in order. */
  graphs: LabelledGraph[];
}
