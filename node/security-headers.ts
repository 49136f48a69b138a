// The headers on every response of the app's own protocol (and, for the web build, its server):
// a strict Content-Security-Policy, and COOP + COEP so the page is cross-origin isolated, which
// gives Pyodide the SharedArrayBuffer its interrupt buffer (the "Stop" button) needs.
//
// Each CSP allowance, and why:
// - script-src 'wasm-unsafe-eval': Pyodide compiles WebAssembly; without it loadPyodide never
//   settles. No 'unsafe-eval' and no 'unsafe-inline' for scripts.
// - style-src 'unsafe-inline': KaTeX positions glyphs with inline style attributes, and
//   CodeMirror injects its theme as <style> elements. Styles cannot run code.
// - img-src and font-src data:: Vite inlines small assets (some of KaTeX's fonts) as data: URLs.
// - worker-src 'self' only: the Python worker is a file of the build; no blob: workers.
// - connect-src 'self': Pyodide fetches its wasm and stdlib from the app itself; nothing else
//   may be reached, from the page or (since the worker script carries this header too) Python.
// - object-src, base-uri, form-action, frame-ancestors: nothing.

export interface SecurityHeaderOptions {
  /** Origin of Vite's dev server during `electron-forge start`, for its hot-reload socket. */
  devServerOrigin?: string;
}

function contentSecurityPolicy(options: SecurityHeaderOptions = {}): string {
  const connect = ["'self'"];
  if (options.devServerOrigin !== undefined) {
    connect.push(options.devServerOrigin.replace(/^http/, 'ws'));
  }
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'", 'data:'],
    ['worker-src', "'self'"],
    ['connect-src', ...connect],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
