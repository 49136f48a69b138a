// Conformance beyond the golden cases: the probes of tools/torch-probes/probes.py with the outputs
// real PyTorch gave them (tests/fixtures/torch-probes.json, written by
// tools/torch-probes/generate.py where PyTorch is installed), each run as a notebook cell after
// `import torch` in a fresh namespace. Outputs known to depend on the PyTorch version
// (`versionSpecific`) and known differences waiting on a named piece of code (`blocked`) are
// kept apart in the fixture with their reason, and not compared here.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PythonKernel } from '../../core/python/kernel.ts';
import { startNodeKernel } from '../../cli/python-node.ts';
import { visibleOutput, type GoldenOutput } from './compare.ts';

interface Probe extends GoldenOutput {
  code: string;
}

interface ProbeFixture {
  meta: { torch: string };
  cases: Record<string, Probe>;
  versionSpecific: Record<string, Probe & { reason: string }>;
  blocked: Record<string, Probe & { reason: string }>;
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/torch-probes.json', import.meta.url), 'utf8'),
) as ProbeFixture;
const probes = Object.entries(fixture.cases);
let kernel: PythonKernel;

beforeAll(async () => {
  kernel = await startNodeKernel();
});

describe(`torch probes against PyTorch ${fixture.meta.torch}`, () => {
  it('has a reason for every probe left out', () => {
    expect(probes.length).toBeGreaterThanOrEqual(150);
    for (const probe of [
      ...Object.values(fixture.versionSpecific),
      ...Object.values(fixture.blocked),
    ])
      expect(probe.reason.length).toBeGreaterThan(0);
  });

  it.each(probes)('%s', (_name, expected) => {
    kernel.runCell('import torch', { fresh: true });
    expect(visibleOutput(kernel.runCell(expected.code))).toEqual(visibleOutput(expected));
  });
});
