import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createProgressStore, PROGRESS_FILE } from '../../electron/progress-store.ts';

const writerScript = fileURLToPath(new URL('./support/progress-writer.ts', import.meta.url));
const fixedClock = () => new Date('2026-11-27T06:30:00.000Z');

const tempFolder = () => mkdtemp(path.join(tmpdir(), 'gradlab-progress-'));

/** Starts the writer, waits for its first save, lets it write a little longer, kills it. */
function killWriterMidWrite(folder: string, extraMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writerScript, folder], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), extraMs));
    child.stdout.resume();
    child.once('error', reject);
    child.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error('the writer stopped by itself')),
    );
  });
}

describe('progress store', () => {
  it('starts empty, then returns what was saved', async () => {
    const store = createProgressStore(await tempFolder());
    await expect(store.load()).resolves.toEqual({ data: null });
    await store.save({ lessons: { derivatives: { step: 3 } } });
    await expect(store.load()).resolves.toEqual({
      data: { lessons: { derivatives: { step: 3 } } },
    });
  });

  it('keeps the last of many saves made without waiting', async () => {
    const store = createProgressStore(await tempFolder());
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save({ attempt: i })));
    await expect(store.load()).resolves.toEqual({ data: { attempt: 19 } });
  });

  it('survives being killed mid-write, 100 times', { timeout: 300_000 }, async () => {
    // Four writers at a time, each in its own folder, to keep the wall time down.
    const folders = await Promise.all(Array.from({ length: 4 }, tempFolder));
    let killsThatLeftATempFile = 0;
    await Promise.all(
      folders.map(async (folder, lane) => {
        for (let run = 0; run < 25; run += 1) {
          await killWriterMidWrite(folder, (run * 7 + lane) % 25);
          if ((await readdir(folder)).some((name) => name.endsWith('.tmp'))) {
            killsThatLeftATempFile += 1;
          }
          const loaded = await createProgressStore(folder).load();
          expect(loaded.notice).toBeUndefined();
          const data = loaded.data as { round: number; scores: number[]; checksum: number };
          expect(data.scores).toHaveLength(20_000);
          expect(data.scores.reduce((a, b) => a + b, 0)).toBe(data.checksum);
          expect(await readdir(folder)).toEqual([PROGRESS_FILE]);
        }
      }),
    );
    // The kills really did land inside saves, not only between them.
    expect(killsThatLeftATempFile).toBeGreaterThan(0);
  });

  it.each([
    ['not JSON', '{"format":"gradlab-progress","version":1,"data":{"les'],
    ['JSON of another program', '{"theme":"dark"}'],
    ['a newer format', '{"format":"gradlab-progress","version":99,"data":{}}'],
  ])('moves a file that is %s aside and says where it went', async (_kind, content) => {
    const folder = await tempFolder();
    await writeFile(path.join(folder, PROGRESS_FILE), content);
    const store = createProgressStore(folder, fixedClock);
    const loaded = await store.load();
    const aside = path.join(folder, 'progress.corrupt-2026-11-27T06-30-00.000Z.json');
    expect(loaded.data).toBeNull();
    expect(loaded.notice).toContain('could not be read');
    expect(loaded.notice).toContain(aside);
    expect(await readFile(aside, 'utf8')).toBe(content);
    expect(await readdir(folder)).toEqual([path.basename(aside)]);
    // A fresh record is kept from then on.
    await store.save({ fresh: true });
    await expect(store.load()).resolves.toEqual({ data: { fresh: true } });
  });

  it('moves a progress file that cannot be opened aside and says why and where', async () => {
    const folder = await tempFolder();
    // Not a file at all (the tests run as root, which may read any file): EISDIR.
    await mkdir(path.join(folder, PROGRESS_FILE, 'inside'), { recursive: true });
    const store = createProgressStore(folder, fixedClock);
    const loaded = await store.load();
    const aside = path.join(folder, 'progress.corrupt-2026-11-27T06-30-00.000Z.json');
    expect(loaded).toEqual({
      data: null,
      notice:
        'Your saved progress could not be read (it could not be opened: EISDIR), so Gradlab ' +
        `started a fresh record. The old file was kept as ${aside}.`,
    });
    expect(await readdir(aside)).toEqual(['inside']);
    await store.save({ fresh: true });
    await expect(store.load()).resolves.toEqual({ data: { fresh: true } });
  });
  it('moves a file a newer Gradlab wrote aside unchanged, so saving here never overwrites it', async () => {
    const folder = await tempFolder();
    const newer = JSON.stringify({
      format: 'gradlab-progress',
      version: 2,
      savedAt: '2027-01-01T00:00:00.000Z',
      data: { lessons: {}, kept: 'by the newer app' },
    });
    await writeFile(path.join(folder, PROGRESS_FILE), newer);
    const store = createProgressStore(folder, fixedClock);
    const aside = path.join(folder, 'progress.corrupt-2026-11-27T06-30-00.000Z.json');
    await expect(store.load()).resolves.toEqual({
      data: null,
      notice:
        'Your saved progress could not be read (it was written by a newer Gradlab (format 2)), ' +
        `so Gradlab started a fresh record. The old file was kept as ${aside}.`,
    });
    await store.save({ fresh: true });
    expect(await readFile(aside, 'utf8')).toBe(newer);
    await expect(store.load()).resolves.toEqual({ data: { fresh: true } });
  });

  it('moves a file that is not JSON (or not a progress file) aside byte for byte', async () => {
    for (const [content, reason] of [
      ['{"format":"gradlab-progress","version":1,"data":{"les', 'it is not valid JSON'],
      ['{"lessons":{}}', 'it is not a Gradlab progress file'],
    ]) {
      const folder = await tempFolder();
      await writeFile(path.join(folder, PROGRESS_FILE), content);
      const loaded = await createProgressStore(folder, fixedClock).load();
      expect(loaded.data).toBeNull();
      expect(loaded.notice).toContain(`could not be read (${reason})`);
      const aside = path.join(folder, 'progress.corrupt-2026-11-27T06-30-00.000Z.json');
      expect(await readFile(aside, 'utf8')).toBe(content);
    }
  });
});
