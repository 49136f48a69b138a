// Entry point of the renderer (desktop window and web build alike). Python takes seconds to
// start, so its worker starts first, before the rest of the app's code has even loaded.
import './styles.css';
import { PythonSession } from './python/session.ts';

const python = new PythonSession(new URL('pyodide/', document.baseURI).href);
const { App } = await import('./app.ts');
void new App(python).start();
