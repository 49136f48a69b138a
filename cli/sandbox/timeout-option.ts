// `--timeout SECONDS`, the wall-clock limit of one cell, shared by every command that runs Python.
import { PYTHON_LIMITS } from '../../core/python/limits.ts';
import { UsageError } from '../errors.ts';

export const TIMEOUT_OPTION = { timeout: { type: 'string' } } as const;

export function cellSeconds(command: string, value: string | undefined): number {
  if (value === undefined) return PYTHON_LIMITS.cellSeconds;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || value.trim() === '')
    throw new UsageError(`${command}: --timeout '${value}' is not a positive number of seconds`);
  return seconds;
}
