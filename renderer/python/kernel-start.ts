// Starts the worker's PythonKernel from the runtime files already on their way (runtime-files.ts):
// from the build's memory snapshot, or cold when there is none or it does not fit this runtime.
import { loadPyodide } from 'pyodide';
import { PythonKernel } from '../../core/python/kernel.ts';
import type { RuntimeFiles } from './runtime-files.ts';

type PyodideConfig = NonNullable<Parameters<typeof loadPyodide>[0]>;
type CreatePyodideModule = NonNullable<PyodideConfig['createPyodideModule']>;

/** pyodide.asm.mjs as imported. */
export interface PyodideModuleScript {
  default: CreatePyodideModule;
}

const sourceFiles = import.meta.glob<string>('/core/python/py/**/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const sources = Object.fromEntries(
  Object.entries(sourceFiles).map(([path, text]) => [path.replace('/core/python/py/', ''), text]),
);

export async function startKernel(indexURL: string, runtime: RuntimeFiles): Promise<PythonKernel> {
  const fromFiles: typeof loadPyodide = (options) =>
    loadPyodide({
      ...options,
      _loadSnapshot: runtime.snapshot,
      lockFileContents: runtime.lockFile,
      createPyodideModule: withCompiledWasm(runtime),
    }).then((pyodide) => {
      performance.mark('python:pyodide-loaded');
      return pyodide;
    });
  try {
    return await PythonKernel.start({ loadPyodide: fromFiles, indexURL, sources });
  } catch {
    // No snapshot, or one that does not fit this runtime: start cold instead.
    performance.mark('python:cold-start');
    return PythonKernel.start({ loadPyodide, indexURL, sources });
  }
}

/**
 * Pyodide instantiates its wasm with `WebAssembly.instantiateStreaming` only once the snapshot has
 * arrived; by then the worker has compiled it, so that one call takes the compiled module.
 */
function withCompiledWasm(runtime: RuntimeFiles): CreatePyodideModule {
  return async (settings) => {
    const { default: create } = await runtime.moduleScript;
    const compiled = await runtime.wasm;
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (_source, imports) => {
      WebAssembly.instantiateStreaming = streaming;
      return { module: compiled, instance: await WebAssembly.instantiate(compiled, imports) };
    };
    performance.mark('python:instantiate');
    try {
      return await create(settings);
    } finally {
      WebAssembly.instantiateStreaming = streaming;
      performance.mark('python:module-created');
    }
  };
}
