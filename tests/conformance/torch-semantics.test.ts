// Acceptance: each golden program of torch-semantics.json, run as a notebook cell after
// `import torch` in a fresh namespace, prints, displays, raises and warns as PyTorch did.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PythonKernel } from '../../core/python/kernel.ts';
import { startNodeKernel } from '../../cli/python-node.ts';
import { readSharedJson } from '../support/shared.ts';
import { visibleOutput, type GoldenOutput } from './compare.ts';

interface Case extends GoldenOutput {
  code: string;
}

const cases = Object.entries(
  readSharedJson<{ cases: Record<string, Case> }>('golden/torch-semantics.json').cases,
);
let kernel: PythonKernel;

beforeAll(async () => {
  kernel = await startNodeKernel();
});

describe('torch semantics against PyTorch 2.11', () => {
  it('covers all 120 golden programs', () => {
    expect(cases.length).toBe(120);
  });

  it.each(cases)('%s', (_name, expected) => {
    kernel.runCell('import torch', { fresh: true });
    expect(visibleOutput(kernel.runCell(expected.code))).toEqual(visibleOutput(expected));
  });
});
