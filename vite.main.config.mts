// Vite config of the main process bundle (electron/main.ts → .vite/build/main.cjs). Forge's Vite
// plugin supplies the entry, CommonJS output and Node externals; zod is bundled in.
import { defineConfig } from 'vite';

export default defineConfig({
  build: { sourcemap: true },
});
