// "Export grades…": asks where to save the CSV the renderer built, then writes it there.
import { dialog, type BrowserWindow } from 'electron';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

/** A plain file name ending in .csv, whatever the renderer suggested. */
export function safeCsvName(suggestedName: string): string {
  const base = path
    .basename(suggestedName.replaceAll('\\', '/'))
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .trim();
  const name = base === '' || base === '.' || base === '..' ? 'grades' : base;
  return name.toLowerCase().endsWith('.csv') ? name : `${name}.csv`;
}

export async function exportGrades(
  window: BrowserWindow | null,
  csv: string,
  suggestedName: string,
  defaultFolder: string,
): Promise<string | null> {
  const options = {
    title: 'Export grades',
    defaultPath: path.join(defaultFolder, safeCsvName(suggestedName)),
    filters: [{ name: 'CSV', extensions: ['csv'] }],
  };
  const choice = window
    ? await dialog.showSaveDialog(window, options)
    : await dialog.showSaveDialog(options);
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return null;
  await writeFileAtomic(choice.filePath, csv);
  return choice.filePath;
}
