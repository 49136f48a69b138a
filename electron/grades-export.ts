// "Export grades…" and "Export submission…": ask where to save the text the renderer built,
// then write it there.
import { dialog, type BrowserWindow } from 'electron';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

/** A plain file name ending in `.extension`, whatever the renderer suggested. */
function safeFileName(suggestedName: string, extension: string, fallback: string): string {
  const base = path
    .basename(suggestedName.replaceAll('\\', '/'))
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .trim();
  const name = base === '' || base === '.' || base === '..' ? fallback : base;
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;
}

export function safeCsvName(suggestedName: string): string {
  return safeFileName(suggestedName, 'csv', 'grades');
}

interface SavedKind {
  title: string;
  filter: { name: string; extensions: string[] };
  fallback: string;
}

async function saveWithDialog(
  window: BrowserWindow | null,
  text: string,
  suggestedName: string,
  defaultFolder: string,
  kind: SavedKind,
): Promise<string | null> {
  const extension = kind.filter.extensions[0];
  const options = {
    title: kind.title,
    defaultPath: path.join(defaultFolder, safeFileName(suggestedName, extension, kind.fallback)),
    filters: [kind.filter],
  };
  const choice = window
    ? await dialog.showSaveDialog(window, options)
    : await dialog.showSaveDialog(options);
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return null;
  await writeFileAtomic(choice.filePath, text);
  return choice.filePath;
}

const GRADES: SavedKind = {
  title: 'Export grades',
  filter: { name: 'CSV', extensions: ['csv'] },
  fallback: 'grades',
};

const SUBMISSION: SavedKind = {
  title: 'Export submission',
  filter: { name: 'Gradlab submission', extensions: ['json'] },
  fallback: 'submission',
};

const exporter =
  (kind: SavedKind) =>
  (window: BrowserWindow | null, text: string, suggestedName: string, defaultFolder: string) =>
    saveWithDialog(window, text, suggestedName, defaultFolder, kind);

export const exportGrades = exporter(GRADES);
export const exportSubmission = exporter(SUBMISSION);
