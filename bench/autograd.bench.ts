// Autograd engine speed: fwd+bwd of sum(relu(x*x + 2*x)) on 1e6 float32 elements, and
// build+backward of a 100k-node scalar graph; beside them the same work in PyTorch on this
// machine when a python3 with torch is installed (Debian's python3-torch).
// The chain runs in one synchronous loop (no yields, so storages freed by the garbage collector go
// back to the C allocator whenever it runs), with the WebAssembly SIMD loops and with the JS
// loops alone, alternating run by run so that both meet the same heap and load. Minor page
// faults per run count fresh memory first touched (dear on this VM), PyTorch's counted alike.
import { execFileSync } from 'node:child_process';
import * as A from '../core/autograd/index.ts';
import { setSimdEnabled, simdAvailable } from '../core/autograd/wasm/simd-loops.ts';

const ELEMENTS = 1_000_000;
const SCALAR_NODES = 100_000;
const RUNS = 15;

/** Median and minimum: on a shared, loaded machine the minimum is the steadier figure. */
interface Timing {
  median: number;
  min: number;
  /** Minor page faults per run (fresh memory touched), where measured. */
  faults?: number;
}

const minorFaults = (): number => process.resourceUsage().minorPageFault;

/** Times each body `runs` times after a warm-up, the bodies taking turns run by run. */
function timeMs(bodies: readonly (() => void)[], runs: number): Timing[] {
  for (const body of bodies) body(); // warm-up
  const samples = bodies.map((): number[] => []);
  const faults = bodies.map(() => 0);
  for (let r = 0; r < runs; r++)
    bodies.forEach((body, b) => {
      const faultsBefore = minorFaults();
      const start = performance.now();
      body();
      samples[b].push(performance.now() - start);
      faults[b] += minorFaults() - faultsBefore;
    });
  return samples.map((s, b) => {
    s.sort((x, y) => x - y);
    return { median: s[Math.floor(s.length / 2)], min: s[0], faults: faults[b] / runs };
  });
}

/** The chain with the SIMD loops on and off. */
function elementwiseChain(): Timing[] {
  const values = new Float32Array(ELEMENTS);
  for (let i = 0; i < ELEMENTS; i++) values[i] = Math.sin(i) * 3;
  const x = A.tensor(values, [ELEMENTS], { requiresGrad: true });
  const step = (simd: boolean) => (): void => {
    const previous = setSimdEnabled(simd);
    x.grad = null;
    A.sum(A.relu(A.add(A.mul(x, x), A.mul(x, 2)))).backward();
    setSimdEnabled(previous);
  };
  return timeMs([step(true), step(false)], RUNS);
}

function scalarGraph(): Timing {
  const [timing] = timeMs(
    [
      () => {
        const x = A.tensor([0.5], [], { requiresGrad: true });
        let y = x;
        for (let i = 0; i < SCALAR_NODES / 2; i++) y = A.add(A.mul(y, 0.999), x);
        y.backward();
      },
    ],
    5,
  );
  return timing;
}

const TORCH_SCRIPT = `
import time, torch, statistics, resource
def t(f, runs):
    f(); s = []; faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(runs):
        a = time.perf_counter(); f(); s.append((time.perf_counter() - a) * 1000)
    faults = (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults) / runs
    return f'{statistics.median(s)} {min(s)} {faults}'
x = (torch.sin(torch.arange(${ELEMENTS}, dtype=torch.float64)) * 3).float().requires_grad_()
def chain():
    x.grad = None
    torch.sum(torch.relu(x * x + x * 2)).backward()
def scalar():
    x0 = torch.tensor(0.5, requires_grad=True); y = x0
    for _ in range(${SCALAR_NODES / 2}): y = y * 0.999 + x0
    y.backward()
print(t(chain, ${RUNS}), t(scalar, 3), torch.__version__, torch.get_num_threads())
`;

function torchBaseline(): {
  chain: Timing;
  scalar: Timing;
  version: string;
  threads: string;
} | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      const out = execFileSync(python, ['-c', TORCH_SCRIPT], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const [chainMedian, chainMin, chainFaults, scalarMedian, scalarMin, , version, threads] = out
        .trim()
        .split(/\s+/);
      return {
        chain: { median: Number(chainMedian), min: Number(chainMin), faults: Number(chainFaults) },
        scalar: { median: Number(scalarMedian), min: Number(scalarMin) },
        version,
        threads,
      };
    } catch {
      // no torch for this interpreter: try the next one
    }
  }
  return null;
}

const perSecond = (count: number, ms: number): string =>
  `${((count / ms) * 1000).toExponential(2)}/s`;
const show = (t: Timing): string =>
  `median ${t.median.toFixed(2)} ms, min ${t.min.toFixed(2)} ms` +
  (t.faults === undefined ? '' : `, ${Math.round(t.faults)} page faults/run`);

const [chain, chainJs] = elementwiseChain();
const scalar = scalarGraph();
const loops = simdAvailable() ? 'WebAssembly SIMD loops' : 'JS loops (no WebAssembly SIMD here)';
console.log(
  `engine: sum(relu(x*x + 2*x)) fwd+bwd, 1e6 float32, ${RUNS} runs in one synchronous loop, ${loops}: ${show(chain)} (${perSecond(ELEMENTS, chain.median)} elements)`,
);
console.log(`engine: the same chain with the JS loops alone: ${show(chainJs)}`);
console.log(
  `engine: 100k-node scalar graph build+backward: ${show(scalar)} (${perSecond(SCALAR_NODES, scalar.median)} ops)`,
);
const torch = torchBaseline();
if (torch === null) {
  console.log('PyTorch baseline: no python3 with torch found (apt-get install python3-torch)');
} else {
  console.log(
    `PyTorch ${torch.version} (${torch.threads} threads): same chain ${show(torch.chain)}`,
  );
  console.log(
    `PyTorch: scalar graph ${show(torch.scalar)} (${perSecond(SCALAR_NODES, torch.scalar.median)} ops)`,
  );
  const ratio = (a: Timing, b: Timing): string =>
    `${(a.median / b.median).toFixed(2)}x (min ${(a.min / b.min).toFixed(2)}x)`;
  console.log(
    `engine / PyTorch: chain ${ratio(chain, torch.chain)}, scalar graph ${ratio(scalar, torch.scalar)}`,
  );
}
