// How the CLI reports bad input: one line on stderr, exit status 2, never a stack trace.
import { terminalText } from './terminal-text.ts';

/** Bad input from the person running the command (arguments, files, expressions). */
export class UsageError extends Error {
  override name = 'UsageError';
}

const EXIT_BAD_INPUT = 2;

/** Prints the failure as one line and returns the exit status to use. */
export function reportFailure(error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0] || 'unexpected failure';
  process.stderr.write(`gradlab: ${terminalText(firstLine)}\n`);
  return EXIT_BAD_INPUT;
}
