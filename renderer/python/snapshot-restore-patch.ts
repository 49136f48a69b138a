// Pyodide restores a memory snapshot by copying the whole image into the interpreter's new
// WebAssembly memory (`Module.HEAP8.set(image)`). That memory starts zeroed, and each page
// written costs a page fault, which is dear on small virtual machines: copying our 31 MB image
// takes 220-255 ms in Chromium here, copying only its non-zero half about 100 ms less. The
// build therefore patches that one statement in its copy of pyodide.asm.mjs (the Pyodide
// version is pinned); anything unexpected fails the build rather than the student's start.

/** The statement as Pyodide 314.0.7 ships it, minified: `t` is the image, `l` the metadata. */
const wholeCopy = 'return Module.HEAP8.set(t),l}';

/**
 * `copyNonZeroPages(heap, image)`: the same result as `heap.set(image)` when `heap` starts
 * zeroed, writing only the 64 KiB pages of `image` that hold a non-zero byte.
 */
export const copyNonZeroPagesSource = `function copyNonZeroPages(heap, image) {
  if (image.byteOffset % 4 !== 0 || image.byteLength % 4 !== 0) return heap.set(image);
  const words = new Int32Array(image.buffer, image.byteOffset, image.byteLength / 4);
  const pageWords = 16384;
  for (let start = 0; start < words.length; start += pageWords) {
    const end = Math.min(start + pageWords, words.length);
    let word = start;
    while (word < end && words[word] === 0) word++;
    if (word < end) heap.set(image.subarray(start * 4, end * 4), start * 4);
  }
}`;

/** pyodide.asm.mjs with the snapshot copy skipping zero pages; throws if it is not there once. */
export function patchSnapshotRestore(pyodideAsm: string): string {
  const found = pyodideAsm.split(wholeCopy).length - 1;
  if (found !== 1) {
    throw new Error(
      `pyodide.asm.mjs: expected the snapshot copy "${wholeCopy}" once, found it ${found} times ` +
        '(a new Pyodide version?); update renderer/python/snapshot-restore-patch.ts',
    );
  }
  return pyodideAsm.replace(wholeCopy, `return (${copyNonZeroPagesSource})(Module.HEAP8,t),l}`);
}
