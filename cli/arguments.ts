// node:util parseArgs with the CLI's contract: a mistake is one UsageError line (exit status 2)
// naming the command and its usage line.
import { statSync } from 'node:fs';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './errors.ts';

export function parseCommandArgs<T extends ParseArgsOptionsConfig>(
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

/** The arguments of a command that takes one course folder DIR and options. */
export function parseCourseFolderArgs<T extends ParseArgsOptionsConfig>(
  command: string,
  usage: string,
  args: string[],
  options: T,
) {
  const parsed = parseCommandArgs(command, usage, args, options);
  const [folder, ...extra] = parsed.positionals;
  if (folder === undefined)
    throw new UsageError(`${command}: no course folder DIR given (${usage})`);
  if (extra.length > 0)
    throw new UsageError(`${command}: one course folder only, not '${extra.join(' ')}' (${usage})`);
  courseFolderArgument(command, folder);
  return { values: parsed.values, folder };
}

/** DIR must be a folder. */
function courseFolderArgument(command: string, folder: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new UsageError(`${command}: ${folder}: no such folder`);
  }
  if (!isFolder) throw new UsageError(`${command}: ${folder} is a file; give the course's folder`);
}
