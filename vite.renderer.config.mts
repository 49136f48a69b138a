// The renderer's Vite config: used by Electron Forge's Vite plugin (which adds its own outDir)
// and, through vite.web.config.mts, by the static web build.
//
// The project root stays the repository root so that `import.meta.glob('/lessons/*.md')` and
// `/core/python/py/**` resolve as everywhere else. The page is renderer/index.html; a build
// writes it as <outDir>/index.html (see htmlAtOutputRoot), beside assets/ and pyodide/.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = dirname(fileURLToPath(import.meta.url));
const pyodideDir = join(repoRoot, 'node_modules', 'pyodide');

/** Pyodide's runtime files, fetched by the worker at start-up from `<base>/pyodide/`. */
export const pyodideRuntimeFiles = [
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

/** Headers every response of the app carries: the CSP, and cross-origin isolation for Pyodide's
 *  interrupt buffer (SharedArrayBuffer). KaTeX needs inline styles; Pyodide needs wasm. */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; '),
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
};

/** Copies Pyodide's runtime unhashed into `<outDir>/pyodide/` and serves it there in dev. */
function pyodideRuntime(): Plugin {
  let outDir = '';
  return {
    name: 'gradlab-pyodide-runtime',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.match(/\/pyodide\/([\w.-]+)$/)?.[1];
        if (!name || !pyodideRuntimeFiles.includes(name)) return next();
        res.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : 'text/plain');
        if (name.endsWith('.mjs')) res.setHeader('Content-Type', 'text/javascript');
        res.end(readFileSync(join(pyodideDir, name)));
      });
    },
    writeBundle() {
      const target = join(outDir, 'pyodide');
      mkdirSync(target, { recursive: true });
      for (const file of pyodideRuntimeFiles)
        copyFileSync(join(pyodideDir, file), join(target, file));
    },
  };
}

/** Moves the built page from <outDir>/renderer/ to <outDir>/, fixing its relative URLs. */
function htmlAtOutputRoot(): Plugin {
  return {
    name: 'gradlab-html-at-output-root',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle['renderer/index.html'];
      if (page?.type !== 'asset') return;
      const source = String(page.source).replace(/(src|href)="\.\.\//g, '$1="./');
      delete bundle['renderer/index.html'];
      this.emitFile({ type: 'asset', fileName: 'index.html', source });
    },
  };
}

/** The dev server sends the same headers as the web build's server. */
function securityHeadersInDev(): Plugin {
  return {
    name: 'gradlab-security-headers',
    configureServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
        next();
      });
    },
  };
}

export default defineConfig({
  root: repoRoot,
  base: './',
  publicDir: false,
  plugins: [pyodideRuntime(), htmlAtOutputRoot(), securityHeadersInDev()],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['pyodide'] },
  build: {
    target: 'es2023',
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: join(repoRoot, 'renderer', 'index.html') },
  },
});
