// `npm run lint` runs dependency-cruiser with .dependency-cruiser.js: here it is run the same way
// over a small tree (tests/fixtures/layering) holding one of each thing it must refuse.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = path.join(root, 'tests/fixtures/layering');

/** The exit status, and each error as `rule: from → to` (for a cycle, its first step). */
function cruise(): { status: number | null; errors: string[] } {
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'),
      '--config',
      path.join(root, '.dependency-cruiser.js'),
      'core',
    ],
    { cwd: fixture, encoding: 'utf8' },
  );
  const report = run.stdout.replace(/\s+/g, ' ');
  const errors = [...report.matchAll(/error ([\w-]+): (\S+) → (\S+)/g)];
  return {
    status: run.status,
    errors: errors.map(([, rule, from, to]) => `${rule}: ${from} → ${to}`),
  };
}

describe('the import lint', () => {
  const { status, errors } = cruise();

  it('fails with the three errors and no others', () => {
    expect(status).toBe(3);
    expect(errors).toHaveLength(3);
  });

  it('refuses an upward import and a Node built-in in core/, and allows a downward one', () => {
    expect(errors).toContain(
      'core-printing-imports-upward: core/printing/upward.ts → core/autograd/tensor.ts',
    );
    expect(errors).toContain('core-imports-node: core/lessons/reads-node.ts → fs');
    expect(errors.filter((line) => line.includes('→ core/printing/format.ts'))).toEqual([]);
  });

  it('refuses a cycle, even one closed by a type-only import', () => {
    expect(errors).toContain('no-circular: core/symbolic/left.ts → core/symbolic/right.ts');
  });
});
