// Float32 elementwise loops in WebAssembly SIMD: four lanes per instruction where a JS loop does
// one. Tensors stay in ordinary typed arrays: a call copies chunks of its operands into a small
// scratch memory, runs the loop there and copies the result out. The copies are memcpy and a
// chunk stays in cache, so this costs far less than the scalar loop (measured per 1e6 float32 on
// this machine: JS loop 0.8-1.0 ms, f32x4 loop 0.15 ms, one copy 0.1 ms), and no tensor lives
// in WebAssembly memory: the scratch never grows (so no view is ever detached), nothing is shared
// between threads, and nothing has to be freed.
// Results equal the JS loops': an f32 add, sub, mul or div rounds once in both (a JS double
// operation on two float32 values, rounded to float32, gives the correctly rounded f32 result),
// comparisons are exact, and sums add lane by lane in the JS loop's order. Only NaN payload bits
// could differ (on x64 they do not), which nothing in the engine can observe.
// Where WebAssembly or its SIMD is missing, or compiling is forbidden (a CSP without
// 'wasm-unsafe-eval'), no loops load and callers keep their JS loops.
import {
  F32,
  I32,
  V128,
  op,
  simd,
  simdOp,
  sleb,
  wasmModule,
  type WasmFunction,
} from './emitter.ts';

// core/ compiles against ES2023 alone, which has no WebAssembly: the members used here, declared
// for this file and read from globalThis, so that an environment without them falls back.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => { exports: Record<string, unknown> };
}

/**
 * Elements per chunk: three 32 KiB regions (two operands, the result) in two 64 KiB pages, then
 * the accumulators of a sum.
 */
const CHUNK = 8192;
const PAGES = 2;
const A_AT = 0;
const B_AT = CHUNK * 4;
const OUT_AT = 2 * CHUNK * 4;
const ACC_AT = 3 * CHUNK * 4;
/** Floats in a row of ATen's float32 sum (4 accumulators of 8 lanes), and rows kept in its cascade. */
const SUM_ROW = 32;
const SUM_LEVELS = 4;
/** Below this many elements the call and copies cost more than the JS loop saves. */
const MIN_ELEMENTS = 64;

// Every loop is (out, a, b-or-scalar, [k,] bytes): byte offsets into the scratch memory, a byte
// count that is a multiple of 16. Locals after the params: the byte index, and a splatted scalar.
type Loop = (out: number, a: number, b: number, bytes: number) => void;
type ThresholdKernel = (out: number, g: number, r: number, k: number, bytes: number) => void;

/** for (i = 0; i < bytes; i += 16) out[i] = compute(i): `compute` leaves one v128 on the stack. */
function loop(bytes: number, index: number, out: number, compute: readonly number[]): number[] {
  return [
    ...[op.block, 0x40, op.loop, 0x40],
    ...[op.localGet, index, op.localGet, bytes, op.i32GeU, op.brIf, 1],
    ...[op.localGet, out, op.localGet, index, op.i32Add],
    ...compute,
    ...simdOp(simd.store),
    ...[op.localGet, index, op.i32Const, ...sleb(16), op.i32Add, op.localSet, index],
    ...[op.br, 0, op.end, op.end],
  ];
}

/** v128.load from the region whose byte offset is param `at`, at the loop's byte index. */
function load(at: number, index: number): number[] {
  return [op.localGet, at, op.localGet, index, op.i32Add, ...simdOp(simd.load)];
}

/** A scalar param splatted once into a v128 local before the loop. */
function splat(scalar: number, local: number): number[] {
  return [op.localGet, scalar, ...simdOp(simd.f32x4Splat), op.localSet, local];
}

function vectorVector(name: string, lanes: number): WasmFunction {
  // params: out 0, a 1, b 2, bytes 3; local: index 4
  return {
    name,
    params: [I32, I32, I32, I32],
    locals: [I32],
    body: loop(3, 4, 0, [...load(1, 4), ...load(2, 4), ...simdOp(lanes)]),
  };
}

function vectorScalar(name: string, lanes: number): WasmFunction {
  // params: out 0, a 1, s 2 (f32), bytes 3; locals: index 4, splat 5
  return {
    name,
    params: [I32, I32, F32, I32],
    locals: [I32, V128],
    body: [...splat(2, 5), ...loop(3, 4, 0, [...load(1, 4), op.localGet, 5, ...simdOp(lanes)])],
  };
}

/** threshold_backward: g where r > k, else +0 (NaN in r keeps g: NaN <= k is false). */
const threshold: WasmFunction = {
  // params: out 0, g 1, r 2, k 3 (f32), bytes 4; locals: index 5, splat 6
  name: 'threshold',
  params: [I32, I32, I32, F32, I32],
  locals: [I32, V128],
  body: [
    ...splat(3, 6),
    ...loop(4, 5, 0, [
      ...load(1, 5),
      ...load(2, 5),
      ...[op.localGet, 6, ...simdOp(simd.f32x4Le)],
      ...simdOp(simd.v128AndNot),
    ]),
  ],
};

/**
 * Adds consecutive rows of SUM_ROW floats lane by lane into the accumulator row at `acc`, in row
 * order (each lane's additions in the order of the JS loop), kept in eight v128 locals meanwhile.
 */
function addRows(): WasmFunction {
  // params: acc 0, data 1, bytes 2; locals: end 3, then one v128 per 16 bytes of the row
  const vectors = SUM_ROW / 4;
  const lanes = Array.from({ length: vectors }, (_, j) => j);
  const local = (j: number): number => 4 + j;
  return {
    name: 'addRows',
    params: [I32, I32, I32],
    locals: [I32, ...lanes.map(() => V128)],
    body: [
      ...[op.localGet, 1, op.localGet, 2, op.i32Add, op.localSet, 3],
      ...lanes.flatMap((j) => [
        op.localGet,
        0,
        ...simdOp(simd.load, 16 * j),
        op.localSet,
        local(j),
      ]),
      ...[op.block, 0x40, op.loop, 0x40],
      ...[op.localGet, 1, op.localGet, 3, op.i32GeU, op.brIf, 1],
      ...lanes.flatMap((j) => [
        ...[op.localGet, local(j), op.localGet, 1, ...simdOp(simd.load, 16 * j)],
        ...[...simdOp(simd.f32x4Add), op.localSet, local(j)],
      ]),
      ...[op.localGet, 1, op.i32Const, ...sleb(SUM_ROW * 4), op.i32Add, op.localSet, 1],
      ...[op.br, 0, op.end, op.end],
      ...lanes.flatMap((j) => [
        op.localGet,
        0,
        op.localGet,
        local(j),
        ...simdOp(simd.store, 16 * j),
      ]),
    ],
  };
}

/** out = a OP b, each lane rounded once as the JS loop rounds (see the top of this file). */
const ARITHMETIC = {
  add: simd.f32x4Add,
  sub: simd.f32x4Sub,
  mul: simd.f32x4Mul,
  div: simd.f32x4Div,
  // NaN in either lane gives NaN and max(-0, +0) is +0, as Math.max: ReLU's forward.
  max: simd.f32x4Max,
} as const;
type Arithmetic = keyof typeof ARITHMETIC;
const ARITHMETIC_OPS = Object.keys(ARITHMETIC) as Arithmetic[];
/** Exactly commutative: a one-element first operand may be swapped to second place. */
const COMMUTES: Record<Arithmetic, boolean> = {
  add: true,
  sub: false,
  mul: true,
  div: false,
  max: true,
};

const MODULE = wasmModule(PAGES, [
  ...ARITHMETIC_OPS.map((name) => vectorVector(name, ARITHMETIC[name])),
  ...ARITHMETIC_OPS.map((name) => vectorScalar(`${name}Scalar`, ARITHMETIC[name])),
  threshold,
  addRows(),
]);

export interface SimdKernels {
  /** out = a OP b over two regions. */
  vector: Record<Arithmetic, Loop>;
  /** out = a OP s for an f32 scalar s. */
  scalar: Record<Arithmetic, Loop>;
  threshold: ThresholdKernel;
  addRows: (acc: number, data: number, bytes: number) => void;
  /** The cascade's accumulators: SUM_LEVELS rows of SUM_ROW floats. */
  acc: Float32Array;
  a: Float32Array;
  b: Float32Array;
  out: Float32Array;
}

function loopTable(exports: Record<string, unknown>, suffix: string): Record<Arithmetic, Loop> {
  const entry = (name: Arithmetic): [Arithmetic, Loop] => [name, exports[name + suffix] as Loop];
  return Object.fromEntries(ARITHMETIC_OPS.map(entry)) as Record<Arithmetic, Loop>;
}

/** The loops over a fresh scratch memory, or null where `api` cannot run them. */
export function loadKernels(api: WasmApi | undefined): SimdKernels | null {
  try {
    if (api === undefined || !api.validate(MODULE)) return null;
    const memory = new api.Memory({ initial: PAGES, maximum: PAGES });
    const { exports } = new api.Instance(new api.Module(MODULE), { env: { memory } });
    return {
      vector: loopTable(exports, ''),
      scalar: loopTable(exports, 'Scalar'),
      threshold: exports.threshold as ThresholdKernel,
      addRows: exports.addRows as SimdKernels['addRows'],
      acc: new Float32Array(memory.buffer, ACC_AT, SUM_LEVELS * SUM_ROW),
      a: new Float32Array(memory.buffer, A_AT, CHUNK),
      b: new Float32Array(memory.buffer, B_AT, CHUNK),
      out: new Float32Array(memory.buffer, OUT_AT, CHUNK),
    };
  } catch {
    return null; // compiling refused (CSP) or no SIMD: the JS loops serve
  }
}

const available = loadKernels((globalThis as { WebAssembly?: WasmApi }).WebAssembly);
// eslint-disable-next-line no-restricted-syntax -- a switch for tests comparing both paths
let enabled = true;

/** Whether SIMD loops run; returns the previous setting (tests compare both paths). */
export function setSimdEnabled(on: boolean): boolean {
  const previous = enabled;
  enabled = on;
  return previous;
}

export function simdAvailable(): boolean {
  return available !== null;
}

export type SimdOp = Arithmetic | 'threshold';

/**
 * Runs `kind` over the first elements of float32 arrays, as BinaryKernel's arguments: out[i] =
 * a[i] + k*b[i] and a[i] - k*b[i] (add, sub: only for k = 1), a[i] * b[i], a[i] / b[i], max(a[i], b[i]) and
 * b[i] <= k ? 0 : a[i] (threshold), where a step of 0 reads a one-element operand. With
 * `repeat` > 1 the op is applied again to its own result (out = (a + b) + b: one copy in and out
 * for both). Returns how many elements it wrote, a multiple of 4 (0 when it cannot run): the
 * caller's loop does the rest.
 */
export function simdBinary(
  kind: SimdOp,
  out: ArrayLike<number>,
  a: ArrayLike<number>,
  as: number,
  b: ArrayLike<number>,
  bs: number,
  n: number,
  k: number,
  repeat = 1,
): number {
  const loops = enabled ? available : null;
  if (loops === null || n < MIN_ELEMENTS) return 0;
  if (!(out instanceof Float32Array && a instanceof Float32Array && b instanceof Float32Array))
    return 0;
  if ((kind === 'add' || kind === 'sub') && k !== 1) return 0;
  if (kind === 'threshold' && (Math.fround(k) !== k || as !== 1 || bs !== 1)) return 0;
  if (as === 0 && bs === 1 && kind !== 'threshold' && COMMUTES[kind])
    return simdBinary(kind, out, b, 1, a, 0, n, k, repeat);
  if (as !== 1 || (bs !== 0 && bs !== 1)) return 0;
  // x * x: one copy serves both operands.
  const bAt = a === b ? A_AT : B_AT;
  const vectorEnd = n - (n % 4);
  for (let start = 0; start < vectorEnd; start += CHUNK) {
    const length = Math.min(CHUNK, vectorEnd - start);
    loops.a.set(a.subarray(start, start + length));
    if (bs === 1 && a !== b) loops.b.set(b.subarray(start, start + length));
    const bytes = length * 4;
    for (let pass = 0, from = A_AT; pass < repeat; pass++, from = OUT_AT) {
      if (kind === 'threshold') loops.threshold(OUT_AT, from, bAt, k, bytes);
      else if (bs === 0) loops.scalar[kind](OUT_AT, from, b[0], bytes);
      else loops.vector[kind](OUT_AT, from, bAt, bytes);
    }
    out.set(length === CHUNK ? loops.out : loops.out.subarray(0, length), start);
  }
  return vectorEnd;
}

/** The row loop of ATen's float32 cascade sum (see cascade-sum.ts), over `rows` rows of `data`. */
export interface RowAdder {
  /** The cascade's zeroed accumulators, in the data's precision (SIMD: in the scratch memory). */
  acc: Float32Array | Float64Array;
  /** acc[0..SUM_ROW) += each of rows from..from+count, lane by lane, in row order. */
  addRows(from: number, count: number): void;
}

/**
 * A RowAdder for float32 data whose rows are SUM_ROW floats, or null where the JS loop must do
 * it. Rows are copied into the scratch a chunk at a time as the calls (in row order) reach them.
 */
export function simdRowAdder(data: ArrayLike<number>, row: number, rows: number): RowAdder | null {
  const loops = enabled ? available : null;
  if (loops === null || row !== SUM_ROW || rows * row < MIN_ELEMENTS) return null;
  if (!(data instanceof Float32Array)) return null;
  const rowsPerChunk = CHUNK / SUM_ROW;
  let loadedFrom = 0;
  let loadedRows = 0;
  const acc = loops.acc.fill(0);
  return {
    acc,
    addRows(from, count) {
      for (let next = from, left = count; left > 0;) {
        if (next < loadedFrom || next >= loadedFrom + loadedRows) {
          loadedFrom = next;
          loadedRows = Math.min(rowsPerChunk, rows - next);
          loops.a.set(data.subarray(next * SUM_ROW, (next + loadedRows) * SUM_ROW));
        }
        const here = Math.min(left, loadedFrom + loadedRows - next);
        const at = A_AT + (next - loadedFrom) * SUM_ROW * 4;
        loops.addRows(ACC_AT, at, here * SUM_ROW * 4);
        next += here;
        left -= here;
      }
    },
  };
}
