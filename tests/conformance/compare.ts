// Comparing our outputs with PyTorch's golden ones: memory addresses masked, plot values
// equal to float32 precision.
import { expect } from 'vitest';
import type { PlotRecord, PlotSeries } from '../../core/python/cell-result.ts';

export interface GoldenOutput {
  stdout: string;
  display: string | null;
  error: string | null;
  warnings: string[];
}

/** A plot as recorded: golden ones (lines only) carry no kind; newer ones each series' kind. */
export interface GoldenPlot extends Omit<PlotRecord, 'lines'> {
  lines: (Omit<PlotSeries, 'kind'> & { kind?: PlotSeries['kind'] })[];
}

export function maskAddresses<T extends string | null>(text: T): T {
  return (text === null ? null : text.replace(/0x[0-9a-f]+/gi, '0x…')) as T;
}

/** The outputs a student sees, addresses masked, for `toEqual` against the golden ones. */
export function visibleOutput(output: GoldenOutput): GoldenOutput {
  return {
    stdout: maskAddresses(output.stdout),
    display: maskAddresses(output.display),
    error: maskAddresses(output.error),
    warnings: output.warnings.map(maskAddresses),
  };
}

const FLOAT32_RELATIVE = 2 ** -23;

function expectValuesClose(actual: number[], expected: number[], where: string): void {
  expect(actual.length, `${where}: number of points`).toBe(expected.length);
  expected.forEach((value, i) => {
    const tolerance = FLOAT32_RELATIVE * Math.max(Math.abs(value), 1e-30);
    if (!(Math.abs(actual[i] - value) <= tolerance))
      expect(actual[i], `${where}[${i}]`).toBe(value);
  });
}

export function expectPlotsMatch(
  actual: GoldenPlot[],
  expected: GoldenPlot[],
  where: string,
): void {
  expect(actual.length, `${where}: number of plots`).toBe(expected.length);
  expected.forEach((plot, p) => {
    const { lines, ...axes } = plot;
    const { lines: actualLines, ...actualAxes } = actual[p];
    expect(actualAxes, `${where}: plot ${p} axes`).toEqual(axes);
    expect(actualLines.map((l) => l.label)).toEqual(lines.map((l) => l.label));
    lines.forEach((line, l) => {
      const series = actualLines[l];
      const here = `${where}: plot ${p} series ${l}`;
      if (line.kind !== undefined) expect(series.kind, `${here} kind`).toBe(line.kind);
      expect(series.columns, `${here} columns`).toBe(line.columns);
      expectValuesClose(series.x, line.x, `${here} x`);
      expectValuesClose(series.y, line.y, `${here} y`);
      for (const key of ['z', 'levels'] as const) {
        const values = line[key];
        if (values === undefined) expect(series[key], `${here} ${key}`).toBeUndefined();
        else expectValuesClose(series[key] ?? [], values, `${here} ${key}`);
      }
    });
  });
}
