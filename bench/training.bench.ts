// A small training loop from Python, as a course runs it: 200 steps of a 2-layer MLP
// (Linear(1, 32) - ReLU - Linear(32, 1), MSELoss, SGD) on 100 points, through Gradlab's Python
// runtime and, beside it, in PyTorch on this machine when a python3 with torch is installed.
// Both sides count the process's CPU time, run after run in turn (this machine is shared: load
// that slows one run slows its neighbour too), and report the median and minimum of RUNS loops
// and the median of the run-by-run ratios. Then where a Gradlab step's time goes: each engine
// call (how many, how long, bridge included), the Python code around them, garbage collection.
import { startNodeKernel } from '../cli/python-node.ts';
import { startTorch } from './torch-process.ts';

const RUNS = 21;
const STEPS = 200;

const SETUP = `
import torch
from torch import nn
X = (torch.arange(100.0) / 50 - 1).reshape(100, 1)
Y = X * X * 2 - 0.5
def train():
    model = nn.Sequential(nn.Linear(1, 32), nn.ReLU(), nn.Linear(32, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_fn = nn.MSELoss()
    for _ in range(${STEPS}):
        optimizer.zero_grad()
        loss = loss_fn(model(X), Y)
        loss.backward()
        optimizer.step()
    return loss.item()
`;

interface Timing {
  median: number;
  min: number;
}

function summary(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
}

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const kernel = await startNodeKernel();
kernel.runCell(SETUP);
kernel.runCell('train()');
const gradlabRun = (): number => {
  const began = cpuMs();
  const result = kernel.runCell('train()');
  if (result.error !== null) throw new Error(`the training cell failed: ${result.error}`);
  return cpuMs() - began;
};

const torch = await startTorch(SETUP);
const gradlabSamples: number[] = [];
const torchSamples: number[] = [];
const ratios: number[] = [];
if (typeof torch !== 'string') await torch.time('train');
for (let run = 0; run < RUNS; run++) {
  gradlabSamples.push(gradlabRun());
  if (typeof torch === 'string') continue;
  torchSamples.push(await torch.time('train'));
  ratios.push(gradlabSamples[run] / torchSamples[run]);
}
if (typeof torch !== 'string') torch.close();
const gradlab = summary(gradlabSamples);

// Engine calls per step, counted and timed by wrapping every function of the Python-side engine
// module (a call's time includes crossing the bridge both ways); the rest of a step is Python.
// Wall time, as Python in Pyodide has no CPU clock, so medians (a step: from one zero_grads call
// to the next), which a preempted call or step does not move, and shares of a step.
const counted = kernel.runCell(`
import torch._engine as engine, collections, time, statistics
calls, durations, starts = collections.Counter(), collections.defaultdict(list), []
def counting(name, function):
    def call(*args):
        calls[name] += 1
        began = time.perf_counter()
        if name == 'zero_grads':
            starts.append(began)
        try:
            return function(*args)
        finally:
            durations[name].append(time.perf_counter() - began)
    return call
originals = {name: getattr(engine, name) for name in dir(engine) if callable(getattr(engine, name)) and not name.startswith('_') and name not in ('register_error', 'callback', 'python_error')}
for name, function in originals.items():
    setattr(engine, name, counting(name, function))
for _ in range(5):
    train()
for name, function in originals.items():
    setattr(engine, name, function)
steps = 5 * ${STEPS}
step = statistics.median(b - a for a, b in zip(starts, starts[1:]))
share = {name: statistics.median(durations[name]) * count / steps / step for name, count in calls.items()}
print(f'{sum(calls.values()) / steps:g} engine calls, {sum(share.values()):.0%} of its time inside them, the rest in Python code:')
print(', '.join(f'{name} {count // steps} ({share[name]:.0%})' for name, count in calls.most_common() if count >= steps))
`);

// Garbage collection during plain runs: pauses of the main thread (wall time, as Node reports
// them), as a share of the runs' wall time.
let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});
gcObserver.observe({ entryTypes: ['gc'] });
const gcRunsBegan = performance.now();
for (let run = 0; run < 5; run++) gradlabRun();
const gcRunsMs = performance.now() - gcRunsBegan;
await new Promise((resolve) => setTimeout(resolve, 0)); // observers report asynchronously
gcObserver.disconnect();

const show = (t: Timing): string => `median ${t.median.toFixed(1)} ms, min ${t.min.toFixed(1)} ms`;
console.log(`Gradlab: ${STEPS}-step MLP training loop from Python, CPU time: ${show(gradlab)}`);
if (typeof torch === 'string') console.log(`PyTorch baseline: ${torch}`);
else {
  const baseline = summary(torchSamples);
  console.log(
    `PyTorch ${torch.version} (${torch.threads} threads), same loop, run in turn: ${show(baseline)}`,
  );
  console.log(
    `Gradlab / PyTorch: ${(gradlab.median / baseline.median).toFixed(2)}x of medians ` +
      `(run by run: median ${summary(ratios).median.toFixed(2)}x; best against best ${(gradlab.min / baseline.min).toFixed(2)}x; goal <= 3x)`,
  );
}
const [callsLine, perCall] = counted.stdout.trim().split('\n');
console.log(`Gradlab step: ${callsLine}`);
console.log(`  ${perCall}`);
console.log(
  `Gradlab step: garbage collection pauses take ${((100 * gcMs) / gcRunsMs).toFixed(0)}% of its time`,
);
