// Derivative cases beyond the public golden set, written by tools/derivative-probes/generate.py
// with SymPy and PyTorch (which CI does not have) in the golden set's style and harder: deeper
// nesting, every function we know, symbolic exponents, three variables
// (tests/fixtures/derivative-probes.json), and points near domain edges
// (derivative-probes-edges.json). Each case is checked as the golden cases are.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared.ts';
import { checkCase } from './derivative-conformance.ts';
import type { DerivativeCase } from './derivative-conformance.ts';

function fixture(name: string): DerivativeCase[] {
  const text = readFileSync(`${repoRoot}tests/fixtures/${name}`, 'utf8');
  return (JSON.parse(text) as { cases: DerivativeCase[] }).cases;
}

const probes = fixture('derivative-probes.json');
const edges = fixture('derivative-probes-edges.json');

describe('derivative probes', () => {
  it('has at least 500 cases, with three-variable ones and every function we know', () => {
    expect(probes.length).toBeGreaterThanOrEqual(500);
    expect(probes.filter((c) => c.vars.length === 3).length).toBeGreaterThan(50);
    const text = probes.map((c) => c.expr).join(' ');
    for (const name of ['sin', 'cos', 'tan', 'tanh', 'sinh', 'cosh', 'asin', 'acos', 'atan'])
      expect(text).toMatch(new RegExp(`\\b${name}\\(`));
    for (const name of ['exp', 'log', 'sqrt', 'abs', 'relu']) expect(text).toContain(`${name}(`);
  });

  it.each(probes.map((c, i) => [i, c.expr, c] as const))('%i: %s', (_i, _expr, c) => {
    expect(checkCase(c)).toEqual([]);
  });
});

describe('derivative probes near domain edges', () => {
  it('has points near zero and far out', () => {
    const values = edges.flatMap((c) => c.points.flatMap((p) => Object.values(p.at)));
    expect(values.filter((v) => Math.abs(v) <= 0.05).length).toBeGreaterThan(100);
    expect(values.filter((v) => Math.abs(v) >= 2.5).length).toBeGreaterThan(100);
  });

  it.each(edges.map((c, i) => [i, c.expr, c] as const))('%i: %s', (_i, _expr, c) => {
    expect(checkCase(c)).toEqual([]);
  });
});
