// Matrix products: dot (1-D·1-D), mv (2-D·1-D), mm (2-D·2-D) and matmul's dispatch over them.
import { broadcastShapes, expandStorage } from '../broadcast.ts';
import { allocate, type DType, type Storage } from '../dtype.ts';
import { runtimeError } from '../errors.ts';
import { numelOf, Tensor } from '../tensor.ts';
import { mul } from './binary.ts';
import { promote, storageAs } from './elementwise.ts';
import { recordDerivative } from './record.ts';
import { derivative } from '../derivative.ts';
import { reshape, squeeze, squeezeInPlace, t, transpose, unsqueeze } from './shape.ts';

function sameDType(a: Tensor, b: Tensor, what: string): DType {
  if (a.dtype !== b.dtype)
    throw runtimeError(
      `${what} : expected both vectors to have same dtype, but found ${dtypeWord(a.dtype)} and ${dtypeWord(b.dtype)}`,
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

/**
 * Row-major (m×k)·(k×n), accumulated in double and rounded once per element. A row of sums is
 * built at a time (p outer, j inner: y is read along its rows); each element still adds its
 * products in order p = 0, 1, ..., so the sums are those of the plain triple loop.
 */
function product(x: Storage, y: Storage, m: number, k: number, n: number, dtype: DType): Storage {
  const out = allocate(dtype, m * n);
  const row = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let p = 0; p < k; p++) {
      const a = x[i * k + p];
      const offset = p * n;
      for (let j = 0; j < n; j++) row[j] += a * y[offset + j];
    }
    for (let j = 0; j < n; j++) out[i * n + j] = row[j];
  }
  return out;
}

// Each factor's gradient is the incoming gradient times the other factor (transposed as needed).
const DOT = derivative<{ self: Tensor; other: Tensor }>('DotBackward0', {
  self: { reads: ['other'], tex: '{{g}} \\, {{other}}', grad: (g, { other }) => mul(g, other) },
  other: { reads: ['self'], tex: '{{g}} \\, {{self}}', grad: (g, { self }) => mul(g, self) },
});

const MV = derivative<{ self: Tensor; vec: Tensor }>('MvBackward0', {
  self: { reads: ['vec'], tex: '{{g}} \\, {{vec}}^{\\top}', grad: (g, { vec }) => outer(g, vec) },
  vec: { reads: ['self'], tex: '{{self}}^{\\top} {{g}}', grad: (g, { self }) => mv(t(self), g) },
});

const MM = derivative<{ self: Tensor; mat2: Tensor }>('MmBackward0', {
  self: {
    reads: ['mat2'],
    tex: '{{g}} \\, {{mat2}}^{\\top}',
    grad: (g, { mat2 }) => mm(g, t(mat2)),
  },
  mat2: { reads: ['self'], tex: '{{self}}^{\\top} {{g}}', grad: (g, { self }) => mm(t(self), g) },
});

/** The batched product's factors as 2-D at least (`left`, `right`), and its unsqueezed shape. */
type MatmulValues = {
  self: Tensor;
  other: Tensor;
  left: readonly number[];
  right: readonly number[];
  full: readonly number[];
};

// Batch dims an operand was broadcast over are summed away by the engine.
const MATMUL = derivative<MatmulValues>('UnsafeViewBackward0', {
  self: {
    reads: ['other'],
    tex: '{{g}} \\, {{other}}^{\\top}',
    grad: (g, { other, right, full }) => {
      const b2 = other.ndim === 1 ? reshape(other, right) : other;
      return matmul(reshape(g, full), transpose(b2, -1, -2));
    },
  },
  other: {
    reads: ['self'],
    tex: '{{self}}^{\\top} {{g}}',
    grad: (g, { self, other, left, full }) => {
      const a2 = self.ndim === 1 ? reshape(self, left) : self;
      const gb = matmul(transpose(a2, -1, -2), reshape(g, full));
      return other.ndim === 1 ? squeeze(gb, -1) : gb;
    },
  },
});

export function dot(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 1 || b.ndim !== 1)
    throw runtimeError(`1D tensors expected, but got ${a.ndim}D and ${b.ndim}D tensors`);
  if (a.shape[0] !== b.shape[0])
    throw runtimeError(
      `inconsistent tensor size, expected tensor [${a.shape[0]}] and src [${b.shape[0]}] to have the same number of elements, but got ${a.shape[0]} and ${b.shape[0]} elements respectively`,
    );
  const dtype = sameDType(a, b, 'dot');
  const result = new Tensor(
    product(storageAs(a, dtype), storageAs(b, dtype), 1, a.shape[0], 1, dtype),
    [],
    dtype,
  );
  return recordDerivative(result, DOT, {
    op: 'dot',
    inputs: [a, b],
    values: { self: a, other: b },
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
  const result = new Tensor(
    product(storageAs(m, dtype), storageAs(v, dtype), m.shape[0], m.shape[1], 1, dtype),
    [m.shape[0]],
    dtype,
  );
  return recordDerivative(result, MV, { op: 'mv', inputs: [m, v], values: { self: m, vec: v } });
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
  const result = new Tensor(
    product(storageAs(a, dtype), storageAs(b, dtype), m, k, n, dtype),
    [m, n],
    dtype,
  );
  return recordDerivative(result, MM, { op: 'mm', inputs: [a, b], values: { self: a, mat2: b } });
}

/** torch.outer, composed as torch composes it (a column times a row). */
export function outer(a: Tensor, b: Tensor): Tensor {
  return mul(unsqueeze(a, 1), b);
}

/** torch.matmul / `@`: dot, mv, mm, or a batched product. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 0 || b.ndim === 0)
    throw runtimeError(
      `both arguments to matmul need to be at least 1D, but they are ${a.ndim}D and ${b.ndim}D`,
    );
  if (a.ndim === 1 && b.ndim === 1) return dot(a, b);
  if (a.ndim === 2 && b.ndim === 1) return mv(a, b);
  if (a.ndim === 1 && b.ndim === 2) return squeezeInPlace(mm(unsqueeze(a, 0), b), 0);
  if (a.ndim === 2 && b.ndim === 2) return mm(a, b);
  return batchedMatmul(a, b);
}

/**
 * matmul with a batch: the leading dims broadcast, a 1-D operand is a row (left) or a column
 * (right) whose dim is dropped from the result. torch records it as UnsafeViewBackward0.
 */
function batchedMatmul(a: Tensor, b: Tensor): Tensor {
  const left = a.ndim === 1 ? [1, a.shape[0]] : [...a.shape];
  const right = b.ndim === 1 ? [b.shape[0], 1] : [...b.shape];
  const [n, k] = left.slice(-2);
  const [k2, p] = right.slice(-2);
  if (k !== k2)
    throw runtimeError(
      `mat1 and mat2 shapes cannot be multiplied (${numelOf(left) / k}x${k} and ${k2}x${p})`,
    );
  const batch = broadcastShapes(left.slice(0, -2), right.slice(0, -2));
  const dtype = sameDType(a, b, 'matmul');
  const x = expandStorage(storageAs(a, dtype), left, [...batch, n, k]);
  const y = expandStorage(storageAs(b, dtype), right, [...batch, k, p]);
  const count = numelOf(batch);
  const out = allocate(dtype, count * n * p);
  for (let i = 0; i < count; i++) {
    const xi = x.subarray(i * n * k, (i + 1) * n * k);
    const yi = y.subarray(i * k * p, (i + 1) * k * p);
    out.set(product(xi, yi, n, k, p, dtype), i * n * p);
  }
  const shape = [...batch, ...(a.ndim === 1 ? [] : [n]), ...(b.ndim === 1 ? [] : [p])];
  const full = [...batch, n, p];
  return recordDerivative(new Tensor(out, shape, dtype), MATMUL, {
    op: 'matmul',
    inputs: [a, b],
    values: { self: a, other: b, left, right, full },
  });
}
