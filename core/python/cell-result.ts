// What running one notebook cell produced, as the CLI, the renderer and the grader see it.
import type { GraphSnapshot } from '../autograd/index.ts';

export interface PlotLine {
  x: number[];
  y: number[];
  label: string | null;
}

/** One figure the cell showed (matplotlib's show(), or a figure left open at the cell's end). */
export interface PlotRecord {
  lines: PlotLine[];
  xlabel: string | null;
  ylabel: string | null;
  title: string | null;
  legend: boolean;
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
