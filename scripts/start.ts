// `npm start`: the desktop app where an Electron binary exists (`electron-forge start`), else the
// same app as the web build on localhost. No Electron binary can be downloaded on machines
// without GitHub access, and then the web build is the app. Never a stack trace.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { findElectronBinary, probeInstalledElectron } from './electron-binary.ts';
import { serveWebBuild, type WebServer } from './web.ts';

export const NO_DESKTOP_SENTENCE =
  'The Gradlab desktop window cannot open here because this machine has no Electron binary, ' +
  'so Gradlab is served as a web app instead.';

const DEFAULT_WEB_PORT = 5175;

function runForgeStart(): Promise<number> {
  const forge = createRequire(import.meta.url).resolve(
    '@electron-forge/cli/dist/electron-forge.js',
  );
  const child = spawn(process.execPath, [forge, 'start', ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`gradlab: could not run electron-forge: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function serveOnFreePort(): Promise<WebServer> {
  const port = Number(process.env.PORT ?? DEFAULT_WEB_PORT);
  try {
    return await serveWebBuild({ port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return serveWebBuild({ port: 0, build: false });
  }
}

async function main(): Promise<void> {
  if (findElectronBinary(probeInstalledElectron()) !== null) {
    process.exitCode = await runForgeStart();
    return;
  }
  console.log(NO_DESKTOP_SENTENCE);
  const server = await serveOnFreePort();
  console.log(`Open ${server.url} in a browser. Press Ctrl+C to stop.`);
  process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // The message only: a build error's own text says what is wrong and where; no stack trace.
  console.error(`gradlab: npm start failed: ${message}`);
  process.exitCode = 1;
});
