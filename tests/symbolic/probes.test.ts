// tests/fixtures/derivative-probes.json (written by tools/derivative-probes/generate.py with SymPy
// and PyTorch, which CI does not have): cases beyond the public golden set, in its style and
// harder — deeper nesting, every function we know, symbolic exponents, points near domain edges,
// three variables — each checked as the golden cases are.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared.ts';
import { checkCase } from './derivative-conformance.ts';
import type { DerivativeCase } from './derivative-conformance.ts';

const cases = (
  JSON.parse(readFileSync(`${repoRoot}tests/fixtures/derivative-probes.json`, 'utf8')) as {
    cases: DerivativeCase[];
  }
).cases;

describe('derivative probes', () => {
  it('has at least 500 cases, with three-variable ones and every function we know', () => {
    expect(cases.length).toBeGreaterThanOrEqual(500);
    expect(cases.filter((c) => c.vars.length === 3).length).toBeGreaterThan(50);
    const text = cases.map((c) => c.expr).join(' ');
    for (const name of ['sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh', 'asin', 'acos', 'atan'])
      expect(text).toMatch(new RegExp(`\\b${name}\\(`));
    for (const name of ['exp', 'log', 'sqrt', 'abs', 'relu']) expect(text).toContain(`${name}(`);
  });

  it.each(cases.map((c, i) => [i, c.expr, c] as const))('%i: %s', (_i, _expr, c) => {
    expect(checkCase(c)).toEqual([]);
  });
});
