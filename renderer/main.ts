// Entry point of the renderer (desktop window and web build alike). Python takes seconds to
// start, so its worker starts first, before the rest of the app's code has even loaded. The page
// runs this script as soon as it has arrived (async), so the page's elements may still be coming.
import './styles.css';
import { PythonSession } from './python/session.ts';

const python = new PythonSession(new URL('pyodide/', document.baseURI).href);
const [{ App }] = await Promise.all([import('./app.ts'), documentParsed()]);
void new App(python).start();

function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}
