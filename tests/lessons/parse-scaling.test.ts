// Parsing a lesson takes time in proportion to its length, whatever it is made of: a lesson
// repeated eight times over takes at most four times eight as long to parse (a quadratic step
// takes 64 times; linear parsing measures 5 to 15 here, the cost per character growing a little
// with the heap). Time is the process's CPU time, which other programs on a busy machine do not
// inflate; each size is parsed three times, interleaved with the other, and the fastest run of
// each is compared, so the verdict does not depend on the machine's load.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../core/lessons/load.ts';

const FRAGMENTS = [
  'Text with $x^{i}$, an escaped \\$ and $$ y_{i} $$ here.',
  '\\\\$',
  'a $ that never closes',
  '$\\fraac{i}$ does not render',
  '*emphasis _under* `code {i}` [link](https://example.com/{i}) <b>bold</b> ~~gone~~',
  '```practice\nid: p{i}\nprompt: What is $x_{i}$?\nanswer: {type: number, value: {i}}\nhints: [a, b]\n```',
  '```practice\nid: q{i}\nprompt: Hi\nanswer: {type: number, value: 1}\nbogus{i}: 1\n```',
  '```python\nx = {i}\n```',
  '```derivative\nf: x^2 + {i}\nwrt: x\n```',
  '## Step {i}\n\nText.',
  '| a | b |\n|---|---|\n| $x$ | {i} |',
  '- item {i}\n  - nested $z$',
  '> quoted [ref {i}]\n\n[ref {i}]: https://example.com',
];

const SEPARATORS = ['\n\n', '\n', ' '];
interface Chunk {
  chunk: string;
  separator: string;
}

/** One long paragraph of each: these took time growing with the square of the lesson. */
const ONCE_QUADRATIC: Chunk[] = [
  { chunk: '\\\\$', separator: ' ' },
  { chunk: '$\\fraac{i}$ does not render', separator: ' ' },
  // Many YAML errors in one block: each error's position was found by a walk of the whole block.
  { chunk: `${FRAGMENTS[6]} ${FRAGMENTS[9]}`, separator: ' ' },
];

const BASE_CHARS = 8_000;
const GROWTH = 8;
const ALLOWED_SLOWDOWN = 4;

/** The chunk repeated with the separator of its fragments: a ' ' makes one long paragraph. */
function lesson({ chunk, separator }: Chunk, repeats: number): string {
  const body = Array.from({ length: repeats }, (_, index) =>
    chunk.replaceAll('{i}', String(index)),
  );
  return `---\nid: scaling\ntitle: Scaling\n---\n\n## First\n\n${body.join(separator)}\n`;
}

function cpuMilliseconds(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function fastestParse(texts: string[], runs: number): number[] {
  const fastest = texts.map(() => Infinity);
  for (const text of texts) loadLesson('warm-up.md', text);
  for (let run = 0; run < runs; run += 1)
    texts.forEach((text, index) => {
      const used = cpuMilliseconds(() => loadLesson('scaling.md', text));
      fastest[index] = Math.min(fastest[index], used);
    });
  return fastest;
}

describe('lesson parsing time', () => {
  it(`is at most ${GROWTH * ALLOWED_SLOWDOWN}× for a ${GROWTH}× longer lesson`, () => {
    const chunk = fc
      .tuple(
        fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...SEPARATORS),
      )
      .map(([fragments, separator]): Chunk => ({ chunk: fragments.join(separator), separator }));
    fc.assert(
      fc.property(chunk, (text) => {
        const repeats = Math.ceil(BASE_CHARS / text.chunk.length);
        const [small, large] = fastestParse(
          [lesson(text, repeats), lesson(text, repeats * GROWTH)],
          3,
        );
        expect(large / small).toBeLessThan(GROWTH * ALLOWED_SLOWDOWN);
      }),
      // A fixed seed: CI gives the same verdict on every run (the examples are checked first).
      { numRuns: 10, seed: 20_261_207, examples: ONCE_QUADRATIC.map((chunk) => [chunk]) },
    );
  });
});
