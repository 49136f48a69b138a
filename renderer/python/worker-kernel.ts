// The worker's second half: Gradlab's kernel, its JS engine module and the Python sources. It
// loads while Pyodide's files download, so the worker's first script stays small.
export { PythonKernel } from '../../core/python/kernel.ts';

const sourceFiles = import.meta.glob<string>('/core/python/py/**/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** core/python/py/** as the kernel wants them: `{'torch/__init__.py': text, ...}`. */
export const sources = Object.fromEntries(
  Object.entries(sourceFiles).map(([path, text]) => [path.replace('/core/python/py/', ''), text]),
);
