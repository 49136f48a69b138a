// Arguments of the commands that take a course folder, read with node:util's parseArgs: a
// mistake is a UsageError (exit status 2) naming the command and its usage line.
import { statSync } from 'node:fs';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './errors.ts';

export function parseCommandArguments<T extends ParseArgsOptionsConfig>(
  command: string,
  usage: string,
  args: string[],
  options: T,
) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]!.replace(/\. To specify .*$/, '');
    throw new UsageError(`${command}: ${reason} (${usage})`);
  }
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
