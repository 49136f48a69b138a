// Entry point of the renderer (desktop window and web build alike). The page runs this script as
// soon as it has arrived (async), so the page's elements may still be coming.
//
// Python's worker is created at once, but its big downloads and compiles wait until the first
// lesson is on screen (or a second has passed): on two cores they slowed that first paint by a
// tenth of a second, and starting them that much sooner did not make Python ready any sooner
// (`npm run bench:ui`).
import './styles.css';
import { PythonSession } from './python/session.ts';
import { App } from './app.ts';

const pythonStartLimitMs = 1000;
let firstLessonShown!: () => void;
const lessonShown = new Promise<void>((resolve) => {
  firstLessonShown = resolve;
  setTimeout(resolve, pythonStartLimitMs);
});
const python = new PythonSession(new URL('pyodide/', document.baseURI).href, lessonShown);
await documentParsed();
void new App(python, firstLessonShown).start();

function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}
