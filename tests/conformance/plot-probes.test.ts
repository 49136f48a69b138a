// numpy and matplotlib as teaching notebooks use them: the probes of tools/plot-probes/probes.py
// with what real numpy 1.24 and matplotlib 3.6 printed, displayed (as Jupyter does), raised and
// plotted (tests/fixtures/plot-probes.json, written by tools/plot-probes/generate.py), each run as
// a notebook cell in a fresh namespace. Plots are compared axes by axes: each series' kind,
// label and data (x, y, and z, grid columns and contour levels where it has them).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PythonKernel } from '../../core/python/kernel.ts';
import { startNodeKernel } from '../../cli/python-node.ts';
import { expectPlotsMatch, visibleOutput, type GoldenOutput, type GoldenPlot } from './compare.ts';

interface Probe extends GoldenOutput {
  code: string;
  plots: GoldenPlot[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/plot-probes.json', import.meta.url), 'utf8'),
) as { meta: { numpy: string; matplotlib: string }; cases: Record<string, Probe> };
let kernel: PythonKernel;

beforeAll(async () => {
  kernel = await startNodeKernel();
});

describe(`numpy ${fixture.meta.numpy} and matplotlib ${fixture.meta.matplotlib} probes`, () => {
  it.each(Object.entries(fixture.cases))('%s', (name, probe) => {
    const result = kernel.runCell(probe.code, { fresh: true });
    expect(visibleOutput(result), name).toEqual(visibleOutput(probe));
    expectPlotsMatch(result.plots, probe.plots, name);
  });
});
