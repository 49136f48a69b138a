// The packaged app's build settings that matter for security and for finding its files.
import { describe, expect, it } from 'vitest';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import config from '../../forge.config.ts';

function plugin(name: string): Record<string, unknown> {
  const found = config.plugins?.find((each) => (each as { name?: string }).name === name);
  if (!found) throw new Error(`no ${name} plugin`);
  return found as unknown as Record<string, unknown>;
}

describe('forge.config.ts', () => {
  it('flips the fuses a packaged Gradlab never needs', () => {
    expect(plugin('fuses').fusesConfig).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('packs the app into an asar and ships the course beside it', () => {
    expect(config.packagerConfig).toMatchObject({ asar: true, extraResource: ['lessons'] });
  });

  it('builds main, preload and the renderer named main_window with Vite', () => {
    expect(plugin('vite').config).toMatchObject({
      build: [
        { entry: 'electron/main.ts', target: 'main' },
        { entry: 'electron/preload.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.mts' }],
    });
  });

  it('makes zip, deb, Squirrel and DMG packages', () => {
    expect(config.makers?.map((maker) => (maker as { name?: string }).name).sort()).toEqual(
      ['deb', 'dmg', 'squirrel', 'zip'].sort(),
    );
  });
});
