// Runs derivative cases through the engine and reports what departs from SymPy and torch, how
// long derivation takes, and where our derivative is much longer than SymPy's.
//
//   node tools/derivative-probes/check.ts [FILE...]   (default: both probe files, the public golden set)
//   LONG_RATIO=1.4 node tools/derivative-probes/check.ts   (report derivatives 1.4x SymPy's length)
//
// FILE is a JSON file shaped like ../shared/golden/derivatives-public.json (see generate.py).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { derive } from '../../core/symbolic/derive.ts';
import { autogradEvaluator } from '../../core/symbolic/autograd.ts';
import { checkCase } from '../../tests/symbolic/derivative-conformance.ts';
import type { DerivativeCase, ProblemKind } from '../../tests/symbolic/derivative-conformance.ts';

const defaults = [
  fileURLToPath(new URL('../../tests/fixtures/derivative-probes.json', import.meta.url)),
  fileURLToPath(new URL('../../tests/fixtures/derivative-probes-edges.json', import.meta.url)),
  fileURLToPath(new URL('../../../shared/golden/derivatives-public.json', import.meta.url)),
];

/** Our derivative is reported as long when its text is this many times SymPy's, or more. */
const LONG_RATIO = Number(process.env.LONG_RATIO ?? 2);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function checkFile(file: string): void {
  const cases = (JSON.parse(readFileSync(file, 'utf8')) as { cases: DerivativeCase[] }).cases;
  const failing = new Map<ProblemKind, number>();
  let passed = 0;
  const symbolicTimes: number[] = [];
  const slowest: [number, string][] = [];
  const fullTimes: number[] = [];
  const long: string[] = [];
  let ourLength = 0;
  let sympyLength = 0;
  for (const c of cases) {
    const problems = checkCase(c);
    if (problems.length === 0) passed++;
    else {
      console.log(`✗ ${c.expr}`);
      for (const p of problems.slice(0, 4)) console.log(`    ${p.kind}: ${p.detail}`);
    }
    for (const kind of new Set(problems.map((p) => p.kind)))
      failing.set(kind, (failing.get(kind) ?? 0) + 1);
    const ours = derive(c.expr, c.vars);
    if (!ours.ok) continue;
    for (const v of c.vars) {
      const text = ours.derivation.derivatives[v].text ?? '';
      const theirs = c.derivative[v];
      ourLength += text.length;
      sympyLength += theirs.length;
      if (text.length >= LONG_RATIO * theirs.length && text.length > 30)
        long.push(
          `  ${c.expr}  d/d${v}\n    ours  (${text.length}): ${text}\n    sympy (${theirs.length}): ${theirs}`,
        );
    }
  }
  // Timed after every case ran once, so that the JIT has warmed up.
  for (const c of cases) {
    symbolicTimes.push(timed(() => derive(c.expr, c.vars)));
    const full = timed(() =>
      derive(c.expr, c.vars, { at: c.points[0].at, autograd: autogradEvaluator }),
    );
    fullTimes.push(full);
    slowest.push([full, c.expr]);
  }
  symbolicTimes.sort((a, b) => a - b);
  fullTimes.sort((a, b) => a - b);
  const ms = (t: number) => `${t.toFixed(3)} ms`;
  console.log(`\n${file}`);
  console.log(`  ${passed}/${cases.length} cases conform`);
  for (const [kind, count] of failing) console.log(`  ${count} cases with ${kind} problems`);
  console.log(
    `  derive (symbolic): median ${ms(percentile(symbolicTimes, 0.5))}, p95 ${ms(percentile(symbolicTimes, 0.95))}, max ${ms(symbolicTimes[symbolicTimes.length - 1])}`,
  );
  console.log(
    `  derive at a point with autograd and guard: median ${ms(percentile(fullTimes, 0.5))}, p95 ${ms(percentile(fullTimes, 0.95))}, max ${ms(fullTimes[fullTimes.length - 1])}`,
  );
  slowest.sort((a, b) => b[0] - a[0]);
  for (const [t, expr] of slowest.slice(0, 5)) console.log(`    ${ms(t)}  ${expr}`);
  console.log(`  total derivative text: ours ${ourLength} characters, SymPy's ${sympyLength}`);
  console.log(`  ${long.length} derivatives at least ${LONG_RATIO}x as long as SymPy's:`);
  for (const line of long) console.log(line);
}

for (const file of process.argv.length > 2 ? process.argv.slice(2) : defaults) checkFile(file);
