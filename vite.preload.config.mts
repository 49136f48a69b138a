// Vite config of the preload bundle (electron/preload.ts → .vite/build/preload.cjs). A sandboxed
// preload can require only `electron`, so Forge's plugin bundles everything else into one file.
import { defineConfig } from 'vite';

export default defineConfig({});
