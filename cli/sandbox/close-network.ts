// Node 24's permission model has no network switch (--allow-net comes with Node 25), so the
// sandboxed process removes every way its JavaScript (reachable from Python through `js`) can
// open a connection or listen, before any Python runs. process.binding, the way around the
// public modules, is already denied by the permission model.
import { builtinModules } from 'node:module';

const NETWORK_ENTRY_POINTS: Record<string, string[]> = {
  net: ['connect', 'createConnection', 'createServer'],
  tls: ['connect', 'createServer'],
  dgram: ['createSocket'],
  dns: ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny'],
  http: ['request', 'get', 'createServer'],
  https: ['request', 'get', 'createServer'],
  http2: ['connect', 'createServer', 'createSecureServer'],
};

const NETWORK_PROTOTYPES: [string, string, string[]][] = [
  ['net', 'Socket', ['connect']],
  ['net', 'Server', ['listen']],
  ['dgram', 'Socket', ['bind', 'send', 'connect']],
];

const NETWORK_GLOBALS = ['fetch', 'WebSocket', 'EventSource'];

function refuse(): never {
  throw new Error('network access is not allowed in the sandbox');
}

function seal(target: object, name: string): void {
  Object.defineProperty(target, name, { value: refuse, writable: false, configurable: false });
}

export function closeNetwork(): void {
  for (const [module, names] of Object.entries(NETWORK_ENTRY_POINTS)) {
    if (!builtinModules.includes(module)) continue;
    const exports = process.getBuiltinModule(module) as Record<string, unknown>;
    for (const name of names) seal(exports, name);
  }
  const dnsPromises = process.getBuiltinModule('dns/promises') as object;
  for (const name of NETWORK_ENTRY_POINTS.dns) seal(dnsPromises, name);
  for (const [module, className, methods] of NETWORK_PROTOTYPES) {
    const exports = process.getBuiltinModule(module) as Record<string, { prototype: object }>;
    for (const method of methods) seal(exports[className].prototype, method);
  }
  for (const name of NETWORK_GLOBALS) seal(globalThis, name);
}
