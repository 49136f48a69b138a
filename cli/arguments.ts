// node:util parseArgs with the CLI's contract: a mistake is one UsageError line naming it.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';

export function parseCommandArgs<T extends ParseArgsConfig['options']>(
  command: string,
  usage: string,
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs says "Unknown option '--x'. To specify a positional argument…": the first
    // sentence is the news.
    const first = (error as Error).message.split('\n')[0].split('. ')[0].replace(/\.$/, '');
    throw new UsageError(`${command}: ${first[0].toLowerCase()}${first.slice(1)} (${usage})`);
  }
}
