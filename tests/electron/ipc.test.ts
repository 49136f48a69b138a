import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InvokeHandlers } from '../../electron/ipc.ts';

vi.mock('electron', () => import('./support/fake-electron.ts'));

const { fakeFrame, invokeFromRenderer, registeredChannels, resetFakeElectron } =
  await import('./support/fake-electron.ts');
const { registerInvokeHandlers } = await import('../../electron/ipc.ts');
const { eventChannels, invokeChannels } = await import('../../electron/ipc-events.ts');

const appFrame = fakeFrame('app://gradlab/renderer/index.html');

function fakeHandlers(): InvokeHandlers {
  return {
    listLessons: vi.fn(async () => [
      { key: 'builtin:01.md', fileName: '01.md', text: '# One', origin: 'builtin' as const },
    ]),
    openLessonFolder: vi.fn(async () => null),
    loadProgress: vi.fn(async () => ({ data: { done: 3 } })),
    saveProgress: vi.fn(async () => undefined),
    exportGrades: vi.fn(async () => '/home/student/grades.csv'),
    exportSubmission: vi.fn(async () => '/home/student/submission.json'),
    openExternal: vi.fn(async () => undefined),
  };
}

describe('IPC channels', () => {
  it('names every channel once', () => {
    const channels = [...Object.values(invokeChannels), ...Object.values(eventChannels)];
    expect(new Set(channels).size).toBe(channels.length);
  });
});

describe('registerInvokeHandlers', () => {
  let handlers: InvokeHandlers;
  beforeEach(() => {
    resetFakeElectron();
    handlers = fakeHandlers();
    registerInvokeHandlers(handlers);
  });

  it('registers one handler per declared request channel', () => {
    expect(registeredChannels().sort()).toEqual(Object.values(invokeChannels).sort());
  });

  it("answers the app's own page", async () => {
    await expect(invokeFromRenderer('lessons:list', appFrame)).resolves.toEqual([
      { key: 'builtin:01.md', fileName: '01.md', text: '# One', origin: 'builtin' },
    ]);
    await expect(invokeFromRenderer('progress:load', appFrame)).resolves.toEqual({
      data: { done: 3 },
    });
    await invokeFromRenderer('progress:save', appFrame, { done: 4 });
    expect(handlers.saveProgress).toHaveBeenCalledWith({ done: 4 });
    await expect(
      invokeFromRenderer('grades:export', appFrame, 'lesson,item\n', 'grades.csv'),
    ).resolves.toBe('/home/student/grades.csv');
  });

  it.each([
    ['a web page', fakeFrame('https://evil.example/index.html')],
    ['a local file', fakeFrame('file:///home/student/page.html')],
    ['a look-alike host', fakeFrame('app://gradlab.evil/renderer/index.html')],
    ['a subframe of the app', fakeFrame('app://gradlab/frame.html', appFrame)],
    ['a frame that is gone', null],
    ['a destroyed frame', { ...appFrame, isDestroyed: () => true }],
  ])('refuses %s and never runs the handler', async (_name, frame) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const channel of Object.values(invokeChannels)) {
      await expect(invokeFromRenderer(channel, frame, 'x', 'y')).rejects.toThrow(
        'the sender is not the Gradlab app',
      );
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('refuses arguments of the wrong shape', async () => {
    await expect(invokeFromRenderer('shell:open-external', appFrame, 42)).rejects.toThrow(
      /Refused openExternal/,
    );
    await expect(invokeFromRenderer('grades:export', appFrame, 'csv')).rejects.toThrow(
      /Refused exportGrades/,
    );
    await expect(invokeFromRenderer('lessons:list', appFrame, 'extra')).rejects.toThrow(
      /Refused listLessons/,
    );
    expect(handlers.openExternal).not.toHaveBeenCalled();
    expect(handlers.exportGrades).not.toHaveBeenCalled();
    expect(handlers.listLessons).not.toHaveBeenCalled();
  });
});
