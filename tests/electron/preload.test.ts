import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { HostApi, LessonSource } from '../../renderer/host/api.ts';

vi.mock('electron', () => import('./support/fake-electron.ts'));

const fake = await import('./support/fake-electron.ts');

describe('preload', () => {
  let api: HostApi;
  beforeAll(async () => {
    fake.resetFakeElectron();
    await import('../../electron/preload.ts');
    api = fake.exposedInMainWorld.get('gradlab') as HostApi;
  });

  it('exposes only the HostApi as window.gradlab', () => {
    expect([...fake.exposedInMainWorld.keys()]).toEqual(['gradlab']);
    expect(Object.keys(api).sort()).toEqual(
      [
        'kind',
        'listLessons',
        'openLessonFolder',
        'onLessonChanged',
        'loadProgress',
        'saveProgress',
        'exportGrades',
        'exportSubmission',
        'openExternal',
        'onMenuCommand',
      ].sort(),
    );
    expect(api.kind).toBe('electron');
    expect(Object.values(api)).not.toContain(fake.ipcRenderer);
  });

  it('forwards each request to its declared channel', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce('/tmp/grades.csv');
    await expect(api.exportGrades('a,b\n', 'grades.csv')).resolves.toBe('/tmp/grades.csv');
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(
      'grades:export',
      'a,b\n',
      'grades.csv',
    );
    await api.saveProgress({ done: 1 });
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('progress:save', { done: 1 });
    await api.openExternal('https://pytorch.org/');
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(
      'shell:open-external',
      'https://pytorch.org/',
    );
  });

  it('delivers changed lessons without the IPC event, until unsubscribed', () => {
    const received: unknown[][] = [];
    const unsubscribe = api.onLessonChanged((...args) => received.push(args));
    const lesson: LessonSource = { key: '/l/a.md', fileName: 'a.md', text: '#', origin: 'folder' };
    fake.sendToPreload('lessons:changed', lesson);
    unsubscribe();
    fake.sendToPreload('lessons:changed', lesson);
    expect(received).toEqual([[lesson]]);
  });

  it('delivers menu commands', () => {
    const commands: string[] = [];
    const unsubscribe = api.onMenuCommand?.((command) => commands.push(command));
    fake.sendToPreload('menu:command', 'export-grades');
    unsubscribe?.();
    expect(commands).toEqual(['export-grades']);
  });
});
