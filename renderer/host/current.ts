// The host this page runs in: the Electron preload's API when present, else the web host.
import type { HostApi } from './api.ts';
import { WebHost } from './web.ts';

export function currentHost(): HostApi {
  const preload = (window as unknown as { gradlab?: HostApi }).gradlab;
  return preload ?? new WebHost();
}
