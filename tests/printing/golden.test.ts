// Every tensor and array print in the PyTorch 2.11 golden outputs, rebuilt from the values
// the programs compute and compared with what real PyTorch wrote.
import { describe, expect, it } from 'vitest';
import type { Dtype, TensorSuffixes } from '../../core/printing/index.ts';
import {
  formatFixed,
  formatNumpyArray,
  formatPythonFloat,
  formatTensor,
} from '../../core/printing/index.ts';
import { readSharedJson } from '../support/shared.ts';
import { printed, torchLinspace } from './values.ts';

interface GoldenCase {
  code: string;
  stdout: string;
  display: string | null;
}
interface SeedCell extends GoldenCase {
  index: number;
  plots: { lines: { x: number[]; y: number[] }[] }[];
}

const cases = readSharedJson<{ cases: Record<string, GoldenCase> }>(
  'golden/torch-semantics.json',
).cases;
const seed = readSharedJson<{ cells: SeedCell[] }>('golden/seed-lab.json').cells;

const f = Math.fround;
const t = (value: number, suffixes?: TensorSuffixes, dtype: Dtype = 'float32') =>
  formatTensor([value], [], dtype, suffixes);
const vec = (values: number[], suffixes?: TensorSuffixes) =>
  formatTensor(values, [values.length], 'float32', suffixes);
const rg = { requiresGrad: true };
const fn = (gradFn: string) => ({ gradFn });

// Case name -> [which output, what our printer makes of the values the program computes].
const expectations: Record<string, ['display' | 'stdout', () => string]> = {
  repr_scalar_float: ['display', () => t(2)],
  repr_scalar_rg: ['display', () => t(2, rg)],
  repr_scalar_frac: ['display', () => t(2.5)],
  repr_scalar_third: ['display', () => t(f(1 / 3))],
  repr_scalar_int: ['display', () => formatTensor([3], [], 'int64')],
  repr_scalar_neg: ['display', () => t(-0.5)],
  repr_scalar_big: ['display', () => t(123456789)],
  repr_scalar_small: ['display', () => t(0.00001234)],
  repr_scalar_zero: ['display', () => t(0)],
  repr_scalar_negzero: ['display', () => t(-0)],
  repr_scalar_inf: ['display', () => t(Infinity)],
  repr_scalar_nan: ['display', () => t(NaN)],
  repr_scalar_f64: ['display', () => t(2, {}, 'float64')],
  repr_scalar_f64_rg: ['display', () => t(1.5, rg, 'float64')],
  repr_vec_ints: ['display', () => vec([1, 2, 3])],
  repr_vec_mixed: ['display', () => vec([1, 2.5, -3.25])],
  repr_vec_wide: ['display', () => vec([0.001, 1000, 3])],
  repr_vec_sci: ['display', () => vec([1e-5, 1, 1e5])],
  repr_vec_big: ['display', () => vec([1e9, 2e9])],
  repr_vec_int: ['display', () => formatTensor([1, 2, 3], [3], 'int64')],
  repr_linspace10: ['display', () => vec(torchLinspace(-10, 10, 10))],
  repr_linspace10_rg: ['display', () => vec(torchLinspace(-10, 10, 10), rg)],
  repr_linspace5: ['display', () => vec(torchLinspace(0, 1, 5))],
  repr_linspace_long: ['display', () => vec(torchLinspace(-10, 10, 1000))],
  repr_linspace_2000: ['display', () => vec(torchLinspace(0, 1, 2000))],
  repr_arange: ['display', () => formatTensor([0, 1, 2, 3, 4], [5], 'int64')],
  repr_arange_f: ['display', () => vec([0, 0.25, 0.5, 0.75])],
  repr_matrix: ['display', () => formatTensor([1, 2, 3, 4.5], [2, 2], 'float32')],
  repr_matrix_rg: ['display', () => formatTensor([1, -2, 3, 4], [2, 2], 'float32', rg)],
  repr_zeros: ['display', () => vec([0, 0, 0])],
  repr_ones_2x3: ['display', () => formatTensor([1, 1, 1, 1, 1, 1], [2, 3], 'float32')],
  repr_grad_fn_out: ['display', () => t(4, fn('PowBackward0'))],
  repr_sum_out: [
    'display',
    () => {
      const squares = torchLinspace(-1, 1, 4).map((x) => f(x * x));
      return t(
        squares.reduce((sum, x) => f(sum + x), 0),
        fn('SumBackward0'),
      );
    },
  ],
  repr_relu_out: ['display', () => vec([0, 0, 2], fn('ReluBackward0'))],
  repr_detach: ['display', () => t(6)],
  repr_item: ['stdout', () => printed(formatPythonFloat(4), 'float')],
  repr_print_tensor: ['stdout', () => printed('The tensor x: ', t(2, rg))],
  repr_numpy: ['display', () => formatNumpyArray(torchLinspace(0, 1, 3), [3], 'float32')],
  repr_tolist: ['display', () => `[${torchLinspace(0, 1, 3).map(formatPythonFloat).join(', ')}]`],
  repr_float_fmt: ['stdout', () => printed(formatFixed(12, 3))],
  attr_leaf: [
    'stdout',
    () =>
      printed('data:', t(2)) +
      printed('grad_fn:', 'None') +
      printed('grad:', t(4)) +
      printed('is_leaf:', 'True') +
      printed('requires_grad:', 'True'),
  ],
  attr_nonleaf: [
    'stdout',
    () =>
      printed('data:', t(4)) +
      printed('grad:', 'None') +
      printed('is_leaf:', 'False') +
      printed('requires_grad:', 'True'),
  ],
  attr_requires_grad_: ['stdout', () => printed(t(5))],
  attr_retain_grad: ['stdout', () => printed(t(3), t(12))],
  bw_accumulate: ['stdout', () => printed(t(8))],
  bw_zero: ['stdout', () => printed(t(12))],
  bw_grad_none: ['stdout', () => printed(t(5))],
  bw_retain: ['stdout', () => printed(t(8))],
  bw_nonscalar_gradient: ['stdout', () => printed(vec([-2, 0, 2]))],
  bw_autograd_grad: ['stdout', () => printed(t(12), 'None')],
  bw_autograd_grad_create: ['stdout', () => printed(t(12, fn('MulBackward0')), t(12))],
  bw_partial: ['stdout', () => printed(t(4), t(1))],
  bw_partial_practice: ['stdout', () => printed(t(5), t(10))],
  bw_unused_input: ['stdout', () => printed(t(2), 'None')],
  bw_sum_trick: ['stdout', () => printed(vec(torchLinspace(-10, 10, 10).map((x) => f(2 * x))))],
  bw_relu_vec: ['stdout', () => printed(vec([0, 0, 0, 1, 1]))],
  bw_abs_zero: ['stdout', () => printed(vec([-1, 0, 1]))],
  bw_sqrt_zero: ['stdout', () => printed(t(Infinity))],
  bw_log_zero: ['stdout', () => printed(t(-Infinity, fn('LogBackward0')), t(Infinity))],
  bw_pow_neg_base: ['stdout', () => printed(t(NaN, fn('PowBackward0')), t(NaN))],
  bw_pow_zero_base: ['stdout', () => printed(t(0))],
  bw_div_zero: ['stdout', () => printed(t(Infinity, fn('MulBackward0')), t(-Infinity))],
  bw_mean: ['stdout', () => printed(vec([0.5, 1, 1.5, 2]))],
  bw_matrix: ['stdout', () => printed(formatTensor([1, -1, 1, -1], [2, 2], 'float32'))],
  bw_broadcast: ['stdout', () => printed(vec([2, 2, 2]), t(9))],
  fn_seed_sq: [
    'stdout',
    () =>
      printed(t(4, fn('SQBackward'))) +
      printed('<torch.autograd.function.SQBackward object at 0x7f2e6b546030>') +
      printed(t(4)),
  ],
  fn_seed_sq_composed: ['stdout', () => printed(t(4))],
  fn_correct_sq_composed: ['stdout', () => printed(t(12))],
  fn_two_inputs: ['stdout', () => printed(t(3, fn('MulAddBackward')), t(3), t(1))],
  fn_exp_save_output: ['stdout', () => printed(t(f(Math.E), fn('ExpBackward')), t(f(Math.E)))],
  fn_relu_custom: ['stdout', () => printed(vec([0, 0, 1, 1, 1]))],
  fn_needs_input_grad: ['stdout', () => printed('(True, False)') + printed(t(4))],
};

describe('torch-semantics golden prints', () => {
  it.each(Object.entries(expectations))('%s', (name, [field, render]) => {
    expect(cases[name], `golden case ${name}`).toBeDefined();
    expect(render()).toBe(cases[name][field]);
  });

  it('covers every golden output that prints a tensor or an array', () => {
    const printsTensors = Object.entries(cases).filter(([, c]) =>
      /tensor\(|array\(/.test(c.stdout + (c.display ?? '')),
    );
    expect(printsTensors.length).toBeGreaterThan(50);
    expect(printsTensors.map(([name]) => name).filter((name) => !(name in expectations))).toEqual(
      [],
    );
  });

  it('prints .item() of float32 and float64 results as Python floats', () => {
    for (const name of ['bw_float64', 'bw_float32_precision']) {
      const tokens = cases[name].stdout.trim().split(' ');
      expect(tokens.map((token) => formatPythonFloat(Number(token)))).toEqual(tokens);
    }
  });
});

describe('seed lab golden prints', () => {
  const cell = (index: number) => seed.find((c) => c.index === index)!;

  it.each([
    [1, () => printed('The tensor x: ', t(2, rg))],
    [2, () => printed('The result of y = x^2: ', t(4, fn('PowBackward0')))],
    [3, () => printed('The dervative at x = 2: ', t(4))],
    [
      7,
      () =>
        printed('The result of y = x^2 + 2x + 1: ', t(9, fn('AddBackward0'))) +
        printed('The dervative at x = 2: ', t(6)),
    ],
    [9, () => printed('The derivative result: ', t(7))],
    [12, () => printed('The result of v * u + u^2: ', t(3, fn('AddBackward0')))],
    [13, () => printed('The partial derivative with respect to u: ', t(4))],
    [14, () => printed('The partial derivative with respect to u: ', t(1))],
    [21, () => printed('The result is ', t(5))],
  ])('cell %i stdout', (index, render) => {
    expect(render()).toBe(cell(index).stdout);
  });

  it('cell 11 displays x.grad', () => {
    expect(t(4)).toBe(cell(11).display);
  });

  it('builds the same float32 linspace as torch (the plotted x values)', () => {
    expect(torchLinspace(-10, 10, 10)).toEqual(cell(16).plots[0].lines[0].x);
    expect(torchLinspace(-10, 10, 1000)).toEqual(cell(18).plots[0].lines[0].x);
  });
});
