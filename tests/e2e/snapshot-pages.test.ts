// The Python snapshot ships without its zero pages (renderer/python/snapshot-pages.ts): the
// worker must get back exactly the bytes the build made, or Python would start from a broken
// memory image (or silently fall back to a slow cold start).
import { describe, expect, it } from 'vitest';
import { packSnapshot, unpackSnapshot } from '../../renderer/python/snapshot-pages.ts';

const page = 65536;

function memoryImage(length: number, filled: number[]): Uint8Array {
  const image = new Uint8Array(length);
  for (const start of filled) {
    for (let i = start; i < Math.min(start + 1000, length); i++) image[i] = (i * 31 + 7) % 251;
  }
  return image;
}

describe('packed Python snapshot', () => {
  it('gives back the same bytes, zero pages, partial last page and all', () => {
    const image = memoryImage(5 * page + 128, [10, 2 * page + 5, 5 * page + 100]);
    const packed = packSnapshot(image);
    expect(packed.length).toBeLessThan(image.length / 2);
    expect(unpackSnapshot(packed)).toEqual(image);
  });

  it('handles an image with no zero page and one that is all zeros', () => {
    const full = new Uint8Array(2 * page).fill(9);
    expect(unpackSnapshot(packSnapshot(full))).toEqual(full);
    const empty = new Uint8Array(3 * page);
    expect(unpackSnapshot(packSnapshot(empty))).toEqual(empty);
  });

  it('refuses bytes it did not pack: an old plain snapshot, a truncated or padded file', () => {
    const packed = packSnapshot(memoryImage(3 * page, [0, 2 * page]));
    expect(() => unpackSnapshot(new Uint8Array([0, 115, 110, 112, 1, 2, 3, 4]))).toThrow(
      'not a packed Python snapshot',
    );
    expect(() => unpackSnapshot(packed.subarray(0, packed.length - 10))).toThrow('truncated');
    const padded = new Uint8Array(packed.length + 4);
    padded.set(packed);
    expect(() => unpackSnapshot(padded)).toThrow('trailing bytes');
  });
});
