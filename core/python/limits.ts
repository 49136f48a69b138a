// The limits on a student's or a lesson's Python, in one place: the app's worker and the CLI's
// sandboxed process both take them from here.

export const PYTHON_LIMITS = {
  /** Wall-clock time of one cell before it is stopped (the CLI's `--timeout` changes it). */
  cellSeconds: 30,
  /** Characters of printed output one cell keeps; the rest is dropped with a note. */
  outputCharacters: 100_000,
  /** Characters of a cell's displayed value (its last expression's repr). */
  displayCharacters: 100_000,
  /** WebAssembly memory Python may grow to; beyond it an allocation raises MemoryError. */
  wasmMemoryMiB: 1024,
  /** JavaScript heap of the CLI's sandboxed process (Node's --max-old-space-size). */
  javascriptHeapMiB: 512,
  /** Largest lesson, notebook, answer or submission file the CLI reads. */
  inputFileBytes: 10 * 1024 * 1024,
} as const;

/** The line that replaces what a cell printed beyond its limit. */
export function truncationNote(total: number, kept: number): string {
  return `[output truncated: the cell printed ${total.toLocaleString('en-US')} characters; the first ${kept.toLocaleString('en-US')} are shown]`;
}

/** The one-line message for a cell stopped by its time limit. */
export function timeLimitMessage(seconds: number): string {
  return `TimeoutError: the cell ran for more than ${seconds} s and was stopped`;
}

/** The one-line message for a cell that reached the memory limit. */
export function memoryLimitMessage(): string {
  return `MemoryError: the cell needed more than ${PYTHON_LIMITS.wasmMemoryMiB} MiB of memory and was stopped`;
}

const WASM_PAGE_BYTES = 65_536;
/** Marks a realm's Memory prototype as capped, so capping twice wraps `grow` once. */
const CAPPED = Symbol.for('gradlab.wasmMemoryCapped');

// core/ compiles against ES2023 alone, which has no WebAssembly: the one member used here.
interface GrowableMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
const wasm = (globalThis as { WebAssembly?: { Memory: { prototype: GrowableMemory } } })
  .WebAssembly;

/**
 * Makes every WebAssembly memory of this realm refuse to grow past the limit. Pyodide grows
 * its heap through `Memory.prototype.grow` and treats a refusal as a failed allocation, so
 * Python raises MemoryError and the kernel carries on. The kernel's realm (a Web Worker, or
 * the CLI's sandboxed process) runs nothing else that needs more.
 */
export function capWasmMemory(limitBytes = PYTHON_LIMITS.wasmMemoryMiB * 1024 * 1024): void {
  if (wasm === undefined) return;
  const prototype = wasm.Memory.prototype;
  if (CAPPED in prototype) return;
  Object.defineProperty(prototype, CAPPED, { value: true });
  const grow = prototype.grow;
  prototype.grow = function (this: GrowableMemory, pages: number) {
    if (this.buffer.byteLength + pages * WASM_PAGE_BYTES > limitBytes)
      throw new RangeError(memoryLimitMessage());
    return grow.call(this, pages);
  };
}
