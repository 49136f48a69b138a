// Matrix products: dot (1-D·1-D), mv (2-D·1-D), mm (2-D·2-D) and matmul's dispatch over them.
import { allocate, type DType } from '../dtype.ts';
import { runtimeError, TorchError } from '../errors.ts';
import { Tensor } from '../tensor.ts';
import { mul } from './binary.ts';
import { promote, storageAs } from './elementwise.ts';
import { record } from './record.ts';
import { squeeze, t, unsqueeze } from './shape.ts';

function sameDType(a: Tensor, b: Tensor, what: string): DType {
  if (a.dtype !== b.dtype)
    throw runtimeError(
      `${what}: expected both vectors to have same dtype, but found ${dtypeWord(a.dtype)} and ${dtypeWord(b.dtype)}`,
    );
  return promote(a, b);
}

function dtypeWord(dtype: DType): string {
  return dtype === 'float32'
    ? 'Float'
    : dtype === 'float64'
      ? 'Double'
      : dtype === 'int64'
        ? 'Long'
        : 'Bool';
}

/** Row-major (m×k)·(k×n), accumulated in double and rounded once per element. */
function product(
  a: Tensor,
  b: Tensor,
  m: number,
  k: number,
  n: number,
  dtype: DType,
): Float32Array | Float64Array | Uint8Array {
  const x = storageAs(a, dtype);
  const y = storageAs(b, dtype);
  const out = allocate(dtype, m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let p = 0; p < k; p++) acc += x[i * k + p] * y[p * n + j];
      out[i * n + j] = acc;
    }
  return out;
}

export function dot(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 1 || b.ndim !== 1)
    throw runtimeError(`1D tensors expected, but got ${a.ndim}D and ${b.ndim}D tensors`);
  if (a.shape[0] !== b.shape[0])
    throw runtimeError(
      `inconsistent tensor size, expected tensor [${a.shape[0]}] and src [${b.shape[0]}] to have the same number of elements, but got ${a.shape[0]} and ${b.shape[0]} elements respectively`,
    );
  const dtype = sameDType(a, b, 'dot');
  return record(new Tensor(product(a, b, 1, a.shape[0], 1, dtype), [], dtype), {
    name: 'DotBackward0',
    op: 'dot',
    inputs: [a, b],
    saved: [a, b],
    backward: ([g], node) => {
      const [x, y] = node.saved;
      return [node.needsInputGrad(0) ? mul(g, y) : null, node.needsInputGrad(1) ? mul(g, x) : null];
    },
  });
}

export function mv(m: Tensor, v: Tensor): Tensor {
  if (m.ndim !== 2 || v.ndim !== 1)
    throw runtimeError(`vector + matrix @ vector expected, got 1, ${m.ndim}, ${v.ndim}`);
  if (m.shape[1] !== v.shape[0])
    throw runtimeError(
      `size mismatch, got input (${m.shape[0]}), mat (${m.shape[0]}x${m.shape[1]}), vec (${v.shape[0]})`,
    );
  const dtype = sameDType(m, v, 'mv');
  return record(new Tensor(product(m, v, m.shape[0], m.shape[1], 1, dtype), [m.shape[0]], dtype), {
    name: 'MvBackward0',
    op: 'mv',
    inputs: [m, v],
    saved: [m, v],
    backward: ([g], node) => {
      const [mat, vec] = node.saved;
      return [
        node.needsInputGrad(0) ? outer(g, vec) : null,
        node.needsInputGrad(1) ? mv(t(mat), g) : null,
      ];
    },
  });
}

export function mm(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 2) throw runtimeError('self must be a matrix');
  if (b.ndim !== 2) throw runtimeError('mat2 must be a matrix');
  if (a.shape[1] !== b.shape[0])
    throw runtimeError(
      `mat1 and mat2 shapes cannot be multiplied (${a.shape[0]}x${a.shape[1]} and ${b.shape[0]}x${b.shape[1]})`,
    );
  const dtype = sameDType(a, b, 'mm');
  const [m, k, n] = [a.shape[0], a.shape[1], b.shape[1]];
  return record(new Tensor(product(a, b, m, k, n, dtype), [m, n], dtype), {
    name: 'MmBackward0',
    op: 'mm',
    inputs: [a, b],
    saved: [a, b],
    backward: ([g], node) => {
      const [x, y] = node.saved;
      return [
        node.needsInputGrad(0) ? mm(g, t(y)) : null,
        node.needsInputGrad(1) ? mm(t(x), g) : null,
      ];
    },
  });
}

/** torch.outer, composed as torch composes it (a column times a row). */
export function outer(a: Tensor, b: Tensor): Tensor {
  return mul(unsqueeze(a, 1), b);
}

/** torch.matmul / `@` for operands of one or two dims. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 0 || b.ndim === 0)
    throw runtimeError(
      `both arguments to matmul need to be at least 1D, but they are ${a.ndim}D and ${b.ndim}D`,
    );
  if (a.ndim === 1 && b.ndim === 1) return dot(a, b);
  if (a.ndim === 2 && b.ndim === 1) return mv(a, b);
  if (a.ndim === 1 && b.ndim === 2) return squeeze(mm(unsqueeze(a, 0), b), 0);
  if (a.ndim === 2 && b.ndim === 2) return mm(a, b);
  throw new TorchError(
    'NotImplementedError',
    'matmul of tensors with more than 2 dimensions is not supported yet',
  );
}
