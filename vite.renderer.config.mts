// The renderer's Vite config: used by Electron Forge's Vite plugin (which adds its own outDir)
// and, through vite.web.config.mts, by the static web build.
//
// The project root stays the repository root so that `import.meta.glob('/lessons/*.md')` and
// `/core/python/py/**` resolve as everywhere else. The page is renderer/index.html; a build
// writes it as <outDir>/index.html (see htmlAtOutputRoot), beside assets/ and pyodide/.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import type { PythonKernel as Kernel } from './core/python/kernel.ts';
import type { parseLesson as ParseLesson } from './core/lessons/parse.ts';
import { lessonTextHash } from './core/lessons/text-hash.ts';
import { packSnapshot, snapshotFile } from './renderer/python/snapshot-pages.ts';
import { patchSnapshotRestore } from './renderer/python/snapshot-restore-patch.ts';
import { courseOrder, lessonSummary } from './renderer/lesson-summary.ts';
import { securityHeaders } from './node/security-headers.ts';
import { contentTypeOf } from './electron/static-files.ts';

const repoRoot = dirname(fileURLToPath(import.meta.url));
const pyodideDir = join(repoRoot, 'node_modules', 'pyodide');

/** Pyodide's runtime files, fetched by the worker at start-up from `<base>/pyodide/`. */
export const pyodideRuntimeFiles = [
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

/** A memory snapshot of a booted interpreter (renderer/python/snapshot-pages.ts): the worker
 *  boots from it in a fraction of the time a cold start takes (pinned Pyodide version; the
 *  worker falls back to a cold start). */
export { snapshotFile };

async function pythonSnapshot(): Promise<Uint8Array> {
  const { loadPyodide } = await import('pyodide');
  // Loaded by Node when the build runs, not bundled into this config by Vite.
  const kernelModule = join(repoRoot, 'core', 'python', 'kernel.ts');
  const { PythonKernel } = (await import(/* @vite-ignore */ pathToFileURL(kernelModule).href)) as {
    PythonKernel: typeof Kernel;
  };
  let snapshot: Uint8Array | undefined;
  await PythonKernel.start({
    loadPyodide,
    indexURL: pyodideDir + '/',
    sources: pythonSources(),
    onSnapshot: (bytes) => (snapshot = bytes),
  });
  if (!snapshot) throw new Error('Pyodide made no memory snapshot.');
  return snapshot;
}

/** core/python/py/** as the kernel wants them: `{'torch/__init__.py': text, ...}`. */
function pythonSources(): Record<string, string> {
  const root = join(repoRoot, 'core', 'python', 'py');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' });
  return Object.fromEntries(
    files
      .filter((file) => file.endsWith('.py'))
      .map((file) => [file, readFileSync(join(root, file), 'utf8')]),
  );
}

/** A file of Pyodide's runtime as the page gets it: pyodide.asm.mjs with its snapshot copy
 *  patched (renderer/python/snapshot-restore-patch.ts), the rest as shipped. */
function pyodideRuntimeFile(name: string): Uint8Array | string {
  const path = join(pyodideDir, name);
  return name === 'pyodide.asm.mjs'
    ? patchSnapshotRestore(readFileSync(path, 'utf8'))
    : readFileSync(path);
}

/** Copies Pyodide's runtime unhashed into `<outDir>/pyodide/` and serves it there in dev. */
function pyodideRuntime(): Plugin {
  let outDir = '';
  return {
    name: 'gradlab-pyodide-runtime',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.match(/\/pyodide\/([\w.-]+)$/)?.[1];
        if (!name || !pyodideRuntimeFiles.includes(name)) return next();
        res.setHeader('Content-Type', contentTypeOf(name));
        res.end(pyodideRuntimeFile(name));
      });
    },
    async writeBundle() {
      const target = join(outDir, 'pyodide');
      mkdirSync(target, { recursive: true });
      for (const file of pyodideRuntimeFiles) {
        writeFileSync(join(target, file), pyodideRuntimeFile(file));
      }
      writeFileSync(join(target, snapshotFile), packSnapshot(await pythonSnapshot()));
    },
  };
}

const prebuiltLessonsId = 'virtual:gradlab-prebuilt-lessons';
/** One module per built-in lesson's data: `virtual:gradlab-prebuilt-lesson/<file name>`. */
const prebuiltLessonPrefix = 'virtual:gradlab-prebuilt-lesson/';

interface ParsedLesson {
  textHash: string;
  result: ReturnType<typeof ParseLesson>;
}

/**
 * The built-in lessons parsed now, in Node, so the page need not load the parser to show them.
 * The index (hash, summary and problems of each) is part of the app's code; each lesson's data
 * is a chunk of its own, loaded when the page first needs it, except the first lesson in course
 * order (the one a first visit opens), whose data is part of the app's code too.
 */
function prebuiltLessons(): Plugin {
  const lessonsDir = join(repoRoot, 'lessons');
  let parsing: Promise<Map<string, ParsedLesson>> | null = null;
  let firstFile: string | undefined;
  const parseAll = async (): Promise<Map<string, ParsedLesson>> => {
    const parserModule = pathToFileURL(join(repoRoot, 'core', 'lessons', 'parse.ts')).href;
    const { parseLesson } = (await import(/* @vite-ignore */ parserModule)) as {
      parseLesson: typeof ParseLesson;
    };
    const parsed = new Map<string, ParsedLesson>();
    for (const file of readdirSync(lessonsDir)) {
      if (!file.endsWith('.md') || file.toLowerCase() === 'readme.md') continue;
      const text = readFileSync(join(lessonsDir, file), 'utf8');
      parsed.set(file, { textHash: lessonTextHash(text), result: parseLesson(file, text) });
    }
    const summaries = [...parsed].flatMap(([file, { result }]) =>
      result.lesson ? [{ file, summary: lessonSummary(result.lesson) }] : [],
    );
    firstFile = summaries.sort((a, b) => courseOrder(a.summary, b.summary))[0]?.file;
    return parsed;
  };
  const parsed = () => (parsing ??= parseAll());
  return {
    name: 'gradlab-prebuilt-lessons',
    buildStart() {
      parsing = null;
    },
    watchChange() {
      parsing = null;
    },
    resolveId(id) {
      return id === prebuiltLessonsId || id.startsWith(prebuiltLessonPrefix) ? '\0' + id : null;
    },
    async load(id) {
      if (id === '\0' + prebuiltLessonsId) {
        const lessons = await parsed();
        const entries = [...lessons].map(([file, { textHash, result }]) => {
          this.addWatchFile(join(lessonsDir, file));
          const index = {
            textHash,
            summary: result.lesson ? lessonSummary(result.lesson) : null,
            problems: result.problems,
          };
          const load =
            file === firstFile
              ? 'Promise.resolve({ default: firstLesson })'
              : `import(${JSON.stringify(prebuiltLessonPrefix + file)})`;
          return `  ${JSON.stringify(file)}: { ...${JSON.stringify(index)}, load: () => ${load} },`;
        });
        // The lesson a first visit opens comes with the app's code: the page can show it in
        // the same task that builds the app, with no request or frame in between.
        const first = firstFile
          ? `import firstLesson from ${JSON.stringify(prebuiltLessonPrefix + firstFile)};\n`
          : '';
        return `${first}export default {\n${entries.join('\n')}\n};\n`;
      }
      if (id.startsWith('\0' + prebuiltLessonPrefix)) {
        const file = id.slice(1 + prebuiltLessonPrefix.length);
        this.addWatchFile(join(lessonsDir, file));
        const lesson = (await parsed()).get(file)?.result.lesson ?? null;
        // A JSON string parses faster than the same object written as JavaScript.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(lesson))});`;
      }
      return null;
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

/** KaTeX's fonts that nearly every formula uses (upright and italic letters). They are
 *  font-display: block, so until they arrive the maths of the first lesson stays invisible; the
 *  page's .font-warmup letters (styles.css) have them decoded by its first frame. */
const everydayMathFonts = ['KaTeX_Main-Regular', 'KaTeX_Math-Italic'];

/**
 * The built page carries what its first paint needs, so that paint waits for one request (the
 * entry script, which holds the app and the first lesson) rather than several: the stylesheet
 * goes inline in a <style> element (the CSP allows inline styles for KaTeX anyway), with the
 * everyday maths fonts in it as data: URLs (font-src allows data:). The entry script runs as
 * soon as it has arrived (async).
 */
function startupHints(): Plugin {
  return {
    name: 'gradlab-startup-hints',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (page?.type !== 'asset') return;
      const html = String(page.source).replace(
        /<script type="module" (?!async)/,
        '<script type="module" async ',
      );
      page.source = html.replace(
        /<link rel="stylesheet" crossorigin href="\.\/(assets\/[^"]+\.css)">/,
        (link, cssFile: string) => {
          const css = bundle[cssFile];
          if (css?.type !== 'asset') return link;
          delete bundle[cssFile];
          return `<style>${inlineStylesheet(String(css.source), bundle)}</style>`;
        },
      );
    },
  };
}

/** A stylesheet from assets/ made fit to sit in the page: its URLs point into assets/, and the
 *  everyday maths fonts are data: URLs. */
function inlineStylesheet(css: string, bundle: Rollup.OutputBundle): string {
  return css.replace(/url\(\.\/([^)]+)\)/g, (_url, file: string) => {
    const font = bundle[`assets/${file}`];
    const everyday =
      file.endsWith('.woff2') && everydayMathFonts.some((name) => file.startsWith(`${name}-`));
    if (everyday && font?.type === 'asset' && font.source instanceof Uint8Array) {
      return `url(data:font/woff2;base64,${Buffer.from(font.source).toString('base64')})`;
    }
    return `url(./assets/${file})`;
  });
}

/** The dev server sends the same headers as the web build's server. */
function securityHeadersInDev(): Plugin {
  return {
    name: 'gradlab-security-headers',
    configureServer(server) {
      const origin = `http://localhost:${server.config.server.port ?? 5173}`;
      const headers = securityHeaders({ devServerOrigin: origin });
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        next();
      });
    },
  };
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string })
    .version;
}

export default defineConfig({
  root: repoRoot,
  base: './',
  publicDir: false,
  // The app's version, written into submission files.
  define: { __GRADLAB_VERSION__: JSON.stringify(packageVersion()) },
  plugins: [
    prebuiltLessons(),
    pyodideRuntime(),
    htmlAtOutputRoot(),
    startupHints(),
    securityHeadersInDev(),
  ],
  worker: { format: 'es', rollupOptions: { checks: { pluginTimings: false } } },
  optimizeDeps: { exclude: ['pyodide'] },
  build: {
    target: 'es2023',
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: join(repoRoot, 'renderer', 'index.html'),
      // Making the Python snapshot takes seconds by design: no timing report for it.
      checks: { pluginTimings: false },
      // pyodide.mjs imports node:* for its Node code path, which the worker never takes.
      onwarn(warning, warn) {
        if (/externalized for browser compatibility.*pyodide\.mjs/s.test(warning.message)) return;
        warn(warning);
      },
    },
  },
});
