// The student's progress, kept in one JSON file in the user-data folder. Saves are atomic and
// run one at a time; a file that cannot be read is moved aside (never dropped) and the student
// is told where it went.
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { StoredProgress } from '../renderer/host/api.ts';
import { TEMP_SUFFIX, writeFileAtomic } from './atomic-write.ts';

export const PROGRESS_FILE = 'progress.json';
const FORMAT_VERSION = 1;

interface ProgressDocument {
  format: 'gradlab-progress';
  version: number;
  savedAt: string;
  data: unknown;
}

export interface ProgressStore {
  load(): Promise<StoredProgress>;
  save(data: unknown): Promise<void>;
}

export function createProgressStore(
  folder: string,
  now: () => Date = () => new Date(),
): ProgressStore {
  const file = path.join(folder, PROGRESS_FILE);
  let pendingSaves: Promise<void> = Promise.resolve();
  let keepsProgress = true;

  async function moveAside(reason: string): Promise<StoredProgress> {
    const stamp = now().toISOString().replaceAll(':', '-');
    const aside = path.join(folder, `progress.corrupt-${stamp}.json`);
    await rename(file, aside);
    return {
      data: null,
      notice:
        `Your saved progress could not be read (${reason}), so Gradlab started a fresh record. ` +
        `The old file was kept as ${aside}.`,
    };
  }

  async function load(): Promise<StoredProgress> {
    await pendingSaves;
    await removeAbandonedTempFiles(folder);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { data: null };
      return moveAside(`it could not be opened: ${code ?? (error as Error).message}`).catch(
        (moveError: NodeJS.ErrnoException) => {
          // Left where it is, so saves must not replace it: this session's progress is not kept.
          keepsProgress = false;
          return {
            data: null,
            notice:
              `Your saved progress in ${file} could not be opened (${code}) nor moved aside ` +
              `(${moveError.code}), so it was left untouched and this session's progress will not be saved.`,
          };
        },
      );
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      return moveAside('it is not valid JSON');
    }
    if (!isProgressDocument(document)) return moveAside('it is not a Gradlab progress file');
    if (document.version > FORMAT_VERSION) {
      return moveAside(`it was written by a newer Gradlab (format ${document.version})`);
    }
    return { data: document.data };
  }

  function save(data: unknown): Promise<void> {
    if (!keepsProgress) return Promise.resolve();
    const document: ProgressDocument = {
      format: 'gradlab-progress',
      version: FORMAT_VERSION,
      savedAt: now().toISOString(),
      data: data ?? null,
    };
    const content = JSON.stringify(document);
    const write = async () => {
      await mkdir(folder, { recursive: true });
      await writeFileAtomic(file, content);
    };
    const saved = pendingSaves.then(write, write);
    pendingSaves = saved.catch(() => undefined);
    return saved;
  }

  return { load, save };
}

function isProgressDocument(value: unknown): value is ProgressDocument {
  if (typeof value !== 'object' || value === null) return false;
  const document = value as Partial<ProgressDocument>;
  return (
    document.format === 'gradlab-progress' &&
    typeof document.version === 'number' &&
    'data' in document
  );
}

/** Temp files left by a save that a crash interrupted (the real file was never touched). */
async function removeAbandonedTempFiles(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  const abandoned = names.filter(
    (name) => name.startsWith(`${PROGRESS_FILE}.`) && name.endsWith(TEMP_SUFFIX),
  );
  await Promise.all(abandoned.map((name) => rm(path.join(folder, name), { force: true })));
}
