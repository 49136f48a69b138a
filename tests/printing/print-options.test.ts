// torch.set_printoptions' options in repr(tensor): the expected strings were printed by
// PyTorch 1.13 after the same set_printoptions call.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRINT_OPTIONS, formatTensor } from '../../core/printing/index.ts';
import type { PrintOptions } from '../../core/printing/index.ts';
import { range } from './values.ts';

const withOptions = (options: Partial<PrintOptions>): PrintOptions => ({
  ...DEFAULT_PRINT_OPTIONS,
  ...options,
});
const f = Math.fround;

describe('repr(tensor) under torch.set_printoptions', () => {
  it('precision', () => {
    expect(formatTensor([1.23456, 2.5], [2], 'float32', {}, withOptions({ precision: 2 }))).toBe(
      'tensor([1.23, 2.50])',
    );
  });

  it('sci_mode=False keeps the width scientific notation chose', () => {
    expect(formatTensor([1e-6, 1], [2], 'float32', {}, withOptions({ sciMode: false }))).toBe(
      'tensor([    0.0000,     1.0000])',
    );
  });

  it('sci_mode=True on whole numbers', () => {
    expect(formatTensor([1, 2], [2], 'float32', {}, withOptions({ sciMode: true }))).toBe(
      'tensor([1.0000e+00, 2.0000e+00])',
    );
  });

  it('threshold and edgeitems', () => {
    const options = withOptions({ threshold: 5, edgeItems: 1 });
    expect(formatTensor(range(10), [10], 'float32', {}, options)).toBe('tensor([0.,  ..., 9.])');
  });

  it('linewidth, for elements and for the grad_fn suffix', () => {
    const options = withOptions({ lineWidth: 30 });
    expect(
      formatTensor(
        range(12, (i) => f(i / 7)),
        [12],
        'float32',
        {},
        options,
      ),
    ).toBe(
      'tensor([0.0000, 0.1429,\n        0.2857, 0.4286,\n        0.5714, 0.7143,\n        0.8571, 1.0000,\n        1.1429, 1.2857,\n        1.4286, 1.5714])',
    );
    expect(formatTensor([1, 1, 1], [3], 'float32', { gradFn: 'MulBackward0' }, options)).toBe(
      'tensor([1., 1., 1.],\n       grad_fn=<MulBackward0>)',
    );
  });
});
