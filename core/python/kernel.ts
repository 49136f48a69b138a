// The Python kernel: Pyodide with Gradlab's `torch`, `matplotlib` and `numpy`, running
// notebook cells as Jupyter would. Pure TypeScript: whatever is platform-specific (how to load
// Pyodide, where the Python sources come from) is handed in by the host.
import type { PyodideAPI } from 'pyodide';
import { createEngineModule, type GraphRecorder } from './engine-module.ts';
import type { CellResult, LabelledGraph, PlotRecord, PlotSeries } from './cell-result.ts';
import { PYTHON_LIMITS, capWasmMemory, memoryLimitMessage, truncationNote } from './limits.ts';

export type { CellResult, LabelledGraph, PlotRecord } from './cell-result.ts';

interface PyodideOptions {
  indexURL?: string;
  _makeSnapshot?: boolean;
  _loadSnapshot?: Uint8Array;
}

export interface PythonHost {
  /** Pyodide's `loadPyodide` (from the `pyodide` package, or a bundled copy). */
  loadPyodide: (options: PyodideOptions) => Promise<PyodideAPI>;
  /** Where pyodide.asm.wasm and python_stdlib.zip live, when the default is not right. */
  indexURL?: string;
  /** core/python/py/** as `{'torch/__init__.py': text, ...}` (paths relative to py/). */
  sources: Record<string, string>;
  /** A memory snapshot handed to `onSnapshot` by an earlier start, for a fast boot. */
  snapshot?: Uint8Array;
  /** Receives a snapshot when the kernel booted without one (the host may store it). */
  onSnapshot?: (snapshot: Uint8Array) => void;
}

/** Standard modules imported before a snapshot is taken (the runtime needs them at once). */
export const SNAPSHOT_IMPORTS = [
  'array',
  'ast',
  'functools',
  'linecache',
  'math',
  'operator',
  'random',
  'traceback',
  'warnings',
  'weakref',
  'pyodide.code',
  'pyodide.ffi',
];

export interface RunOptions {
  /** Run the cell in a new, empty namespace (test suites; `gradlab run --fresh`). */
  fresh?: boolean;
}

const SITE_DIR = '/home/pyodide/gradlab';

/** A cell's outcome as Python hands it over: its None values arrive as undefined. */
interface RawCellResult {
  stdout: string;
  /** Characters the cell printed, of which `stdout` keeps the first (the output limit). */
  stdout_total?: number;
  display?: string;
  error?: string;
  traceback?: string;
  warnings: string[];
  plots: RawPlot[];
}

type RawNumbers = Float32Array | Float64Array | number[];

/** `T` with the fields `K` left out where PlotRecord has null (Python leaves out a None). */
type NoneLeftOut<T, K extends keyof T> = Omit<T, K> & { [P in K]?: NonNullable<T[P]> };

/** A PlotRecord as Python sends it: numbers in typed arrays, None fields left out. */
type RawPlot = NoneLeftOut<Omit<PlotRecord, 'lines'>, 'xlabel' | 'ylabel' | 'title' | 'zlabel'> & {
  lines: (NoneLeftOut<Omit<PlotSeries, 'x' | 'y' | 'z'>, 'label'> & {
    x: RawNumbers;
    y: RawNumbers;
    z?: RawNumbers;
  })[];
};

interface KernelModule {
  run_cell: (code: string, fresh: boolean) => RawCellResult;
  reset: () => void;
  set_limits: (outputCharacters: number, displayCharacters: number) => void;
  set_interrupt_view: (view: Int32Array | null) => void;
}

export class PythonKernel {
  #pyodide: PyodideAPI;
  #kernel: KernelModule;
  #graphs: LabelledGraph[] = [];
  #interrupt: Uint8Array | null = null;

  private constructor(pyodide: PyodideAPI, kernel: KernelModule) {
    this.#pyodide = pyodide;
    this.#kernel = kernel;
  }

  /**
   * Boots Pyodide and imports the runtime. With `host.snapshot` the boot takes a fraction of
   * the time; without one, `host.onSnapshot` (if given) receives a snapshot for next time.
   */
  static async start(host: PythonHost): Promise<PythonKernel> {
    const location = host.indexURL === undefined ? {} : { indexURL: host.indexURL };
    const makeSnapshot = host.snapshot === undefined && host.onSnapshot !== undefined;
    capWasmMemory();
    const pyodide = await host.loadPyodide({
      ...location,
      ...(host.snapshot === undefined ? {} : { _loadSnapshot: host.snapshot }),
      ...(makeSnapshot ? { _makeSnapshot: true } : {}),
    });
    if (makeSnapshot) {
      // Only the standard library goes into the snapshot: Gradlab's modules and the JS engine
      // module are installed after every boot, so a snapshot never holds stale Gradlab code.
      pyodide.runPython(`import ${SNAPSHOT_IMPORTS.join(', ')}`);
      host.onSnapshot?.(pyodide.makeMemorySnapshot());
    }
    // input() reads end-of-file rather than waiting on a console no student can type into.
    pyodide.setStdin({ stdin: () => null });
    const recorder: GraphRecorder = { has: () => false, record: () => undefined };
    pyodide.registerJsModule('_gradlab_engine', createEngineModule(recorder));
    installSources(pyodide, host.sources);
    pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(SITE_DIR)})`);
    const kernel = new PythonKernel(
      pyodide,
      pyodide.pyimport('_gradlab_kernel') as unknown as KernelModule,
    );
    recorder.has = (line) => kernel.#graphs.some((graph) => graph.line === line);
    recorder.record = (graph) => kernel.#graphs.push(graph);
    kernel.#kernel.set_limits(PYTHON_LIMITS.outputCharacters, PYTHON_LIMITS.displayCharacters);
    return kernel;
  }

  /** Runs one cell; never throws for anything the cell's code does. */
  runCell(code: string, options: RunOptions = {}): CellResult {
    this.#graphs = [];
    // A stop pressed while no cell ran would otherwise interrupt this one as it starts.
    if (this.#interrupt !== null) Atomics.store(this.#interrupt, 0, 0);
    let raw: RawCellResult;
    try {
      raw = this.#kernel.run_cell(code, options.fresh === true);
    } catch (error) {
      // Only a stop request landing between the cell's code and its report gets here.
      raw = { stdout: '', error: pythonErrorLine(error), warnings: [], plots: [] };
    }
    const total = raw.stdout_total ?? raw.stdout.length;
    return {
      stdout:
        total > raw.stdout.length
          ? `${raw.stdout}\n${truncationNote(total, raw.stdout.length)}\n`
          : raw.stdout,
      display: raw.display ?? null,
      error: raw.error === 'MemoryError' ? memoryLimitMessage() : (raw.error ?? null),
      traceback: raw.traceback ?? null,
      warnings: raw.warnings,
      plots: raw.plots.map(plotRecord),
      graphs: this.#graphs,
    };
  }

  /** Forgets every variable: the next cell starts from an empty namespace. */
  reset(): void {
    this.#kernel.reset();
  }

  /**
   * Lets the host stop a running cell: writing 2 (SIGINT) into `buffer[0]` raises
   * KeyboardInterrupt in the cell. The buffer must be a Uint8Array over a SharedArrayBuffer of
   * at least 4 bytes; the kernel clears the flag before each cell. Call `Atomics.notify` on an
   * Int32Array view of it to wake a `time.sleep` at once.
   */
  setInterruptBuffer(buffer: Uint8Array | null): void {
    this.#interrupt = buffer;
    // Pyodide documents setInterruptBuffer(undefined) as switching interrupts off.
    this.#pyodide.setInterruptBuffer(buffer ?? (undefined as unknown as Uint8Array));
    this.#kernel.set_interrupt_view(
      buffer === null ? null : new Int32Array(buffer.buffer, buffer.byteOffset, 1),
    );
  }
}

/** The last line of a Python traceback that escaped into JavaScript ("KeyboardInterrupt"). */
function pythonErrorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.trim().split('\n');
  return lines[lines.length - 1] || 'Error';
}

/** A plot as Python recorded it, with None values as null and its numbers in plain arrays. */
function plotRecord(plot: RawPlot): PlotRecord {
  const record: PlotRecord = {
    lines: plot.lines.map(({ x, y, z, label, ...grid }) => ({
      ...grid,
      x: numbers(x),
      y: numbers(y),
      ...(z === undefined ? {} : { z: numbers(z) }),
      label: label ?? null,
    })),
    xlabel: plot.xlabel ?? null,
    ylabel: plot.ylabel ?? null,
    title: plot.title ?? null,
    legend: plot.legend,
  };
  if ('zlabel' in plot) record.zlabel = plot.zlabel ?? null;
  if (plot.texts) record.texts = plot.texts;
  if (plot.xlim) record.xlim = plot.xlim;
  if (plot.ylim) record.ylim = plot.ylim;
  if (plot.colorbar) record.colorbar = true;
  if (plot.legendLabels) record.legendLabels = plot.legendLabels;
  if (plot.contourLabels) record.contourLabels = true;
  if (plot.axesInFigure) record.axesInFigure = plot.axesInFigure;
  return record;
}

/** A plain array (what JSON and the chart take) from a typed one; a loop beats Array.from. */
function numbers(values: RawNumbers): number[] {
  const result = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) result[i] = values[i];
  return result;
}

function installSources(pyodide: PyodideAPI, sources: Record<string, string>): void {
  for (const [path, text] of Object.entries(sources)) {
    const target = `${SITE_DIR}/${path}`;
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
    pyodide.FS.writeFile(target, text);
  }
}
