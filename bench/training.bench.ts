// A small training loop from Python, as a course runs it: 200 steps of a 2-layer MLP
// (Linear(1, 32) - ReLU - Linear(32, 1), MSELoss, SGD) on 100 points, through Gradlab's Python
// runtime and, beside it, in PyTorch on this machine when a python3 with torch is installed.
// Both sides count the process's CPU time (this machine is shared, so wall time wanders) and
// report the median and minimum of RUNS loops. Then a breakdown of one Gradlab step: how many
// times it crosses into the engine and where its time goes.
import { execFileSync } from 'node:child_process';
import { startNodeKernel } from '../cli/python-node.ts';

const RUNS = 15;

const SETUP = `
import torch
from torch import nn
X = (torch.arange(100.0) / 50 - 1).reshape(100, 1)
Y = X * X * 2 - 0.5
def train():
    model = nn.Sequential(nn.Linear(1, 32), nn.ReLU(), nn.Linear(32, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_fn = nn.MSELoss()
    for _ in range(200):
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
const gradlabSamples: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const began = cpuMs();
  const result = kernel.runCell('train()');
  gradlabSamples.push(cpuMs() - began);
  if (result.error !== null) throw new Error(`the training cell failed: ${result.error}`);
}
const gradlab = summary(gradlabSamples);

// Engine calls per step, counted by wrapping every function of the Python-side engine module.
const counted = kernel.runCell(`
import torch._engine as engine, collections
calls = collections.Counter()
def counting(name, function):
    def call(*args):
        calls[name] += 1
        return function(*args)
    return call
originals = {name: getattr(engine, name) for name in dir(engine) if callable(getattr(engine, name)) and not name.startswith('_') and name not in ('register_error', 'callback', 'python_error')}
for name, function in originals.items():
    setattr(engine, name, counting(name, function))
train()
for name, function in originals.items():
    setattr(engine, name, function)
print(sum(calls.values()) / 200, ', '.join(f'{name} {count // 200}' for name, count in calls.most_common()))
`);
const [perStep, ...breakdown] = counted.stdout.trim().split(' ');

const profiled = kernel.runCell(`
import cProfile, pstats, io
profile = cProfile.Profile()
profile.enable()
train()
profile.disable()
stats = pstats.Stats(profile)
total = sum(entry[2] for entry in stats.stats.values())
engine_time = sum(entry[2] for key, entry in stats.stats.items() if key[0].endswith('_engine.py'))
print(f'{engine_time / total:.0%}')
`);

const TORCH_SCRIPT = `${SETUP}
import time, statistics
train()
samples = []
for _ in range(${RUNS}):
    began = time.process_time()
    train()
    samples.append((time.process_time() - began) * 1000)
print(statistics.median(samples), min(samples), torch.__version__, torch.get_num_threads())
`;

function torchBaseline(): (Timing & { version: string; threads: string }) | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      const out = execFileSync(python, ['-c', TORCH_SCRIPT], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const [median, min, version, threads] = out.trim().split(/\s+/);
      return { median: Number(median), min: Number(min), version, threads };
    } catch {
      // no torch for this interpreter: try the next one
    }
  }
  return null;
}

const show = (t: Timing): string => `median ${t.median.toFixed(1)} ms, min ${t.min.toFixed(1)} ms`;
console.log(`Gradlab: 200-step MLP training loop from Python, CPU time: ${show(gradlab)}`);
console.log(
  `Gradlab: ${perStep} engine calls per step (${breakdown.join(' ')}); ` +
    `${profiled.stdout.trim()} of the Python-profiled time is inside them (the engine's work included)`,
);
const torch = torchBaseline();
if (torch === null) {
  console.log('PyTorch baseline: no python3 with torch found (apt-get install python3-torch)');
} else {
  console.log(`PyTorch ${torch.version} (${torch.threads} threads): same loop, ${show(torch)}`);
  console.log(
    `Gradlab / PyTorch: ${(gradlab.median / torch.median).toFixed(1)}x (min ${(gradlab.min / torch.min).toFixed(1)}x)`,
  );
}
