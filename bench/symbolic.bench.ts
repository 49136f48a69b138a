// Symbolic engine and grader over ../shared/golden/derivatives-public.json: median and p95 of
// `derive` (parse, differentiate, LaTeX, the autograd value and the numeric guard) and of grading
// a number and an expression answer derived with `from:`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { derive } from '../core/symbolic/derive.ts';
import { parseMath } from '../core/symbolic/parse.ts';
import { autogradEvaluator } from '../core/symbolic/autograd.ts';
import { gradeAnswer } from '../core/grading/grade.ts';
import type { PracticeItem } from '../core/lessons/types.ts';

interface GoldenCase {
  expr: string;
  vars: string[];
  derivative: Record<string, string>;
  points: { at: Record<string, number>; grad: Record<string, number> }[];
}

const golden = fileURLToPath(
  new URL('../../shared/golden/derivatives-public.json', import.meta.url),
);
const cases = (JSON.parse(readFileSync(golden, 'utf8')) as { cases: GoldenCase[] }).cases;
const tolerance = { absolute: 1e-9, relative: 1e-6 };

function item(answer: PracticeItem['answer']): PracticeItem {
  return {
    id: 'bench',
    prompt: '',
    points: 1,
    penalty: 0.1,
    answer,
    hints: [],
    feedback: [],
    line: 1,
  };
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function report(name: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  process.stdout.write(
    `${name.padEnd(38)} n=${String(sorted.length).padStart(3)}  median ${at(0.5).toFixed(3)} ms  p95 ${at(0.95).toFixed(3)} ms  max ${sorted[sorted.length - 1].toFixed(3)} ms\n`,
  );
}

async function measure(): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = { parse: [], derive: [], number: [], expression: [] };
  for (const c of cases) {
    const point = c.points[0];
    const wrt = c.vars[0];
    samples.parse.push(time(() => parseMath(c.expr)));
    samples.derive.push(
      time(() => derive(c.expr, c.vars, { at: point.at, autograd: autogradEvaluator })),
    );
    const numberItem = item({ type: 'number', tolerance, from: { f: c.expr, wrt, at: point.at } });
    samples.number.push(
      await timeAsync(() =>
        gradeAnswer(numberItem, String(point.grad[wrt]), { autograd: autogradEvaluator }),
      ),
    );
    const expressionItem = item({
      type: 'expression',
      vars: c.vars,
      limits: {},
      tolerance,
      from: { f: c.expr, wrt },
    });
    const typed = c.derivative[wrt].replace(/Heaviside/g, 'step');
    samples.expression.push(
      await timeAsync(() => gradeAnswer(expressionItem, typed, { autograd: autogradEvaluator })),
    );
  }
  return samples;
}

await measure(); // warm-up: JIT and caches
const samples = await measure();
report('parse (golden expr)', samples.parse);
report('derive --at with autograd + guard', samples.derive);
report('grade number answer (from: key)', samples.number);
report('grade expression answer (from: key)', samples.expression);
