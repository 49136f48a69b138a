// The Python memory snapshot as shipped: only its non-zero 64 KiB pages. About half of the
// 31 MB snapshot is zero pages; gzip already shrinks those to nothing on the wire, but the
// browser still has to inflate, pipe and copy every byte of them before Python can start.
//
// Layout (little-endian uint32s): magic, total length, page count n, n page indices, then the
// pages in that order (the last page of the snapshot may be shorter than 64 KiB).

/** Its name in the build's pyodide/ folder. */
export const snapshotFile = 'snapshot.pages';

const magic = 0x70736c67; // "glsp"
const pageSize = 65536;
const headerWords = 3;

export function packSnapshot(snapshot: Uint8Array): Uint8Array {
  const pages: number[] = [];
  for (let start = 0; start < snapshot.length; start += pageSize) {
    if (snapshot.subarray(start, start + pageSize).some((byte) => byte !== 0)) {
      pages.push(start / pageSize);
    }
  }
  const headerBytes = (headerWords + pages.length) * 4;
  const pageBytes = pages.reduce((sum, page) => sum + pageLength(snapshot.length, page), 0);
  const packed = new Uint8Array(headerBytes + pageBytes);
  const header = new DataView(packed.buffer);
  header.setUint32(0, magic, true);
  header.setUint32(4, snapshot.length, true);
  header.setUint32(8, pages.length, true);
  let offset = headerBytes;
  for (const [i, page] of pages.entries()) {
    header.setUint32((headerWords + i) * 4, page, true);
    const start = page * pageSize;
    packed.set(snapshot.subarray(start, start + pageSize), offset);
    offset += pageLength(snapshot.length, page);
  }
  return packed;
}

/** The snapshot back, byte for byte; throws on anything packSnapshot did not write. */
export function unpackSnapshot(packed: Uint8Array): Uint8Array {
  const header = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  if (packed.length < headerWords * 4 || header.getUint32(0, true) !== magic) {
    throw new Error('not a packed Python snapshot');
  }
  const length = header.getUint32(4, true);
  const count = header.getUint32(8, true);
  const snapshot = new Uint8Array(length);
  let offset = (headerWords + count) * 4;
  for (let i = 0; i < count; i++) {
    const page = header.getUint32((headerWords + i) * 4, true);
    const size = pageLength(length, page);
    if (size <= 0 || offset + size > packed.length) throw new Error('truncated Python snapshot');
    snapshot.set(packed.subarray(offset, offset + size), page * pageSize);
    offset += size;
  }
  if (offset !== packed.length) throw new Error('trailing bytes after the Python snapshot');
  return snapshot;
}

function pageLength(total: number, page: number): number {
  return Math.min(pageSize, total - page * pageSize);
}
