// Entry point of the renderer (desktop window and web build alike). Python takes seconds to
// start, so its worker starts first, as this module runs; the page runs this script as soon as
// it has arrived (async), so the page's elements may still be coming.
import './styles.css';
import { PythonSession } from './python/session.ts';
import { App } from './app.ts';

const python = new PythonSession(new URL('pyodide/', document.baseURI).href);
await documentParsed();
void new App(python).start();

function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}
