// Entry point of the renderer (desktop window and web build alike). Python's worker is created
// first, but its start (downloading, decompressing and compiling some 30 MB) keeps every core
// of a small machine busy: it begins once the first lesson is on screen, or after a second at
// the latest (a page opened in a background tab paints nothing until it is shown). The page runs
// this script as soon as it has arrived (async), so the page's elements may still be coming.
import './styles.css';
import { PythonSession } from './python/session.ts';

/** How long Python's start may wait for the first lesson to be painted. */
const pythonStartLatestMs = 1000;

let firstLessonShown!: () => void;
const pythonMayStart = new Promise<void>((resolve) => {
  firstLessonShown = resolve;
  setTimeout(resolve, pythonStartLatestMs);
});
const python = new PythonSession(new URL('pyodide/', document.baseURI).href, pythonMayStart);
const [{ App }] = await Promise.all([import('./app.ts'), documentParsed()]);
void new App(python).start().finally(firstLessonShown);

function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}
