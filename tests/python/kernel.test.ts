// Notebook semantics of the Python kernel: what a student sees after running cells.
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PythonKernel } from '../../core/python/kernel.ts';
import { startNodeKernel } from '../../cli/python-node.ts';
import { parseFromWorker } from '../../renderer/python/from-worker.ts';
import { squareFunction } from '../grading/support.ts';

let kernel: PythonKernel;

beforeAll(async () => {
  kernel = await startNodeKernel();
});

/** Sets the interrupt flag from another thread after `delayMs`, as a Stop button would. */
function pressStopAfter(buffer: Uint8Array, delayMs: number): Worker {
  const source = `
    const { workerData } = require('node:worker_threads');
    const flag = new Int32Array(workerData.buffer);
    Atomics.wait(flag, 1, 0, workerData.delayMs);
    Atomics.store(flag, 0, 2);
    Atomics.notify(flag, 0);`;
  return new Worker(source, { eval: true, workerData: { buffer: buffer.buffer, delayMs } });
}

describe('cells share a namespace and keep their own output', () => {
  it('keeps a partial line with the cell that printed it', () => {
    const first = kernel.runCell('a = 20\nprint("no newline", end="")', { fresh: true });
    const second = kernel.runCell('print(a + 1)');
    expect(first.stdout).toBe('no newline');
    expect(second.stdout).toBe('21\n');
  });

  it('displays a trailing expression unless it ends with ; or is None', () => {
    expect(kernel.runCell('[1, 2.5]').display).toBe('[1, 2.5]');
    expect(kernel.runCell('a * 2;').display).toBeNull();
    expect(kernel.runCell('None').display).toBeNull();
    expect(kernel.runCell('_').display).toBe('[1, 2.5]');
  });

  it('starts from an empty namespace with fresh', () => {
    expect(kernel.runCell('a', { fresh: true }).error).toBe("NameError: name 'a' is not defined");
  });
});

describe("Jupyter's magics and shell commands", () => {
  it('runs a cell that starts with %matplotlib inline as the rest of its code', () => {
    const result = kernel.runCell('%matplotlib inline\nimport math\nmath.floor(2.5)');
    expect(result.error).toBeNull();
    expect(result.display).toBe('2');
  });

  it('names any other magic or shell command in a NotImplementedError, at its line', () => {
    expect(kernel.runCell('%%time\nx = 1').error).toBe(
      "NotImplementedError: IPython's %%time is not supported in Gradlab yet",
    );
    const shell = kernel.runCell('print(1)\n!nvidia-smi');
    expect(shell.error).toBe(
      "NotImplementedError: IPython's !nvidia-smi is not supported in Gradlab yet",
    );
    expect(shell.stdout).toBe('1\n');
    expect(shell.traceback).toContain('line 2');
  });

  it('leaves a line starting with % alone where it continues an expression', () => {
    expect(kernel.runCell('(7\n% 4)').display).toBe('3');
  });
});

describe('errors and warnings', () => {
  it('reports an error with a traceback of the cell only, and later cells still run', () => {
    const failed = kernel.runCell('def f(x):\n    return x / 0\n\nf(1)');
    expect(failed.error).toBe('ZeroDivisionError: division by zero');
    expect(failed.traceback).toContain('line 4');
    expect(failed.traceback).toContain('return x / 0');
    expect(failed.traceback).not.toContain('_gradlab');
    expect(kernel.runCell('print("still here")').stdout).toBe('still here\n');
  });

  it('reports a syntax error with its line', () => {
    const result = kernel.runCell('x = (1,\ny = 2');
    expect(result.error).toMatch(/^SyntaxError: /);
    expect(result.traceback).toContain('line 1');
  });

  it('captures warnings as "Category: message"', () => {
    const result = kernel.runCell(
      'import warnings\nwarnings.warn("look")\nwarnings.warn("old", DeprecationWarning)',
    );
    expect(result.warnings).toEqual(['UserWarning: look', 'DeprecationWarning: old']);
  });

  it('names unsupported torch functions instead of failing obscurely', () => {
    const result = kernel.runCell('import torch\ntorch.fft(torch.ones(2))');
    expect(result.error).toBe('NotImplementedError: torch.fft is not supported in Gradlab yet');
  });
});

describe('graphs of backward() for the symbolic panel', () => {
  it('records each backward with leaves named as in Python and ops by cell line', () => {
    const result = kernel.runCell(
      'import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x ** 2 + 2 * x\ny.backward()',
      { fresh: true },
    );
    expect(result.graphs).toHaveLength(1);
    const [{ line, graph }] = result.graphs;
    expect(line).toBe(4);
    const leaf = graph.nodes.find((node) => node.kind === 'leaf');
    expect(leaf).toMatchObject({ label: 'x', values: [2], grad: [6] });
    const root = graph.nodes[graph.root];
    expect(root).toMatchObject({ gradFn: 'AddBackward0', label: 'line 3', values: [8] });
    expect(kernel.runCell('z = x * 3').graphs).toEqual([]);
  });

  it('keeps the first graph of a line that a loop runs backward() from', () => {
    const result = kernel.runCell(
      'w = torch.tensor(1.0, requires_grad=True)\nfor step in range(3):\n' +
        '    (w * step).backward()\n(w * 5).backward()',
    );
    expect(result.graphs.map((graph) => graph.line)).toEqual([3, 4]);
    const root = result.graphs[0].graph.nodes[result.graphs[0].graph.root];
    expect(root).toMatchObject({ values: [0] });
  });
});

describe('backward traces for the step-through graph view', () => {
  it("shows the seed's SQ receiving grad_output 3 and returning 2·i, which ignores it", () => {
    const result = kernel.runCell(
      [
        'import torch',
        squareFunction('2 * i'),
        'x = torch.tensor(2.0, requires_grad=True)',
        'y = SQ.apply(x)',
        'y.backward(torch.tensor(3.0))',
      ].join('\n'),
      { fresh: true },
    );
    const [{ graph, trace }] = result.graphs;
    const [sq, leaf] = trace.steps;
    expect(graph.nodes[sq.id].gradFn).toBe('SQBackward');
    expect(sq.gradOutputs).toEqual([{ shape: [], values: [3] }]);
    expect(sq.custom?.returned).toEqual([{ shape: [], values: [4] }]);
    expect(graph.nodes[leaf.id].label).toBe('x');
    expect(leaf.accumulated?.after).toEqual({ shape: [], values: [4] });
    // The page's check of the worker's messages lets the trace through whole.
    expect(parseFromWorker({ type: 'result', id: 1, result })).toEqual({
      type: 'result',
      id: 1,
      result,
    });
  });
});

describe('plots', () => {
  it('records each shown figure with its lines, labels and axes', () => {
    const result = kernel.runCell(
      'import matplotlib.pylab as plt\nplt.plot([0, 1, 2], [0, 1, 4], label="f")\nplt.plot([3, 5])\n' +
        'plt.xlabel("x")\nplt.title("t")\nplt.legend()\nplt.show()',
    );
    expect(result.plots).toEqual([
      {
        lines: [
          { kind: 'line', x: [0, 1, 2], y: [0, 1, 4], label: 'f' },
          { kind: 'line', x: [0, 1], y: [3, 5], label: null },
        ],
        xlabel: 'x',
        ylabel: null,
        title: 't',
        legend: true,
      },
    ]);
  });

  it('shows a figure left open when the cell ends, as Jupyter does', () => {
    const result = kernel.runCell('plt.plot([1, 2], [3, 4], "r--");');
    expect(result.plots).toHaveLength(1);
    expect(kernel.runCell('1').plots).toEqual([]);
  });

  it('shows a figure given as the cell value, as Jupyter draws it (and again if still open)', () => {
    const result = kernel.runCell('fig, ax = plt.subplots()\nax.scatter([1], [2])\nfig');
    expect(result.display).toBeNull();
    expect(result.plots.map((plot) => plot.lines.map((series) => series.kind))).toEqual([
      ['scatter'],
      ['scatter'],
    ]);
  });

  it('refuses to show the labels clabel placed rather than show them wrongly', () => {
    const result = kernel.runCell(
      'import numpy as np\nX, Y = np.meshgrid([0, 1], [0, 1])\nplt.clabel(plt.contour(X, Y, X + Y))',
    );
    expect(result.error).toMatch(/^NotImplementedError: showing the labels clabel returns/);
  });
});

describe('pandas', () => {
  it('is not importable, and the error says what to use instead', () => {
    const result = kernel.runCell('import pandas as pd');
    expect(result.error).toMatch(/^ModuleNotFoundError: No module named 'pandas'/);
    expect(result.error).toContain('print');
  });
});

describe('stopping a cell', () => {
  it('interrupts a busy loop and a sleep, keeping the namespace', async () => {
    const buffer = new Uint8Array(new SharedArrayBuffer(8));
    kernel.setInterruptBuffer(buffer);
    kernel.runCell('kept = 7', { fresh: true });
    for (const code of ['while True:\n    pass', 'import time\ntime.sleep(60)']) {
      const stopper = pressStopAfter(buffer, 300);
      const started = Date.now();
      const result = kernel.runCell(code);
      expect(result.error).toBe('KeyboardInterrupt');
      expect(Date.now() - started).toBeLessThan(20_000);
      await stopper.terminate();
    }
    expect(kernel.runCell('kept').display).toBe('7');
    buffer[0] = 2; // Stop pressed while no cell was running
    expect(kernel.runCell('kept + 1')).toMatchObject({ display: '8', error: null });
    kernel.setInterruptBuffer(null);
  });
});
