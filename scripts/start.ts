// `npm start`: the desktop app where an Electron binary exists (`electron-forge start`), else the
// same app as the web build on localhost. No Electron binary can be downloaded on machines
// without GitHub access, and then the web build is the app. Never a stack trace.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { findElectronBinary, probeInstalledElectron } from './electron-binary.ts';
import { serveWebBuild, type WebServer } from './web.ts';
import { portMovedSentence } from './free-port.ts';

export const NO_DESKTOP_SENTENCE =
  'The Gradlab desktop window cannot open here because this machine has no Electron binary, ' +
  'so Gradlab is served as a web app instead.';

const DEFAULT_WEB_PORT = 5175;

export interface StartDependencies {
  electronBinary(): string | null;
  /** Runs `electron-forge start`; resolves to its exit status. */
  runDesktop(): Promise<number>;
  serveWeb(options: { port: number; build?: boolean }): Promise<WebServer>;
  port: number;
  log(line: string): void;
  error(line: string): void;
}

/** Resolves to the exit status, or to null while the web build is being served. */
export async function start(deps: StartDependencies): Promise<number | null> {
  try {
    if (deps.electronBinary() !== null) return await deps.runDesktop();
    deps.log(NO_DESKTOP_SENTENCE);
    const server = await deps.serveWeb({ port: deps.port });
    const moved = portMovedSentence(server.port.asked, server.port.got);
    if (moved) deps.log(moved);
    deps.log(`Open ${server.url} in a browser. Press Ctrl+C to stop.`);
    return null;
  } catch (error) {
    // The message only: a build error's own text says what is wrong and where.
    const message = error instanceof Error ? error.message : String(error);
    deps.error(`gradlab: npm start failed: ${message}`);
    return 1;
  }
}

function runForgeStart(): Promise<number> {
  const forge = createRequire(import.meta.url).resolve(
    '@electron-forge/cli/dist/electron-forge.js',
  );
  const child = spawn(process.execPath, [forge, 'start', ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (import.meta.main) {
  const status = await start({
    electronBinary: () => findElectronBinary(probeInstalledElectron()),
    runDesktop: runForgeStart,
    serveWeb: serveWebBuild,
    port: Number(process.env.PORT ?? DEFAULT_WEB_PORT),
    log: (line) => console.log(line),
    error: (line) => console.error(line),
  });
  if (status !== null) process.exitCode = status;
}
