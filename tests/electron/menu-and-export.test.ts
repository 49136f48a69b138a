import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => import('./support/fake-electron.ts'));

const fake = await import('./support/fake-electron.ts');
const { menuTemplate } = await import('../../electron/menu.ts');
const { exportGrades, safeCsvName } = await import('../../electron/grades-export.ts');

function click(menu: MenuItemConstructorOptions[], top: string, label: string): void {
  const submenu = menu.find((entry) => entry.label === top)?.submenu;
  const entry = (submenu as MenuItemConstructorOptions[]).find((each) => each.label === label);
  // Our click handlers ignore Electron's (menuItem, window, event) arguments.
  (entry?.click as () => void)();
}

describe('application menu', () => {
  const actions = { sendCommand: vi.fn(), showAbout: vi.fn(), openAuthoringGuide: vi.fn() };

  it('has File, View and Help, and File sends its commands to the renderer', () => {
    const menu = menuTemplate(actions, 'linux', false);
    expect(menu.map((entry) => entry.label ?? entry.role)).toEqual([
      '&File',
      'editMenu',
      '&View',
      'help',
    ]);
    click(menu, '&File', 'Open Lesson Folder…');
    click(menu, '&File', 'Export Grades…');
    expect(actions.sendCommand.mock.calls).toEqual([['open-lesson-folder'], ['export-grades']]);
    const file = menu[0]?.submenu as MenuItemConstructorOptions[];
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('offers developer tools only in development', () => {
    const roles = (isDevelopment: boolean) =>
      (
        menuTemplate(actions, 'linux', isDevelopment)[2]?.submenu as MenuItemConstructorOptions[]
      ).map((entry) => entry.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});

describe('export grades', () => {
  beforeEach(() => fake.resetFakeElectron());

  it('writes the CSV where the user chose', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'gradlab-export-'));
    const target = path.join(folder, 'my grades.csv');
    fake.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const csv = 'lesson,item,attempts,score,time\nderivatives,p1,2,0.9,2026-11-27T06:00:00Z\n';
    await expect(exportGrades(null, csv, 'grades.csv', '/home/student/Documents')).resolves.toBe(
      target,
    );
    expect(fake.dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: '/home/student/Documents/grades.csv' }),
    );
    expect(await readFile(target, 'utf8')).toBe(csv);
  });

  it('resolves to null when the user cancels', async () => {
    fake.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    await expect(exportGrades(null, 'a\n', 'grades.csv', '/tmp')).resolves.toBeNull();
  });

  it.each([
    ['grades.csv', 'grades.csv'],
    ['grades', 'grades.csv'],
    ['../../.bashrc', '.bashrc.csv'],
    ['C:\\Windows\\evil.csv', 'evil.csv'],
    ['a<b>:c|d?.csv', 'a_b__c_d_.csv'],
    ['', 'grades.csv'],
  ])('suggests a plain file name for %j', (suggested, expected) => {
    expect(safeCsvName(suggested)).toBe(expected);
  });
});
