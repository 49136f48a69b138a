// Locates ../shared (reference data beside the repository, as in CI).
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const sharedRoot = fileURLToPath(new URL('../../../shared/', import.meta.url));

export function sharedPath(relative: string): string {
  return sharedRoot + relative;
}

export function readSharedJson<T>(relative: string): T {
  return JSON.parse(readFileSync(sharedPath(relative), 'utf8')) as T;
}
