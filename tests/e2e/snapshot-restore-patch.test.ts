// The build patches Pyodide's snapshot restore to skip zero pages
// (renderer/python/snapshot-restore-patch.ts): the memory Python starts from must hold exactly
// the snapshot's bytes, and a Pyodide that no longer has the expected statement must fail the
// build, not the student's start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  copyNonZeroPagesSource,
  patchSnapshotRestore,
} from '../../renderer/python/snapshot-restore-patch.ts';
import { repoRoot } from '../support/shared.ts';

const page = 65536;
type Copy = (heap: Uint8Array, image: Uint8Array) => void;
const copyNonZeroPages = new Function(`return ${copyNonZeroPagesSource}`)() as Copy;

/** A zeroed heap after the copy, next to the image it should equal. */
function restored(image: Uint8Array): Uint8Array {
  const heap = new Uint8Array(image.length + 3 * page);
  copyNonZeroPages(heap, image);
  return heap.subarray(0, image.length);
}

describe('snapshot restore that skips zero pages', () => {
  it('leaves the heap equal to the image: pages with one byte set, zero pages, a short last page', () => {
    const image = new Uint8Array(7 * page + 1000);
    image[0] = 1;
    image[page + 5] = 2;
    image[3 * page + page - 1] = 3; // the last byte of a page
    image[5 * page] = 255;
    image[7 * page + 999] = 9; // the last byte of the short last page
    expect(restored(image)).toEqual(image);
    expect(restored(new Uint8Array(2 * page))).toEqual(new Uint8Array(2 * page));
  });

  it('copies an image that is not word-aligned in its buffer whole', () => {
    const buffer = new Uint8Array(3 * page + 1);
    buffer.fill(7, 1 + page, 1 + page + 10);
    const image = buffer.subarray(1);
    expect(restored(image)).toEqual(image);
  });

  it('never writes a zero page of the heap (which would cost a page fault)', () => {
    const image = new Uint8Array(4 * page);
    image[2 * page + 17] = 1;
    const written: number[] = [];
    const heap = {
      set: (part: Uint8Array, offset: number) => written.push(offset, part.length),
    } as unknown as Uint8Array;
    copyNonZeroPages(heap, image);
    expect(written).toEqual([2 * page, page]);
  });

  it("patches the pinned Pyodide's pyodide.asm.mjs in exactly one place", () => {
    const asm = readFileSync(join(repoRoot, 'node_modules', 'pyodide', 'pyodide.asm.mjs'), 'utf8');
    const patched = patchSnapshotRestore(asm);
    expect(patched).not.toContain('return Module.HEAP8.set(t),l}');
    expect(patched.split('function copyNonZeroPages(heap, image)')).toHaveLength(2);
    expect(patched.length - asm.length).toBeLessThan(1000);
  });

  it('refuses a pyodide.asm.mjs without the expected statement, naming the file to update', () => {
    expect(() => patchSnapshotRestore('var Module = {};')).toThrow(
      /found it 0 times.*snapshot-restore-patch\.ts/,
    );
  });
});
