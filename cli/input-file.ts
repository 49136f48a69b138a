// Reading a file named on the command line: regular files only, up to a size, so a folder, a
// device such as /dev/zero, a FIFO or a huge file gets one clear line instead of a hang.
import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import { PYTHON_LIMITS } from '../core/python/limits.ts';
import { UsageError } from './errors.ts';

const KINDS: [(mode: number) => boolean, string][] = [
  [(mode) => (mode & constants.S_IFMT) === constants.S_IFDIR, 'a folder'],
  [(mode) => (mode & constants.S_IFMT) === constants.S_IFIFO, 'a FIFO (named pipe)'],
  [(mode) => (mode & constants.S_IFMT) === constants.S_IFCHR, 'a device'],
  [(mode) => (mode & constants.S_IFMT) === constants.S_IFBLK, 'a device'],
  [(mode) => (mode & constants.S_IFMT) === constants.S_IFSOCK, 'a socket'],
];

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder, not a file',
};

/**
 * The text of `file`, or a UsageError naming what is wrong. The file is opened without
 * blocking, so a FIFO with no writer is refused rather than waited on.
 */
export function readInputFile(
  file: string,
  command: string,
  limitBytes: number = PYTHON_LIMITS.inputFileBytes,
): string {
  let descriptor: number;
  try {
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`${command}: cannot read ${file}: ${REASONS[code] ?? code}`);
  }
  try {
    const { mode, size } = fstatSync(descriptor);
    const kind = KINDS.find(([test]) => test(mode))?.[1];
    if (kind !== undefined) throw new UsageError(`${command}: ${file} is ${kind}, not a file`);
    if (size > limitBytes)
      throw new UsageError(
        `${command}: ${file} is ${megabytes(size)}; the limit is ${megabytes(limitBytes)}`,
      );
    // Read at most one byte past the limit: a file that grows while read is still refused.
    const buffer = Buffer.alloc(Math.min(size, limitBytes) + 1);
    let length = 0;
    for (let read = 1; read > 0 && length < buffer.length; length += read)
      read = readSync(descriptor, buffer, length, buffer.length - length, null);
    if (length > limitBytes)
      throw new UsageError(`${command}: ${file} is larger than ${megabytes(limitBytes)}`);
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(descriptor);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
