// The bytes of a small WebAssembly module, written out by hand: no wasm toolchain is installed
// here, and the loops are a few dozen instructions, so a readable emitter beats a build step.
// Only what the loops use: one imported memory, functions of i32/f32 params, SIMD opcodes.

/** Value types. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

/** Opcodes (the WebAssembly core and fixed-width SIMD specifications). */
export const op = {
  block: 0x02,
  loop: 0x03,
  br: 0x0c,
  brIf: 0x0d,
  end: 0x0b,
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  i32GeU: 0x4f,
  i32Add: 0x6a,
} as const;

const SIMD_PREFIX = 0xfd;
/** Fixed-width SIMD opcodes (after the 0xfd prefix). */
export const simd = {
  load: 0x00,
  store: 0x0b,
  f32x4Splat: 0x13,
  f32x4Le: 0x45,
  v128AndNot: 0x4f,
  f32x4Add: 0xe4,
  f32x4Sub: 0xe5,
  f32x4Mul: 0xe6,
  f32x4Div: 0xe7,
  f32x4Max: 0xe9,
} as const;

/** An unsigned LEB128 number. */
function uleb(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  do {
    const low = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? low : low | 0x80);
  } while (rest !== 0);
  return out;
}

/** A signed LEB128 number (i32.const immediates). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  let rest = n | 0;
  for (;;) {
    const low = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (low & 0x40) === 0) || (rest === -1 && (low & 0x40) !== 0);
    out.push(done ? low : low | 0x80);
    if (done) return out;
  }
}

/** A SIMD instruction; loads and stores take a memarg (alignment 2^4, a constant byte offset). */
export function simdOp(code: number, offset = 0): number[] {
  const memarg = code === simd.load || code === simd.store ? [4, ...uleb(offset)] : [];
  return [SIMD_PREFIX, ...uleb(code), ...memarg];
}

function vector(items: readonly (readonly number[])[]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(text: string): number[] {
  return vector([...text].map((c) => [c.charCodeAt(0)]));
}

function section(id: number, body: readonly number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

export interface WasmFunction {
  /** The export name. */
  name: string;
  params: readonly number[];
  /** Extra locals after the params, one type each. */
  locals: readonly number[];
  /** The instructions, without the final `end`. */
  body: readonly number[];
}

/** A module importing memory `env.memory` (at least `pages` 64 KiB pages) and exporting `functions`. */
export function wasmModule(pages: number, functions: readonly WasmFunction[]): Uint8Array {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((p) => [p])), 0]);
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(pages)];
  const exports = functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const bodies = functions.map((f) => {
    const body = [...vector(f.locals.map((t) => [1, t])), ...f.body, op.end];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, vector([memoryImport])),
    ...section(3, vector(functions.map((_, i) => uleb(i)))),
    ...section(7, vector(exports)),
    ...section(10, vector(bodies)),
  ]);
}
