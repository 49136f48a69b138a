// core/ keeps no state between calls (it is called by every shell at once): the lint rule that
// says so catches module-level `let` and the usual disguises of state, a module-level Map, Set,
// WeakMap or empty array/object that code fills in, and lets read-only lookup tables be.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared.ts';

async function stateProblems(code: string, filePath: string): Promise<number[]> {
  const [result] = await new ESLint({ cwd: repoRoot }).lintText(code, { filePath });
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-syntax')
    .map((message) => message.line);
}

describe('no mutable module-level state in core/', { timeout: 60_000 }, () => {
  it('flags let, and a Map, Set, WeakMap, empty array or empty object kept by a module', async () => {
    const code = [
      'export let nextId = 1;',
      'const ids = new WeakMap<object, number>();',
      'export const seen = new Set<string>();',
      'const pool: number[] = [];',
      'const byName: Record<string, number> = {};',
      'const scopes = new Map<string, number>();',
      'export function use() { nextId++; return [ids, pool, byName, scopes]; }',
    ].join('\n');
    for (const file of ['core/python/example.ts', 'core/symbolic/example.ts'])
      expect(await stateProblems(code, file)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('lets read-only tables and state created per call be', async () => {
    const code = [
      "const NAMES: ReadonlySet<string> = new Set(['sin', 'cos']);",
      'const LIMIT = 10;',
      'export function count(names: string[]) {',
      '  const seen = new Set<string>();',
      '  for (const name of names) if (NAMES.has(name)) seen.add(name);',
      '  return Math.min(seen.size, LIMIT);',
      '}',
    ].join('\n');
    expect(await stateProblems(code, 'core/lessons/example.ts')).toEqual([]);
  });
});
