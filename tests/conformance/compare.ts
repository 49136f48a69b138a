// Comparing our outputs with PyTorch's golden ones: memory addresses masked, plot values
// equal to float32 precision.
import { expect } from 'vitest';

export interface GoldenOutput {
  stdout: string;
  display: string | null;
  error: string | null;
  warnings: string[];
}

export interface GoldenPlot {
  lines: { x: number[]; y: number[]; label: string | null }[];
  xlabel: string | null;
  ylabel: string | null;
  title: string | null;
  legend: boolean;
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
      expectValuesClose(actualLines[l].x, line.x, `${where}: plot ${p} line ${l} x`);
      expectValuesClose(actualLines[l].y, line.y, `${where}: plot ${p} line ${l} y`);
    });
  });
}
