// The golden PyTorch programs (../shared/golden/torch-semantics.json), rewritten against the
// engine's TypeScript API: each must print exactly what PyTorch printed, or raise its error.
import { describe, expect, it } from 'vitest';
import * as A from '../../core/autograd/index.ts';
import { readSharedJson } from '../support/shared.ts';
import { printed, repr } from './show.ts';

interface GoldenCase {
  code: string;
  stdout: string;
  display: string | null;
  error: string | null;
}

const golden = readSharedJson<{ cases: Record<string, GoldenCase> }>(
  'golden/torch-semantics.json',
).cases;

const scalar = (v: number, requiresGrad = true, dtype: A.DType = 'float32'): A.Tensor =>
  A.tensor([v], [], { requiresGrad, dtype });
const gradFnOf = (t: A.Tensor): string => `${t.gradFn?.name}\n`;

/** Each program returns what it prints (stdout), or its display for a trailing expression. */
const programs: Record<string, () => string> = {
  gf_add: () => gradFnOf(A.add(scalar(2), 1)),
  gf_add_tt: () => {
    const x = scalar(2);
    return gradFnOf(A.add(x, x));
  },
  gf_radd: () => gradFnOf(A.add(scalar(2), 1)),
  gf_sub: () => gradFnOf(A.sub(scalar(2), 1)),
  gf_rsub: () => gradFnOf(A.rsub(scalar(2), 1)),
  gf_mul: () => gradFnOf(A.mul(scalar(2), 2)),
  gf_div: () => gradFnOf(A.div(scalar(2), 2)),
  gf_rdiv: () => gradFnOf(A.rdiv(scalar(2), 2)),
  gf_pow: () => gradFnOf(A.pow(scalar(2), 2)),
  gf_pow_tt: () => {
    const x = scalar(2);
    return gradFnOf(A.pow(x, x));
  },
  gf_rpow: () => gradFnOf(A.pow(2, scalar(2))),
  gf_neg: () => gradFnOf(A.neg(scalar(2))),
  gf_sin: () => gradFnOf(A.sin(scalar(2))),
  gf_cos: () => gradFnOf(A.cos(scalar(2))),
  gf_tan: () => gradFnOf(A.tan(scalar(2))),
  gf_exp: () => gradFnOf(A.exp(scalar(2))),
  gf_log: () => gradFnOf(A.log(scalar(2))),
  gf_sqrt: () => gradFnOf(A.sqrt(scalar(2))),
  gf_tanh: () => gradFnOf(A.tanh(scalar(2))),
  gf_sigmoid: () => gradFnOf(A.sigmoid(scalar(2))),
  gf_relu: () => gradFnOf(A.relu(scalar(2))),
  gf_abs: () => gradFnOf(A.abs(scalar(2))),
  gf_sum: () => {
    const x = A.tensor([2, 3], [2], { requiresGrad: true });
    return `${A.sum(x).gradFn?.name} ${A.sum(x).gradFn?.name}\n`;
  },
  gf_mean: () => gradFnOf(A.mean(A.tensor([2, 3], [2], { requiresGrad: true }))),
  gf_method_pow: () => `${A.pow(scalar(2), 3).gradFn?.name} ${A.exp(scalar(2)).gradFn?.name}\n`,
  gf_matmul: () =>
    gradFnOf(A.matmul(A.tensor([1, 2], [1, 2], { requiresGrad: true }), A.tensor([3, 4]))),
  gf_accumulate: () => `${A.mul(scalar(2), 3).gradFn?.nextFunctions[0][0]?.name}\n`,
  gf_next_functions: () => {
    const x = scalar(2);
    const y = A.add(A.add(A.pow(x, 2), A.mul(x, 2)), 1);
    const names =
      y.gradFn?.nextFunctions.map(([f]) => `'${f === null ? 'NoneType' : f.name}'`) ?? [];
    return `<${y.gradFn?.name} object at 0x7f2e6bbc8670> [${names.join(', ')}]\n`;
  },
  repr_grad_fn_out: () => repr(A.pow(scalar(2), 2)),
  repr_sum_out: () => repr(A.sum(A.pow(A.linspace(-1, 1, 4, { requiresGrad: true }), 2))),
  repr_relu_out: () => repr(A.relu(A.tensor([-1, 0, 2], [3], { requiresGrad: true }))),
  repr_detach: () => repr(A.mul(scalar(2), 3).detach()),
  repr_scalar_third: () => repr(A.div(scalar(1, false), 3)),
  repr_linspace10: () => repr(A.linspace(-10, 10, 10)),
  repr_linspace5: () => repr(A.linspace(0, 1, 5)),
  repr_linspace_long: () => repr(A.linspace(-10, 10, 1000)),
  repr_linspace_2000: () => repr(A.linspace(0, 1, 2000)),
  repr_arange: () => repr(A.arange(5)),
  repr_arange_f: () => repr(A.arange(0, 1, 0.25)),
  repr_zeros: () => repr(A.zeros([3])),
  repr_ones_2x3: () => repr(A.ones([2, 3])),
  attr_no_rg_leaf: () => {
    const x = scalar(2, false);
    return printed(x.isLeaf, x.requiresGrad, 'None', x.grad);
  },
  attr_detach_leaf: () => {
    const d = A.mul(scalar(2), 2).detach();
    return printed(d.isLeaf, d.requiresGrad, d.gradFn === null ? 'None' : 'node');
  },
  attr_requires_grad_: () => {
    const x = scalar(2, false);
    x.requiresGrad_();
    A.mul(x, 5).backward();
    return printed(x.grad);
  },
  attr_retain_grad: () => {
    const x = scalar(2);
    const y = A.pow(x, 2);
    y.retainGrad();
    A.mul(y, 3).backward();
    return printed(y.grad, x.grad);
  },
  bw_accumulate: () => {
    const x = scalar(2);
    A.pow(x, 2).backward();
    A.pow(x, 2).backward();
    return printed(x.grad);
  },
  bw_zero: () => {
    const x = scalar(2);
    A.pow(x, 2).backward();
    A.zero_(x.grad as A.Tensor);
    A.pow(x, 3).backward();
    return printed(x.grad);
  },
  bw_grad_none: () => {
    const x = scalar(2);
    A.pow(x, 2).backward();
    x.grad = null;
    A.mul(x, 5).backward();
    return printed(x.grad);
  },
  bw_twice: () => {
    const y = A.pow(scalar(2), 2);
    y.backward();
    y.backward();
    return '';
  },
  bw_twice_mul: () => {
    const x = scalar(2);
    const y = A.mul(x, x);
    y.backward();
    y.backward();
    return '';
  },
  bw_retain: () => {
    const x = scalar(2);
    const y = A.pow(x, 2);
    y.backward(null, { retainGraph: true });
    y.backward();
    return printed(x.grad);
  },
  bw_nonscalar: () => {
    A.pow(A.linspace(-1, 1, 3, { requiresGrad: true }), 2).backward();
    return '';
  },
  bw_nonscalar_gradient: () => {
    const x = A.linspace(-1, 1, 3, { requiresGrad: true });
    A.pow(x, 2).backward(A.ones([3]));
    return printed(x.grad);
  },
  bw_no_grad_tensor: () => {
    A.pow(scalar(2, false), 2).backward();
    return '';
  },
  bw_int_requires_grad: () => repr(A.tensor([2], [], { dtype: 'int64', requiresGrad: true })),
  bw_leaf_inplace: () => repr(A.add_(scalar(2), 1)),
  bw_no_grad_ctx: () => {
    const x = scalar(2);
    const y = A.noGrad(() => A.mul(x, 2));
    return printed(y.requiresGrad, y.gradFn === null ? 'None' : 'node');
  },
  bw_autograd_grad: () => {
    const x = scalar(2);
    const [g] = A.autogradGrad([A.pow(x, 3)], [x]);
    return printed(g, x.grad);
  },
  bw_autograd_grad_create: () => {
    const x = scalar(2);
    const [g] = A.autogradGrad([A.pow(x, 3)], [x], { createGraph: true });
    const [h] = A.autogradGrad([g as A.Tensor], [x]);
    return printed(g, h);
  },
  bw_partial: () => {
    const [u, v] = [scalar(1), scalar(2)];
    A.add(A.mul(u, v), A.pow(u, 2)).backward();
    return printed(u.grad, v.grad);
  },
  bw_partial_practice: () => {
    const [u, v] = [scalar(2), scalar(1)];
    A.add(A.mul(u, v), A.pow(A.mul(u, v), 2)).backward();
    return printed(u.grad, v.grad);
  },
  bw_unused_input: () => {
    const [u, v] = [scalar(1), scalar(2)];
    A.pow(u, 2).backward();
    return printed(u.grad, v.grad);
  },
  bw_sum_trick: () => {
    const x = A.linspace(-10, 10, 10, { requiresGrad: true });
    A.sum(A.pow(x, 2)).backward();
    return printed(x.grad);
  },
  bw_relu_vec: () => {
    const x = A.tensor([-2, -0, 0, 1e-8, 3], [5], { requiresGrad: true });
    A.sum(A.relu(x)).backward();
    return printed(x.grad);
  },
  bw_abs_zero: () => {
    const x = A.tensor([-2, 0, 3], [3], { requiresGrad: true });
    A.sum(A.abs(x)).backward();
    return printed(x.grad);
  },
  bw_sqrt_zero: () => {
    const x = scalar(0);
    A.sqrt(x).backward();
    return printed(x.grad);
  },
  bw_log_zero: () => {
    const x = scalar(0);
    const y = A.log(x);
    y.backward();
    return printed(y, x.grad);
  },
  bw_pow_neg_base: () => {
    const x = scalar(-2);
    const y = A.pow(x, 0.5);
    y.backward();
    return printed(y, x.grad);
  },
  bw_pow_zero_base: () => {
    const x = scalar(0);
    A.pow(x, 2).backward();
    return printed(x.grad);
  },
  bw_div_zero: () => {
    const x = scalar(0);
    const y = A.rdiv(x, 1);
    y.backward();
    return printed(y, x.grad);
  },
  bw_mean: () => {
    const x = A.tensor([1, 2, 3, 4], [4], { requiresGrad: true });
    A.mean(A.pow(x, 2)).backward();
    return printed(x.grad);
  },
  bw_matrix: () => {
    const w = A.tensor([1, 2, 3, 4], [2, 2], { requiresGrad: true });
    A.sum(A.matmul(w, A.tensor([1, -1]))).backward();
    return printed(w.grad);
  },
  bw_broadcast: () => {
    const x = A.tensor([1, 2, 3], [3], { requiresGrad: true });
    const b = scalar(2);
    A.sum(A.add(A.mul(x, b), b)).backward();
    return printed(x.grad, b.grad);
  },
  bw_float64: () => {
    const x = scalar(0.1, true, 'float64');
    const y = A.mul(A.sin(x), A.exp(x));
    y.backward();
    return `${y.item()} ${x.grad?.item()}\n`;
  },
  bw_float32_precision: () => {
    const x = scalar(0.1);
    const y = A.mul(A.sin(x), A.exp(x));
    y.backward();
    return `${y.item()} ${x.grad?.item()}\n`;
  },
  bw_mixed_dtype: () => `torch.${A.mul(scalar(1, true, 'float64'), scalar(2, false)).dtype}\n`,
  bw_requires_grad_false_op: () => {
    const y = A.pow(scalar(2, false), 2);
    return printed(y.requiresGrad, y.gradFn === null ? 'None' : 'node');
  },
};

/** What the golden case shows: its stdout, else its display, else its error. */
function expected(c: GoldenCase): string {
  if (c.error !== null) return c.error;
  return c.stdout !== '' ? c.stdout : (c.display ?? '');
}

function run(program: () => string): string {
  try {
    return program();
  } catch (e) {
    if (e instanceof A.TorchError) return `${e.pyType}: ${e.message}`;
    throw e;
  }
}

describe('golden torch programs through the engine API', () => {
  for (const [id, program] of Object.entries(programs)) {
    it(id, () => {
      const c = golden[id];
      expect(c, `golden case ${id}`).toBeDefined();
      expect(run(program)).toBe(expected(c));
    });
  }
});
