// Python runtime speed in Node: kernel start-up cold and from a memory snapshot, the seed lab's
// cells, and what a tensor op costs from Python (the bridge) beside the same op called from
// TypeScript.
import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import * as A from '../core/autograd/index.ts';
import { notebookCells } from '../core/lessons/notebook.ts';
import { PythonKernel } from '../core/python/kernel.ts';
import { readPythonSources } from '../cli/python-node.ts';

const SEED = new URL('../../shared/seeds/000_56fb343e652139a9.txt', import.meta.url);
const OPS = 20_000;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function startMs(start: () => Promise<PythonKernel>): Promise<[number, PythonKernel]> {
  const began = performance.now();
  const kernel = await start();
  kernel.runCell('import torch, matplotlib.pylab');
  return [performance.now() - began, kernel];
}

const sources = readPythonSources();
let snapshot: Uint8Array | undefined;
const [coldMs] = await startMs(() =>
  PythonKernel.start({ loadPyodide, sources, onSnapshot: (bytes) => (snapshot = bytes) }),
);
const warm: number[] = [];
let kernel: PythonKernel | undefined;
for (let run = 0; run < 3; run++) {
  const [ms, started] = await startMs(() => PythonKernel.start({ loadPyodide, sources, snapshot }));
  warm.push(ms);
  kernel = started;
}
console.log(`kernel start + import torch: cold ${coldMs.toFixed(0)} ms (making the snapshot)`);
console.log(
  `kernel start + import torch from a ${((snapshot?.length ?? 0) / 2 ** 20).toFixed(0)} MiB snapshot: median ${median(warm).toFixed(0)} ms of 3`,
);

const python = kernel as PythonKernel;
const cells = notebookCells('seed.txt', readFileSync(SEED, 'utf8'));
const cellTimes = cells.map((cell) => {
  const began = performance.now();
  python.runCell(cell.code);
  return performance.now() - began;
});
console.log(
  `seed lab: ${cells.length} cells, median ${median(cellTimes).toFixed(1)} ms, slowest ${Math.max(...cellTimes).toFixed(1)} ms`,
);

python.runCell('x = torch.linspace(-10, 10, 1_000_000)\nplt = matplotlib.pylab');
const plotTimes = [0, 1, 2].map(() => {
  const began = performance.now();
  python.runCell('plt.plot(x.numpy(), x.relu().numpy())\nplt.show()');
  return performance.now() - began;
});
console.log(`a cell plotting 1e6 points: median ${median(plotTimes).toFixed(0)} ms of 3`);

const timed = python.runCell(
  `import time\nx = torch.tensor(1.0, requires_grad=True)\ny = x\nstart = time.perf_counter()\n` +
    `for _ in range(${OPS}):\n    y = y * 1.0001\nprint((time.perf_counter() - start) / ${OPS} * 1e6)`,
);
let y = A.tensor([1], [], { requiresGrad: true });
const began = performance.now();
for (let i = 0; i < OPS; i++) y = A.mul(y, 1.0001, { scalarKind: 'float' });
const direct = ((performance.now() - began) / OPS) * 1000;
console.log(
  `scalar mul recorded for autograd: ${Number(timed.stdout).toFixed(1)} µs/op from Python, ${direct.toFixed(1)} µs/op from TypeScript`,
);
