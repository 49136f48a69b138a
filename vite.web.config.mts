// The static web build: the renderer with the web host, written to dist/web (served by
// scripts/web.ts, or by any server that sends the headers in vite.renderer.config.mts).
import { mergeConfig } from 'vite';
import rendererConfig from './vite.renderer.config.mts';

export default mergeConfig(rendererConfig, {
  build: { outDir: 'dist/web', emptyOutDir: true },
});
